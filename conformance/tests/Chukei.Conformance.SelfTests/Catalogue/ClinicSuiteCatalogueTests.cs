using System.Reflection;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Fixtures;
using Chukei.Conformance.Requirements;

namespace Chukei.Conformance.SelfTests.Catalogue;

/// <summary>The clinic suite's tests, its cases and the requirement catalogue agree.</summary>
public sealed class ClinicSuiteCatalogueTests
{
    private static readonly IReadOnlyList<RequirementAttribute> TestRequirements = typeof(ClinicConformance)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Select(m => m.GetCustomAttribute<RequirementAttribute>())
        .OfType<RequirementAttribute>()
        .ToList();

    [Test]
    public void ClinicSuite_HasOneTestPerRequirementWithCases()
    {
        // Act
        var tested = TestRequirements.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.That(tested, Is.EqualTo(ClinicCases.Requirements), "each requirement with cases has exactly one test method, and no test method lacks cases");
    }

    [Test]
    public void ClinicSuite_RequirementsAreClinicRequesterOrAnyPartysRequirementsOfTheCatalogue()
    {
        // Act: ELG-005 and RLY-025 bind any requester, a clinic among them; AUTH-014 and ERR-008 bind every caller.
        var actors = TestRequirements.Select(r => RequirementCatalogue.Get(r.Id).Actor).Distinct().ToList();

        // Assert
        Assert.That(actors, Is.SubsetOf(new[] { "clinic", "requester", "any" }));
    }

    [Test]
    public void ClinicSuite_CaseNamesAreUniquePerRequirement()
    {
        // Act
        var names = ClinicCases.All.Select(c => c.ToString()).ToList();

        // Assert
        Assert.That(names, Is.Unique);
    }
}

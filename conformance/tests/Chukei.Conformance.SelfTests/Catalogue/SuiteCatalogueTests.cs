using System.Reflection;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Fixtures;
using Chukei.Conformance.Requirements;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.SelfTests.Catalogue;

/// <summary>The suite's tests, its cases and the requirement catalogue agree.</summary>
public sealed class SuiteCatalogueTests
{
    private static readonly IReadOnlyList<RequirementAttribute> TestRequirements = typeof(InsurerConformance)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Select(m => m.GetCustomAttribute<RequirementAttribute>())
        .OfType<RequirementAttribute>()
        .ToList();

    [Test]
    public void InsurerSuite_HasOneTestPerRequirementWithCases()
    {
        // Act
        var tested = TestRequirements.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.That(tested, Is.EqualTo(InsurerCases.Requirements), "each requirement with cases has exactly one test method, and no test method lacks cases");
    }

    [Test]
    public void InsurerSuite_RequirementsAreInsurerOrAnyPartyRequirementsOfTheCatalogue()
    {
        // Act
        var actors = TestRequirements.Select(r => RequirementCatalogue.Get(r.Id).Actor).Distinct().ToList();

        // Assert
        Assert.That(actors, Is.SubsetOf(new[] { "insurer", "any" }));
    }

    [Test]
    public void InsurerSuite_PresentsEverySealMutation()
    {
        // Act
        var presented = InsurerCases.All.Where(c => c.RequirementId.StartsWith("INS-0", StringComparison.Ordinal) && c.RequirementId != "INS-042" && c.RequirementId != "INS-043")
            .Select(c => c.Name);

        // Assert
        Assert.That(presented, Is.EquivalentTo(SealMutations.All.Select(m => m.Name)));
    }

    [Test]
    public void RequirementAttribute_CarriesTheLevelAsCategory()
    {
        // Arrange
        var attribute = new RequirementAttribute("LOG-010");

        // Assert
        Assert.That(attribute.Properties.Get("Requirement"), Is.EqualTo("LOG-010"));
        Assert.That(attribute.Properties.Get("Category"), Is.EqualTo("MUST"));
    }
}

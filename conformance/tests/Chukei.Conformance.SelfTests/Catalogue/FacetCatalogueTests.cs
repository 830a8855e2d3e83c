using System.Text.RegularExpressions;
using Chukei.Conformance.Requirements;

namespace Chukei.Conformance.SelfTests.Catalogue;

/// <summary>
/// docs/requirements/protocol-v1-facets.csv agrees with the requirement catalogue and the suites: every MUST is broken
/// into facets, every facet names only cases that exist, and every case is placed under a facet.
/// </summary>
public sealed partial class FacetCatalogueTests
{
    private const string Fix = "; fix docs/requirements/protocol-v1-facets.csv";

    [Test]
    public void Facets_NameOnlyCasesTheirSuiteHas()
    {
        // Arrange
        var cases = FacetCatalogue.SuiteCases.Select(c => c.Reference).ToHashSet(StringComparer.Ordinal);

        // Act
        var unknown = FacetCatalogue.All.SelectMany(f => f.Cases.Where(c => !cases.Contains(c)).Select(c => FacetCatalogue.Parse(c) is { } parsed
            ? $"facet {f.Id} names {c}, which the {parsed.Suite} suite does not have{(FacetCatalogue.Suites.Contains(parsed.Suite) ? "" : $" (suites: {string.Join(", ", FacetCatalogue.Suites)})")}"
            : $"facet {f.Id} names '{c}', which is not of the form \"<suite>:<REQ> <case-name>\""));

        // Assert
        Assert.That(unknown, Is.Empty, "every case a facet names exists in its suite" + Fix);
    }

    [Test]
    public void Facets_BelongToMustRequirementsOfTheCatalogue()
    {
        // Act
        var wrong = FacetCatalogue.All
            .Where(f => !RequirementCatalogue.Contains(f.RequirementId) || !RequirementCatalogue.Get(f.RequirementId).IsMust)
            .Select(f => RequirementCatalogue.Contains(f.RequirementId)
                ? $"facet {f.Id} belongs to {f.RequirementId}, which is {RequirementCatalogue.Get(f.RequirementId).Level}, not MUST"
                : $"facet {f.Id} belongs to {f.RequirementId}, which is not in docs/requirements/protocol-v1.csv");

        // Assert
        Assert.That(wrong, Is.Empty, "facets break MUST requirements only" + Fix);
    }

    [Test]
    public void Facets_HaveUniqueIdsOfTheirRequirement()
    {
        // Act
        var malformed = FacetCatalogue.All.Where(f => !FacetId().IsMatch(f.Id) || !f.Id.StartsWith(f.RequirementId + ".", StringComparison.Ordinal))
            .Select(f => $"facet '{f.Id}' of {f.RequirementId} is not named <requirement>.<letter> (e.g. {f.RequirementId}.a)");
        var repeated = FacetCatalogue.All.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"facet {g.Key} appears {g.Count()} times");

        // Assert
        Assert.That(malformed.Concat(repeated), Is.Empty, Fix[2..]);
    }

    [Test]
    public void Facets_StateADutyAndNoReasonWhenTested()
    {
        // Act: a facet with cases is tested; a reason beside them would claim it untestable at the same time.
        var wrong = FacetCatalogue.All.Where(f => string.IsNullOrWhiteSpace(f.Duty)).Select(f => $"facet {f.Id} states no duty")
            .Concat(FacetCatalogue.All.Where(f => f.IsTested && f.Reason is not null).Select(f => $"facet {f.Id} names cases and carries a reason; keep one"))
            .Concat(FacetCatalogue.All.Where(f => f.Cases.Distinct(StringComparer.Ordinal).Count() != f.Cases.Count).Select(f => $"facet {f.Id} names a case twice"));

        // Assert
        Assert.That(wrong, Is.Empty, Fix[2..]);
    }

    [Test]
    public void EveryMust_HasAFacet()
    {
        // Arrange
        var broken = FacetCatalogue.All.Select(f => f.RequirementId).ToHashSet(StringComparer.Ordinal);

        // Act
        var missing = CoverageDocument.Musts.Where(r => !broken.Contains(r.Id))
            .Select(r => $"MUST {r.Id} has no facet; add its duties to docs/requirements/protocol-v1-facets.csv");

        // Assert
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EverySuiteCaseOfAMust_IsNamedByAFacet()
    {
        // Arrange: cases of SHOULD requirements (DIR-009, CLN-038, …) have no facet to belong to; a facet may still name them.
        var named = FacetCatalogue.All.SelectMany(f => f.Cases).ToHashSet(StringComparer.Ordinal);

        // Act
        var unplaced = FacetCatalogue.SuiteCases
            .Where(c => RequirementCatalogue.Get(c.RequirementId).IsMust && !named.Contains(c.Reference))
            .Select(c => $"case {c.Reference} is named by no facet; add it to {FacetCatalogue.DocumentPath}");

        // Assert
        Assert.That(unplaced, Is.Empty, "a new case must be placed under the facets it observes");
    }

    [Test]
    public void UntestedFacets_AreCounted()
    {
        // Act: each facet is exactly one of tested, reasoned, untested, and the published counts add up.
        var counts = (Tested: FacetCatalogue.All.Count(f => f.IsTested), Reasoned: FacetCatalogue.All.Count(f => f.IsReasoned), Untested: FacetCatalogue.All.Count(f => f.IsUntested));

        // Assert
        Assert.That(counts.Tested + counts.Reasoned + counts.Untested, Is.EqualTo(FacetCatalogue.All.Count));
        Assert.That(CoverageDocument.Render(), Does.Contain(CoverageDocument.Headline()));
    }

    [GeneratedRegex(@"^[A-Z]+-\d{3}\.[a-z]{1,2}$")]
    private static partial Regex FacetId();
}

using Chukei.Conformance.Requirements;

namespace Chukei.Conformance.SelfTests.Catalogue;

/// <summary>Every MUST is tested, carries a reason, or is listed as a gap in the published coverage document.</summary>
public sealed class CoverageDocumentTests
{
    [Test]
    public async Task Coverage_Document_IsCurrent()
    {
        // Arrange
        var expected = CoverageDocument.Render();
        var path = Path.Combine(RepositoryRoot.Path, CoverageDocument.DocumentPath);
        if (Environment.GetEnvironmentVariable("CHUKEI_UPDATE_DOCS") == "1") await File.WriteAllTextAsync(path, expected);

        // Act
        var actual = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";

        // Assert
        Assert.That(actual, Is.EqualTo(expected), $"{CoverageDocument.DocumentPath} is stale; regenerate it with CHUKEI_UPDATE_DOCS=1 (see the file's header)");
    }

    [Test]
    public void Coverage_NoTestedRequirementClaimsToBeUntestable()
    {
        // Act
        var contradictions = CoverageDocument.Tested.Keys.Where(id => RequirementCatalogue.Get(id).NotTestedReason is not null);

        // Assert
        Assert.That(contradictions, Is.Empty, "a requirement with cases must not carry a not_tested_reason in the CSV");
    }

    [Test]
    public void Coverage_EveryInsurerAndRelayMustOfTheWireIsTestedOrReasoned()
    {
        // Arrange: the areas whose every MUST the two suites must reach; a new requirement there without a test fails here.
        string[] complete = ["SEAL-", "AUTH-00", "RLY-00", "RLY-02", "RLY-03"];

        // Act
        var missing = CoverageDocument.Gaps.Where(r => complete.Any(p => r.Id.StartsWith(p, StringComparison.Ordinal)) && r.Actor is "relay" or "insurer" or "any");

        // Assert
        Assert.That(missing.Select(r => r.Id), Is.Empty);
    }
}

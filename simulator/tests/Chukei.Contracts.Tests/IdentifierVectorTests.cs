using System.Text.Json.Nodes;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

/// <summary>The identifier vectors: the table against <see cref="Identifiers.IdentifierRules"/>, and the committed file against the table.</summary>
[TestFixture]
public sealed class IdentifierVectorTests
{
    private static IEnumerable<TestCaseData> Cases() => IdentifierVectors.All.Select(c =>
        KnownBugs.Apply(new TestCaseData(c).SetName($"Check_Identifier_{c.Name}_{c.ExpectedVerdict}"), KnownBugs.IdentifierKey(c.Name)));

    private static IEnumerable<TestCaseData> CommittedCases() =>
        JsonNode.Parse(TestVectorFiles.Committed.IdentifiersJson)!["vectors"]!.AsArray().Select(v =>
            KnownBugs.Apply(new TestCaseData(v!).SetName($"Check_CommittedIdentifier_{(string)v!["name"]!}"), KnownBugs.IdentifierKey((string)v["name"]!)));

    [TestCaseSource(nameof(Cases))]
    public void Check_Case_GivesExpectedVerdict(IdentifierCase identifier)
    {
        // Act
        var (verdict, reason) = IdentifierVectors.Check(identifier);

        // Assert
        Assert.That(verdict, Is.EqualTo(identifier.ExpectedVerdict), reason);
    }

    [TestCaseSource(nameof(CommittedCases))]
    public void Check_CommittedVector_GivesExpectedVerdict(JsonNode vector)
    {
        // Arrange
        var rule = IdentifierVectors.Rules[(string)vector["rule"]!];

        // Act
        var reason = rule((string?)vector["value"]);

        // Assert
        Assert.That(reason is null ? IdentifierVectors.ValidVerdict : IdentifierVectors.InvalidVerdict, Is.EqualTo((string)vector["expected"]!["verdict"]!), reason);
    }

    [Test]
    public void All_EveryRule_HasValidAndInvalidCasesAndUniqueNames()
    {
        // Arrange
        var cases = IdentifierVectors.All;

        // Act
        var incomplete = IdentifierVectors.Rules.Keys.Where(r => !cases.Any(c => c.Rule == r && c.Valid) || !cases.Any(c => c.Rule == r && !c.Valid));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(incomplete, Is.Empty);
            Assert.That(cases.Select(c => c.Name), Is.Unique);
        });
    }

    [Test]
    public void Render_Regenerated_EqualsCommittedByteForByte()
    {
        // Act
        var fresh = IdentifierVectors.Render();

        // Assert
        Assert.That(fresh, Is.EqualTo(TestVectorFiles.Committed.IdentifiersJson),
            "docs/test-vectors/identifiers.json is stale: run the tests with CHUKEI_WRITE_VECTORS=1 and commit the result");
    }
}

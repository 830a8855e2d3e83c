using System.Text.Json.Nodes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

/// <summary>docs/test-vectors/envelopes.json: every committed vector gets its stated verdict, with only the committed files as input.</summary>
[TestFixture]
public sealed class EnvelopeVectorFileTests
{
    private static TestVectorFiles Files => TestVectorFiles.Committed;

    private static IEnumerable<TestCaseData> CommittedVectors() => Files.Envelopes.Select(v =>
        KnownBugs.Apply(new TestCaseData(v).SetName($"Verify_EnvelopeVector_{v.Name}_{v.Verdict}"), KnownBugs.EnvelopeKey(v.Name)));

    [TestCaseSource(nameof(CommittedVectors))]
    public void Verify_CommittedVector_GivesExpectedVerdict(EnvelopeVectorCase vector)
    {
        // Arrange
        var now = DateTimeOffset.FromUnixTimeSeconds(vector.Now);

        // Act
        var outcomes = vector.IsResponse
            ? [EnvelopeCaseRunner.PresentResponse(Files.Directory, vector.Receiver, now, vector.Token, vector.CalledParty!, vector.RequestJti!)]
            : EnvelopeCaseRunner.PresentRequests(Files.Directory, vector.Receiver, now,
                [.. vector.PresentedBefore.Select(p => (p.Token, p.Method, p.Path)), (vector.Token, vector.Method!, vector.Path!)]);

        // Assert
        var last = outcomes[^1];
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Take(outcomes.Count - 1).Select(o => o.Verdict), Is.EqualTo(vector.PresentedBefore.Select(p => p.Verdict)), "earlier presentations");
            Assert.That(last.Verdict, Is.EqualTo(vector.Verdict), last.Detail);
            if (vector.Verdict == "accept")
            {
                Assert.That(last.Envelope?.Sender.Id, Is.EqualTo(vector.Sender), "sender");
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse(ProtocolJson.Serialize(last.Envelope?.Claims)), vector.Claims), Is.True, "claims");
            }
            else
            {
                Assert.That(vector.Requirement, Is.EqualTo(ProblemCodes.Find(vector.Verdict)?.RequirementId));
            }
        });
    }

    [Test]
    public void Render_Regenerated_SameVectorsAsCommittedExceptTokens()
    {
        // Arrange
        var fresh = JsonNode.Parse(EnvelopeVectorWriter.Vectors(new SealFixture(), EnvelopeMutations.All))!;

        // Act
        var regenerated = fresh["vectors"]!.AsArray().Select(v => EnvelopeVectorCase.From(v!).Signature);

        // Assert: same names, contexts, verdicts and accepted claims; ECDSA makes the token bytes differ.
        Assert.That(regenerated, Is.EqualTo(Files.Envelopes.Select(v => v.Signature)),
            "docs/test-vectors/envelopes.json is stale: run the tests with CHUKEI_WRITE_VECTORS=1 and commit the result");
    }

    [Test]
    public void Oversized_Committed_IsLongerThanTheRequestLimit()
    {
        // Arrange
        var token = Files.Envelopes.Single(v => v.Name == "oversized").Token;

        // Act
        var length = token.Length;

        // Assert
        Assert.That(length, Is.GreaterThan(ProtocolConstants.MaxRequestLength));
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

[TestFixture]
public sealed partial class EnvelopeMutationTests
{
    // Deterministic and read-only in use, so one fixture serves every case.
    private static readonly SealFixture Fixture = new();

    private static IEnumerable<TestCaseData> Mutations() => EnvelopeMutations.All.Select(m =>
        KnownBugs.Apply(new TestCaseData(m).SetName($"Verify_Envelope_{m.Name}_{m.ExpectedVerdict}"), KnownBugs.EnvelopeKey(m.Name)));

    [TestCaseSource(nameof(Mutations))]
    public void Verify_Mutation_GivesExpectedVerdict(EnvelopeMutation mutation)
    {
        // Arrange
        var built = mutation.Build(Fixture);

        // Act
        var outcomes = EnvelopeCaseRunner.Present(Fixture, built);

        // Assert
        var last = outcomes[^1];
        Assert.Multiple(() =>
        {
            for (var i = 0; i < built.PresentedBefore.Count; i++)
                Assert.That(outcomes[i].Verdict, Is.EqualTo(built.PresentedBefore[i].ExpectedVerdict), $"presentation {i + 1}: {outcomes[i].Detail}");
            Assert.That(last.Verdict, Is.EqualTo(mutation.ExpectedVerdict), last.Detail);
            if (last.Envelope is { } envelope && mutation.ExpectAccepted)
            {
                Assert.That(envelope.Sender.Id, Is.EqualTo(built.Claims.Issuer));
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse(ProtocolJson.Serialize(envelope.Claims)), JsonNode.Parse(ProtocolJson.Serialize(built.Claims))), Is.True, "claims");
            }
        });
    }

    [Test]
    public void All_Names_AreUniqueKebabCase()
    {
        // Arrange
        var names = EnvelopeMutations.All.Select(m => m.Name).ToList();

        // Act
        var bad = names.Where(n => !KebabCase().IsMatch(n)).ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique);
            Assert.That(bad, Is.Empty);
        });
    }

    [Test]
    public void All_RequestCodes_EachCoveredInCheckOrder()
    {
        // Arrange: §5.2's codes in the order its checks run (AUTH-003 twice: kid before AUTH-004, signature after).
        ProblemCode[] order =
        [
            ProblemCodes.AuthMalformed, ProblemCodes.AuthAlgorithm, ProblemCodes.AuthKeyUnknown, ProblemCodes.AuthKeyRevoked,
            ProblemCodes.AuthSignatureInvalid, ProblemCodes.JsonTooDeep, ProblemCodes.AuthIssuerMismatch, ProblemCodes.AuthAudience,
            ProblemCodes.AuthExpired, ProblemCodes.AuthNotYetValid, ProblemCodes.AuthTargetMismatch, ProblemCodes.AuthReplayed,
        ];

        // Act: the order in which the request rows first use each code.
        var firstUse = EnvelopeMutations.All.Where(m => !m.IsResponse && m.ExpectedCode is not null).Select(m => m.ExpectedCode!).Distinct();

        // Assert
        Assert.That(firstUse, Is.EqualTo(order));
    }

    [Test]
    public void All_ResponseRows_CoverTypIssuerAudienceTimeAndInResponseTo()
    {
        // Arrange
        ProblemCode[] expected = [ProblemCodes.AuthAlgorithm, ProblemCodes.AuthIssuerMismatch, ProblemCodes.AuthAudience,
            ProblemCodes.AuthExpired, ProblemCodes.AuthNotYetValid, ProblemCodes.AuthTargetMismatch];

        // Act
        var used = EnvelopeMutations.All.Where(m => m.IsResponse && m.ExpectedCode is not null).Select(m => m.ExpectedCode!).Distinct();

        // Assert
        Assert.That(used, Is.EquivalentTo(expected));
    }

    [Test]
    public void All_AcceptedMutations_IncludeEveryPositiveBoundary()
    {
        // Arrange
        string[] expected = ["valid-request", "retired-key", "claims-at-depth-16", "expired-within-skew", "iat-future-at-skew-limit", "htu-with-base-path",
            "same-jti-other-issuer", "refused-presentation-not-recorded", "valid-response"];

        // Act
        var accepted = EnvelopeMutations.All.Where(m => m.ExpectAccepted).Select(m => m.Name);

        // Assert
        Assert.That(accepted, Is.EquivalentTo(expected));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}

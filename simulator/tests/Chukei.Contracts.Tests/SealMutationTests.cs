using System.Text.RegularExpressions;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Contracts.Tests;

[TestFixture]
public sealed partial class SealMutationTests
{
    // Deterministic and read-only in use, so one fixture serves every case.
    private static readonly SealFixture Fixture = new();

    private static IEnumerable<TestCaseData> Mutations() => SealMutations.All.Select(m =>
        KnownBugs.Apply(new TestCaseData(m).SetName($"Verify_{m.Name}_{m.ExpectedVerdict}"), m.Name));

    [TestCaseSource(nameof(Mutations))]
    public void Verify_Mutation_GivesExpectedVerdict(SealMutation mutation)
    {
        // Arrange
        var built = mutation.Build(Fixture);

        // Act
        var verdicts = SealCaseRunner.Present(Fixture, mutation, built.Token);

        // Assert
        var last = verdicts[^1];
        Assert.Multiple(() =>
        {
            for (var i = 0; i < verdicts.Count - 1; i++)
                Assert.That(SealCaseRunner.Verdict(verdicts[i]), Is.EqualTo("accept"), $"presentation {i + 1} of {verdicts.Count}");
            Assert.That(SealCaseRunner.Verdict(last), Is.EqualTo(mutation.ExpectedVerdict), last.Detail);
            if (mutation.ExpectAccepted) Assert.That(last.Claims, Is.EqualTo(built.Claims));
        });
    }

    [Test]
    public void Verify_ValidSealPresentedTwice_AcceptedOnceThenReplayed()
    {
        // Arrange
        var built = SealMutations.Valid.Build(Fixture, "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        var time = new FakeTimeProvider(Fixture.Now);
        var ctx = Fixture.Context(time, new MemoryReplayCache(time), SealFixture.RequesterId, SealFixture.DefaultItems);

        // Act
        var first = SealVerifier.Verify(built.Token, ctx);
        var second = SealVerifier.Verify(built.Token, ctx);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(first.IsValid, Is.True, first.Detail);
            Assert.That(first.Claims, Is.EqualTo(built.Claims));
            Assert.That(second.Failure, Is.EqualTo(ProblemCodes.SealReplayed));
        });
    }

    [Test]
    public void Verify_StolenSealPresentedFirst_StillAcceptedForItsRequester()
    {
        // Arrange: the thief's refused attempt must not burn the jti (INS-028 records it only after every check).
        var built = SealMutations.Valid.Build(Fixture, "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        var time = new FakeTimeProvider(Fixture.Now);
        var replay = new MemoryReplayCache(time);

        // Act
        var thief = SealVerifier.Verify(built.Token, Fixture.Context(time, replay, SealFixture.OtherInsurerId, SealFixture.DefaultItems));
        var owner = SealVerifier.Verify(built.Token, Fixture.Context(time, replay, SealFixture.RequesterId, SealFixture.DefaultItems));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thief.Failure, Is.EqualTo(ProblemCodes.SealRequesterMismatch));
            Assert.That(owner.IsValid, Is.True, owner.Detail);
        });
    }

    [Test]
    public void Verify_ValidSealAfterItsWindow_IsExpired()
    {
        // Arrange
        var built = SealMutations.Valid.Build(Fixture, "11112222333344445555666677778888");
        var time = new FakeTimeProvider(Fixture.Now);
        time.Advance(ProtocolConstants.MaxSealLifetime + ProtocolConstants.ClockSkew);

        // Act
        var verdict = SealVerifier.Verify(built.Token, Fixture.Context(time, new MemoryReplayCache(time), SealFixture.RequesterId, SealFixture.DefaultItems));

        // Assert
        Assert.That(verdict.Failure, Is.EqualTo(ProblemCodes.SealExpired));
    }

    [Test]
    public void All_Names_AreUniqueKebabCase()
    {
        // Arrange
        var names = SealMutations.All.Select(m => m.Name).ToList();

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
    public void All_StepFourCodes_EachCoveredInCheckOrder()
    {
        // Arrange: the step-④ codes in the order ProblemCodes declares (= the order the checks run).
        var stepFour = ProblemCodes.All.Where(c => string.CompareOrdinal(c.RequirementId, "INS-011") >= 0
            && string.CompareOrdinal(c.RequirementId, "INS-031") <= 0).ToList();

        // Act: the order in which the table first uses each code.
        var firstUse = SealMutations.All.Where(m => m.ExpectedCode is not null).Select(m => m.ExpectedCode!).Distinct().ToList();

        // Assert
        Assert.That(firstUse, Is.EqualTo(stepFour));
    }

    [Test]
    public void All_AcceptedMutations_IncludeEveryPositiveBoundary()
    {
        // Arrange
        string[] expected = ["valid", "jwe-kid-retired-target-key", "valid-hand-assembled", "retired-relay-key",
            "expired-within-skew", "iat-future-at-skew-limit", "relay-presents-routed-seal"];

        // Act
        var accepted = SealMutations.All.Where(m => m.ExpectAccepted).Select(m => m.Name);

        // Assert
        Assert.That(accepted, Is.EquivalentTo(expected));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9_]+)*$")]
    private static partial Regex KebabCase();
}

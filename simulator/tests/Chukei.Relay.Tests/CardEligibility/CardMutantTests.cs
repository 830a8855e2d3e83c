namespace Chukei.Relay.Tests.CardEligibility;

/// <summary>
/// The card defects of <see cref="RelayDefects"/> really break their requirement, so the refusal tests above (and the
/// clinic suite that will use these seams) can tell a broken relay from the reference.
/// </summary>
public sealed class CardMutantTests
{
    [Test]
    public async Task Mutant_SkipsCardRevocationCheck_AcceptsARevokedCard()
    {
        await using var net = await CardEligibilityNetwork.StartAsync(new RelayDefects { SkipsCardRevocationCheck = true });

        var response = await net.CheckWithAsync(TestCards.Revoked);

        Assert.That(response.IsSuccess, Is.True, "CLN-018 broken: the revoked card is accepted");
    }

    [Test]
    public async Task Mutant_IgnoresCardGraceLimit_AcceptsACardExpiredBeyondGrace()
    {
        await using var net = await CardEligibilityNetwork.StartAsync(new RelayDefects { IgnoresCardGraceLimit = true });

        var response = await net.CheckWithAsync(TestCards.Expired);

        Assert.That(response.IsSuccess, Is.True, "CLN-017 broken: the expired card is accepted");
    }

    [Test]
    public async Task Mutant_AcceptsReplayedCardChallenge_AnswersTheSameChallengeTwice()
    {
        await using var net = await CardEligibilityNetwork.StartAsync(new RelayDefects { AcceptsReplayedCardChallenge = true });
        var request = CardEligibilityNetwork.Request(TestCards.Valid, await net.ChallengeAsync(), net.Today);
        await net.CheckAsync(request);

        var replay = await net.CheckAsync(request);

        Assert.That(replay.IsSuccess, Is.True, "CLN-012 broken: the replayed challenge is accepted");
    }
}

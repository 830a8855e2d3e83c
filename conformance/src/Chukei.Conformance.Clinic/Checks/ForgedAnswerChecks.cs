using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>
/// Which relay answers the clinic trusts (AUTH-014, RLY-025) and how it reads a refusal (ERR-008), each case with one
/// flaw in an answer the kit otherwise forged perfectly (<see cref="ForgedRelayAnswers"/>), for an insured person's
/// valid card: a clinic that skips exactly that check concludes eligible.
/// </summary>
internal static class ForgedAnswerChecks
{
    /// <summary>An answer with one flaw is not used: a relay problem, never eligible.</summary>
    public static async Task UntrustedAsync(ClinicSession session, CheckContext check, Func<ForgedRelayAnswers, Func<ProxiedAnswer, ProxiedAnswer>> forge, string flaw)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, forge(session.World.Forged), session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        var verdict = observed.Verdict;
        check.Must(!(verdict.IsEligible && observed.TamperedAnswerDelivered), $"the relay's answer said eligible but {flaw}, yet the clinic concluded {verdict}");
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.RelayProblem, $"the forged answer (one that {flaw})", $"an answer that {flaw}", tampered: true);
    }

    /// <summary>
    /// RLY-025: two checks of one valid card, each forwarded insurer answer right for its own check but both under the
    /// same (iss, jti): the first is used, the second is refused as replayed, a relay problem.
    /// </summary>
    public static async Task ReplayedTargetAnswerAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, session.World.Forged.TargetAnswersUnderOneJti(), session.World.Time);
        var (first, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        if (first.Kind != ClinicVerdictKind.Eligible)
            throw check.Unreachable($"the first check, whose forwarded answer was new, concluded {first}, not Eligible (CLN-037 covers that)");
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        var second = observed.Verdict;
        check.Must(!(second.IsEligible && observed.TamperedAnswerDelivered), $"the second check's forwarded insurer answer repeated the (iss, jti) of the first check's, yet the clinic concluded {second}");
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.RelayProblem, "the answer forwarding the replayed insurer answer",
            "a forwarded insurer answer whose (iss, jti) the clinic had already accepted", tampered: true);
    }

    /// <summary>
    /// RLY-025: the replay cache is keyed by (iss, jti). Two checks of one valid card: the first forwarded answer signed by
    /// the target under a jti, the second by another insurer (named as the target) under the same jti. The pairs differ,
    /// so the second answer is new and must be used: eligible.
    /// </summary>
    public static async Task TwoInsurersShareAJtiAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl,
            session.World.Forged.TargetAnswersOfTwoInsurersUnderOneJti(session.World.OtherInsurerTarget), session.World.Time);
        var (first, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        if (first.Kind != ClinicVerdictKind.Eligible)
            throw check.Unreachable($"the first check, whose forwarded answer was new, concluded {first}, not Eligible (CLN-037 covers that)");
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.Eligible, "the answer forwarding the second insurer's answer",
            "the second check's forwarded answer came from another insurer (named in target) under the jti of the first check's; (iss, jti) differ, so it is no replay", tampered: true);
    }

    /// <summary>
    /// AUTH-014: the relay's answer to the challenge request, its signature broken, is not used: the card signs nothing,
    /// no card-eligibility request is sent, and the check is a relay problem.
    /// </summary>
    public static async Task ChallengeForgedAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, ForgedRelayAnswers.SignatureBroken, session.World.Time, ChallengePath);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustHaveSeen(observed, relay.RewrittenAnswersDelivered > 0, "the clinic was never handed the relay's answer to a challenge request (the one with the broken signature)");
        var signs = observed.Commands.Count(ApduCommands.IsSign);
        check.Must(signs == 0 && observed.Relay.Count == 0,
            $"the relay's answer to the challenge request carried a broken signature, yet the clinic used the challenge in it: the card received {signs} SIGN, and {observed.RelayStory}");
        check.MustConclude(observed.Verdict, ClinicVerdictKind.RelayProblem, "the relay's answer to the challenge request did not verify, so the call failed");
    }

    /// <summary>The relay's challenge endpoint (§13.2).</summary>
    private const string ChallengePath = "/v1/card-challenges";

    /// <summary>ERR-008: a card refusal whose title and detail read as an outage is still a card problem: the code decides.</summary>
    public static async Task CodeNotTitleAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl,
            answer => ForgedRelayAnswers.RetitledProblem(answer, "Service unavailable", "The relay is busy; please try again later."), session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Expired), relay: relay);
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.CardProblem, "the relay's card refusal under the title \"Service unavailable\"",
            "the relay refused the card with a card-* code (certificate expired beyond grace) under the title \"Service unavailable\"; the code decides, not the title", tampered: true);
    }

    /// <summary>ERR-008: a code the clinic cannot know is read by its HTTP status class (5xx: the relay's side), whatever its title says.</summary>
    public static async Task UnlistedCodeAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl,
            _ => ForgedRelayAnswers.UnlistedProblem(503, "Card revoked"), session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.RelayProblem, $"the 503 answer with the unlisted code {ForgedRelayAnswers.UnlistedCode}",
            $"the relay answered 503 with the unlisted code {ForgedRelayAnswers.UnlistedCode} under the title \"Card revoked\"; an unknown code is read by its status class", tampered: true);
    }
}

using Chukei.Card.Pki;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using static Chukei.Conformance.Clinic.Kit.ApduCommands;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>What the clinic concludes (CLN-037, ELG-005) and which relay answers it trusts (CLN-036).</summary>
internal static class ConclusionChecks
{
    /// <summary>CLN-037 eligible: a valid card, the right PIN, an insured person; one VERIFY, one SIGN, certificate read before the PIN.</summary>
    public static async Task EligibleAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid);
        var observed = await Observed.CheckAsync(session, check, card);
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.Eligible, "the relay's answer", "an insured person with a valid card and the right PIN");
        CheckContext.Must("CLN-032", observed.Commands.Count(IsVerifyWithPin) <= 1, $"expected at most one VERIFY for the one PIN entered, the card received {observed.Commands.Count(IsVerifyWithPin)}");
        check.Must(card.AuthPinTriesLeft() == 3, "a right PIN must leave the counter at 3");
    }

    /// <summary>
    /// CLN-037: a card the relay refuses (certificate expired beyond grace, revoked) is a card problem, without spending
    /// further tries (CLN-032: at most one VERIFY for the one PIN entered). The relay decides (CLN-025), but a clinic that
    /// read the certificate may refuse it itself without asking: a card problem is right either way. A clinic that did
    /// neither never learned what is wrong with the card.
    /// </summary>
    public static async Task RefusedCardAsync(ClinicSession session, CheckContext check, CardCredentials credentials, string what)
    {
        var card = session.World.Card(credentials);
        var observed = await Observed.CheckAsync(session, check, card);
        var (verdict, commands) = observed;
        check.Must(!verdict.IsEligible, $"the relay refuses the card ({what}), yet the clinic concluded {verdict}; {observed.RelayStory}");
        CheckContext.Must("CLN-032", commands.Count(IsVerifyWithPin) <= 1, $"for the one PIN entered, the clinic sent the card ({what}) {commands.Count(IsVerifyWithPin)} VERIFY");
        check.MustHaveSeen(observed, observed.AnswerDelivered || commands.Any(IsReadBinary),
            $"the clinic neither read the card's certificate nor was handed the relay's answer, so it never learned that the card is refused ({what})");
        check.MustConclude(verdict, ClinicVerdictKind.CardProblem, $"a card the relay refuses ({what}); {observed.RelayStory}");
    }

    /// <summary>CLN-037 with CLN-038's grace: a certificate expired within grace still proves eligibility.</summary>
    public static async Task WithinGraceAsync(ClinicSession session, CheckContext check)
    {
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.WithinGrace));
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.Eligible, "the relay's answer", "a certificate expired within grace, for an insured person");
    }

    /// <summary>
    /// CLN-038 (SHOULD): a certificate expired within grace gets the person a renewal alert. A clinic whose driver does
    /// not report <c>renewalAlert</c> does not claim it: skipped, not warned.
    /// </summary>
    public static async Task RenewalAlertWithinGraceAsync(ClinicSession session, CheckContext check)
    {
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.WithinGrace));
        var verdict = observed.Verdict;
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.Eligible, "the relay's answer (certificateStatus expired-within-grace)", "a certificate expired within grace, for an insured person");
        if (verdict.RenewalAlert is not { } alert) throw check.NotClaimed("the clinic's answer does not say whether it showed a renewal alert (renewalAlert)");
        check.Should("CLN-038", alert, "the relay answered certificateStatus expired-within-grace, yet the clinic showed the person no renewal alert");
    }

    /// <summary>
    /// CLN-041, a card that speaks T=0 (its ATR says so): the signature waits behind 61xx and is fetched with GET
    /// RESPONSE (ISO 7816-3/4). A valid card, the right PIN and an insured person are eligible whatever the protocol; a
    /// clinic that takes 61xx for a failure never gets the signature and never reaches that conclusion.
    /// </summary>
    public static async Task T0CardAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid, options: Chukei.Card.CardOptions.T0Protocol);
        var observed = await Observed.CheckAsync(session, check, card);
        var commands = observed.Commands;
        check.MustHaveSeen(observed, commands.Any(IsSign), "the clinic sent the T=0 card no SIGN, so the card never held a signature behind 61xx");
        var signAt = commands.ToList().FindIndex(c => IsSign(c));
        check.Must(commands.Skip(signAt + 1).Any(IsGetResponse),
            $"the card speaks T=0 (ATR {Convert.ToHexString(card.Channel.Atr.Span)}) and answered the SIGN 61xx, holding the signature for GET RESPONSE; the clinic never sent GET RESPONSE and concluded {observed.Verdict}");
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.Eligible, "the relay's answer", "an insured person with a valid T=0 card and the right PIN");
    }

    /// <summary>CLN-037 not eligible: a verified answer that is not "valid".</summary>
    public static async Task NotEligibleAsync(ClinicSession session, CheckContext check, CardCredentials credentials, string what)
    {
        var observed = await Observed.CheckAsync(session, check, session.World.Card(credentials));
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.NotEligible, "the relay's answer", what);
    }

    /// <summary>CLN-037: the relay does not answer (each connection is reset at once) → a relay problem, never eligible; judged once the clinic tried it.</summary>
    public static async Task RelayDownAsync(ClinicSession session, CheckContext check)
    {
        await using var down = DownRelay.Start();
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: down);
        check.MustHaveSeen(observed, down.ConnectionsDropped > 0, $"the clinic never connected to the relay {down.Url}, so it never met the relay being down");
        check.MustConclude(observed.Verdict, ClinicVerdictKind.RelayProblem, $"the relay does not answer (the clinic's {down.ConnectionsDropped} connection(s) were reset)");
    }

    /// <summary>CLN-040: a relay that answers late, but well within the 10 s floor, is waited for.</summary>
    public static async Task RelaySlowAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, RelayProxyBehaviour.AnswersSlowly, session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustHaveSeen(observed, observed.Relay.Count > 0, "the clinic never sent the card-eligibility request, so it never had a slow relay to wait for");
        check.MustConclude(observed.Verdict, ClinicVerdictKind.Eligible,
            $"the relay answered eligible after {TamperingRelayProxy.SlowAnswerDelay.TotalSeconds:0} s, well within the 10 s the clinic must wait; {observed.RelayStory}");
        check.Must(observed.Relay.Count == 1, $"expected one card-eligibility request, {observed.RelayStory}");
    }

    /// <summary>CLN-040: a relay that answers after 11 s, past the 10 s floor, is still waited for (the one case that costs its wall time).</summary>
    public static async Task RelayBeyondTenSecondsAsync(ClinicSession session, CheckContext check)
    {
        var delay = TamperingRelayProxy.BeyondTenSecondsDelay;
        await using var relay = await TamperingRelayProxy.StartSlowAsync(session.World.RelayUrl, delay, session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustHaveSeen(observed, observed.Relay.Count > 0, "the clinic never sent the card-eligibility request, so it never had a slow relay to wait for");
        check.Must(observed.AnswerDelivered,
            $"the relay held its answer {delay.TotalSeconds:0} s; the clinic must wait at least 10 s, and closed the connection before the answer came; {observed.RelayStory}");
        check.MustConclude(observed.Verdict, ClinicVerdictKind.Eligible, $"the relay answered eligible after {delay.TotalSeconds:0} s; {observed.RelayStory}");
        check.Must(observed.Relay.Count == 1, $"expected one card-eligibility request, {observed.RelayStory}");
    }

    /// <summary>CLN-035: a new challenge for every signature: two checks of one card send two different challenges.</summary>
    public static async Task NewChallengePerSignatureAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, RelayProxyBehaviour.Watches, session.World.Time);
        var first = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustHaveSeen(first, first.Relay.Count == 1 && first.Relay[0].Challenge is not null, "the first check sent no card-eligibility request with a readable challenge");
        var second = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustHaveSeen(second, second.Relay.Count > 0, "the second check sent no card-eligibility request");
        var reused = second.Relay.Where(e => e.Challenge == first.Relay[0].Challenge).ToList();
        check.Must(reused.Count == 0,
            $"the second check's card-eligibility request carried the challenge the first check's card had already signed ({first.Relay[0].Challenge}); every signature needs a new challenge; {second.RelayStory}");
    }

    /// <summary>CLN-040: a relay that fails after the card signed is a relay problem, and nothing is repeated on the clinic's own.</summary>
    public static async Task RelayFailsAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, RelayProxyBehaviour.FailsWithServerError, session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        var (verdict, commands) = observed;
        check.MustHaveSeen(observed, observed.Relay.Count > 0, "the clinic never sent the card-eligibility request, so the relay never failed it");
        check.Must(observed.Relay.Count == 1,
            $"the relay answered the card-eligibility request 503, and the clinic sent it {observed.Relay.Count} times: it must not re-send it on its own");
        check.Must(commands.Count(IsVerifyWithPin) == 1 && commands.Count(IsSign) == 1,
            $"after the relay failed, the clinic must send the card nothing more; the card received {commands.Count(IsVerifyWithPin)} VERIFY and {commands.Count(IsSign)} SIGN");
        check.MustConclude(verdict, ClinicVerdictKind.RelayProblem, "the relay answered 503 to the card-eligibility request");
    }

    /// <summary>CLN-036: a card-eligibility answer whose signature does not verify is not used: a relay problem.</summary>
    public static async Task TamperedAnswerAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, RelayProxyBehaviour.BreaksSignatures, session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.Must(!observed.Verdict.IsEligible, $"the relay's answer carried a broken signature, yet the clinic concluded {observed.Verdict}");
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.RelayProblem, "the answer with the broken signature", "an answer whose signature does not verify", tampered: true);
    }

    /// <summary>
    /// CLN-037 (and ERR-008): the relay's answer is forged into <paramref name="answer"/>, re-signed where it is an
    /// envelope; the clinic must conclude <paramref name="expected"/> from it: the code decides, and a target that
    /// could not answer is never "not insured".
    /// </summary>
    public static async Task ForgedAnswerAsync(ClinicSession session, CheckContext check, Func<ForgedRelayAnswers, Func<ProxiedAnswer, ProxiedAnswer>> forge,
        ClinicVerdictKind expected, string answer)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, forge(session.World.Forged), session.World.Time);
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relay: relay);
        check.MustConcludeFromAnswer(observed, expected, answer, $"the relay answered {answer}", tampered: true);
    }

    /// <summary>CLN-035 (with CLN-003): the card-eligibility request asks about the check's service date, the date the card signed.</summary>
    public static async Task ServiceDateAskedForAsync(ClinicSession session, CheckContext check)
    {
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid));
        check.MustHaveSeen(observed, observed.Relay.Count > 0, "the clinic sent no card-eligibility request");
        var expected = session.World.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sent = observed.Relay.Select(e => e.ServiceDate ?? "(unreadable)").ToList();
        check.Must(sent.All(d => d == expected),
            $"the kit asked the clinic to check eligibility for {expected}, and the clinic's card-eligibility request asked about {string.Join(", ", sent)}; the card signs, and the relay answers for, the service date of the check");
    }

    /// <summary>ELG-005: valid with a change pending is provisional, not final.</summary>
    public static async Task ChangePendingAsync(ClinicSession session, CheckContext check)
    {
        var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.ChangePending));
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.EligibleProvisional, "the relay's answer (valid, changePending)", "the insurer answered valid with a change pending");
    }
}

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
        var (verdict, commands) = await Observed.CheckAsync(session, check, card);
        check.MustConclude(verdict, ClinicVerdictKind.Eligible, "an insured person with a valid card and the right PIN");
        CheckContext.Must("CLN-032", commands.Count(IsVerifyWithPin) == 1, $"expected one VERIFY with the PIN, the card received {commands.Count(IsVerifyWithPin)}");
        check.Must(card.AuthPinTriesLeft() == 3, "a right PIN must leave the counter at 3");
    }

    /// <summary>CLN-037: a card the relay refuses (certificate expired beyond grace, revoked) is a card problem, without spending further tries.</summary>
    public static async Task RefusedCardAsync(ClinicSession session, CheckContext check, CardCredentials credentials, string what)
    {
        var card = session.World.Card(credentials);
        var (verdict, commands) = await Observed.CheckAsync(session, check, card);
        check.Must(!verdict.IsEligible, $"the relay refused the card ({what}), yet the clinic concluded {verdict}");
        check.MustConclude(verdict, ClinicVerdictKind.CardProblem, $"a card the relay refuses ({what})");
        CheckContext.Must("CLN-032", commands.Count(IsVerifyWithPin) == 1, $"the relay's refusal made the clinic VERIFY {commands.Count(IsVerifyWithPin)} times");
    }

    /// <summary>CLN-037 with CLN-038's grace: a certificate expired within grace still proves eligibility.</summary>
    public static async Task WithinGraceAsync(ClinicSession session, CheckContext check)
    {
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.WithinGrace));
        check.MustConclude(verdict, ClinicVerdictKind.Eligible, "a certificate expired within grace, for an insured person");
    }

    /// <summary>
    /// CLN-038 (SHOULD): a certificate expired within grace gets the person a renewal alert. A clinic whose driver does
    /// not report <c>renewalAlert</c> does not claim it: skipped, not warned.
    /// </summary>
    public static async Task RenewalAlertWithinGraceAsync(ClinicSession session, CheckContext check)
    {
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.WithinGrace));
        check.MustConclude(verdict, ClinicVerdictKind.Eligible, "a certificate expired within grace, for an insured person");
        if (verdict.RenewalAlert is not { } alert) throw check.NotClaimed("the clinic's answer does not say whether it showed a renewal alert (renewalAlert)");
        check.Should("CLN-038", alert, "the relay answered certificateStatus expired-within-grace, yet the clinic showed the person no renewal alert");
    }

    /// <summary>CLN-037 not eligible: a verified answer that is not "valid".</summary>
    public static async Task NotEligibleAsync(ClinicSession session, CheckContext check, CardCredentials credentials, string what)
    {
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(credentials));
        check.MustConclude(verdict, ClinicVerdictKind.NotEligible, what);
    }

    /// <summary>CLN-037: the relay does not answer → a relay problem, never eligible.</summary>
    public static async Task RelayDownAsync(ClinicSession session, CheckContext check)
    {
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relayUrl: session.World.DownRelayUrl);
        check.MustConclude(verdict, ClinicVerdictKind.RelayProblem, "the relay does not answer");
    }

    /// <summary>CLN-040: a relay that answers late, but well within the 10 s floor, is waited for.</summary>
    public static async Task RelaySlowAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, RelayProxyBehaviour.AnswersSlowly, session.World.Time);
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relayUrl: relay.Url);
        check.MustConclude(verdict, ClinicVerdictKind.Eligible,
            $"the relay answered eligible after {TamperingRelayProxy.SlowAnswerDelay.TotalSeconds:0} s, well within the 10 s the clinic must wait");
        check.Must(relay.CertificatesPresented.Count == 1, $"expected one card-eligibility request, the relay received {relay.CertificatesPresented.Count}");
    }

    /// <summary>CLN-040: a relay that fails after the card signed is a relay problem, and nothing is repeated on the clinic's own.</summary>
    public static async Task RelayFailsAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, RelayProxyBehaviour.FailsWithServerError, session.World.Time);
        var (verdict, commands) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relayUrl: relay.Url);
        check.Must(relay.CertificatesPresented.Count == 1,
            $"the relay answered the card-eligibility request 503, and the clinic sent it {relay.CertificatesPresented.Count} times: it must not re-send it on its own");
        check.Must(commands.Count(IsVerifyWithPin) == 1 && commands.Count(IsSign) == 1,
            $"after the relay failed, the clinic must send the card nothing more; the card received {commands.Count(IsVerifyWithPin)} VERIFY and {commands.Count(IsSign)} SIGN");
        check.MustConclude(verdict, ClinicVerdictKind.RelayProblem, "the relay answered 503 to the card-eligibility request");
    }

    /// <summary>CLN-036: a card-eligibility answer whose signature does not verify is not used: a relay problem.</summary>
    public static async Task TamperedAnswerAsync(ClinicSession session, CheckContext check)
    {
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), relayUrl: session.World.Tampering.Url);
        check.Must(!verdict.IsEligible, $"the relay's answer carried a broken signature, yet the clinic concluded {verdict}");
        check.MustConclude(verdict, ClinicVerdictKind.RelayProblem, "an answer whose signature does not verify");
    }

    /// <summary>ELG-005: valid with a change pending is provisional, not final.</summary>
    public static async Task ChangePendingAsync(ClinicSession session, CheckContext check)
    {
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.ChangePending));
        check.MustConclude(verdict, ClinicVerdictKind.EligibleProvisional, "the insurer answered valid with a change pending");
    }
}

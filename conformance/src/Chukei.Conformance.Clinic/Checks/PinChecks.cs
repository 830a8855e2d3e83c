using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using static Chukei.Conformance.Clinic.Kit.ApduCommands;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>The PIN duties of §13.5: format checked locally (CLN-030), no VERIFY to a blocked PIN (CLN-031), one VERIFY per PIN entered (CLN-032), the PIN in no log (CLN-039).</summary>
internal static class PinChecks
{
    public static readonly string[] MalformedPins = ["12a4", "123", "12345", "１２３４", ""];

    /// <summary>CLN-030: a PIN that is not four ASCII digits sends nothing at all to the card.</summary>
    public static async Task PinFormatAsync(ClinicSession session, CheckContext check)
    {
        foreach (var pin in MalformedPins)
        {
            var card = session.World.Card(ClinicKitWorld.Cards.Valid);
            var (verdict, commands) = await Observed.CheckAsync(session, check, card, pin);
            check.Must(commands.Count == 0, $"a PIN of {pin.Length} characters that is not 4 ASCII digits reached the card: {commands.Describe()}");
            check.Must(!verdict.IsEligible, $"a malformed PIN was concluded {verdict}");
            check.Must(card.AuthPinTriesLeft() == 3, "the PIN counter changed");
        }
    }

    /// <summary>CLN-031: with the counter at 0, the counter query is all; no VERIFY with data.</summary>
    public static async Task BlockedAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid, authPinTriesLeft: 0);
        var (verdict, commands) = await Observed.CheckAsync(session, check, card);
        check.Must(!commands.Any(IsVerifyWithPin), $"the clinic sent {commands.Count(IsVerifyWithPin)} VERIFY with a PIN to a blocked PIN");
        check.Must(commands.Any(IsCounterQuery), $"the clinic did not query the retry counter before the PIN: {commands.Describe()}");
        check.MustConclude(verdict, ClinicVerdictKind.CardProblem, "a blocked PIN is a card problem");
    }

    /// <summary>CLN-032: a wrong PIN costs exactly one try, is reported with the tries left, and is not retried.</summary>
    public static async Task WrongPinAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid);
        var (verdict, commands) = await Observed.CheckAsync(session, check, card, "9999");
        check.Must(commands.Count(IsVerifyWithPin) == 1, $"expected exactly one VERIFY with the PIN entered, the card received {commands.Count(IsVerifyWithPin)}");
        check.Must(card.AuthPinTriesLeft() == 2, "the PIN counter must be decremented once, from 3 to 2");
        check.Must(!commands.Any(IsSign), "the card was asked to sign after a wrong PIN");
        check.MustConclude(verdict, ClinicVerdictKind.CardProblem, "a wrong PIN is a card problem");
        check.Must(verdict.PinTriesLeft == 2, $"the clinic must report the 2 tries left the card said, it reported {verdict.PinTriesLeft?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
    }

    /// <summary>CLN-039: neither a successful nor a failed check leaves the PIN in the clinic's log.</summary>
    public static async Task PinNotLoggedAsync(ClinicSession session, CheckContext check)
    {
        foreach (var pin in new[] { ClinicKitWorld.Pin, "9876" })
        {
            var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid), pin);
            string[] forms = [pin, string.Join(' ', pin.Select(c => ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture))),
                string.Concat(pin.Select(c => ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))];
            var leaking = verdict.Log.FirstOrDefault(line => forms.Any(f => line.Contains(f, StringComparison.OrdinalIgnoreCase)));
            check.Must(leaking is null, "the clinic's log carries the PIN (in clear or as hex): a line of its log matched");
        }
    }
}

using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using static Chukei.Conformance.Clinic.Kit.ApduCommands;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>The PIN duties of §13.5: format checked locally (CLN-030), no VERIFY to a blocked PIN (CLN-031), one VERIFY per PIN entered (CLN-032), the PIN in no log (CLN-039).</summary>
internal static class PinChecks
{
    public static readonly string[] MalformedPins = ["12a4", "123", "12345", "１２３４", ""];

    /// <summary>
    /// CLN-039's PINs: the card's, and a wrong one entered. Not the kit PIN 1234, whose digits run through so much
    /// hex by chance; and a leak is only what can be these PINs (<see cref="PinLeaks"/>), never digits inside longer runs.
    /// </summary>
    public const string UnloggedPin = "7593", UnloggedWrongPin = "8642";

    /// <summary>
    /// CLN-030: a PIN that is not four ASCII digits sends nothing at all to the card. Sending nothing only shows
    /// something of a clinic that does send the card a well-formed PIN, so the case checks that last.
    /// </summary>
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
        var wellFormed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid));
        check.MustHaveSeen(wellFormed, wellFormed.Commands.Any(IsVerifyWithPin),
            "with the well-formed PIN of a valid card the clinic sent the card no VERIFY either, so that it sent the card nothing for a malformed PIN shows nothing");
    }

    /// <summary>CLN-031: with the counter at 0, the counter query is all; no VERIFY with data.</summary>
    public static async Task BlockedAsync(ClinicSession session, CheckContext check) => await BlockedAsync(session, check, blockedStatus: null);

    /// <summary>
    /// CLN-031 with <paramref name="blockedStatus"/>: the card answers the counter query with 6983 or 6984 (PIN blocked)
    /// rather than 63C0; the clinic must read that as blocked too and send no VERIFY with data.
    /// </summary>
    public static async Task BlockedAsync(ClinicSession session, CheckContext check, ushort? blockedStatus)
    {
        var card = blockedStatus is { } sw
            ? session.World.Card(ClinicKitWorld.Cards.Valid).Inject(new Chukei.Card.Faults.CardFault { Kind = Chukei.Card.Faults.CardFaultKind.ForceStatusWord, Ins = 0x20, StatusWord = sw })
            : session.World.Card(ClinicKitWorld.Cards.Valid, authPinTriesLeft: 0);
        var observed = await Observed.CheckAsync(session, check, card);
        var (verdict, commands) = observed;
        check.Must(!commands.Any(IsVerifyWithPin), $"the clinic sent {commands.Count(IsVerifyWithPin)} VERIFY with a PIN to a blocked PIN");
        check.MustHaveSeen(observed, commands.Any(IsCounterQuery), "the clinic never queried the retry counter (VERIFY without data), so it never learned that the PIN is blocked");
        check.MustConclude(verdict, ClinicVerdictKind.CardProblem, "a blocked PIN is a card problem");
    }

    /// <summary>CLN-032: a wrong PIN costs exactly one try, is reported with the tries left, and is not retried.</summary>
    public static async Task WrongPinAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid);
        var observed = await Observed.CheckAsync(session, check, card, "9999");
        var (verdict, commands) = observed;
        check.Must(commands.Count(IsVerifyWithPin) <= 1, $"expected at most one VERIFY with the PIN entered, the card received {commands.Count(IsVerifyWithPin)}");
        check.MustHaveSeen(observed, commands.Any(IsVerifyWithPin), "the clinic never sent the PIN entered to the card, so it never learned that the PIN is wrong");
        check.Must(card.AuthPinTriesLeft() == 2, "the PIN counter must be decremented once, from 3 to 2");
        check.Must(!commands.Any(IsSign), "the card was asked to sign after a wrong PIN");
        check.MustConclude(verdict, ClinicVerdictKind.CardProblem, "a wrong PIN is a card problem");
        check.Must(verdict.PinTriesLeft == 2, $"the clinic must report the 2 tries left the card said, it reported {verdict.PinTriesLeft?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
    }

    /// <summary>
    /// CLN-039: neither a successful check (the card's PIN entered) nor a failed one (a wrong PIN entered) leaves the PIN
    /// entered in the clinic's log. Each check must have sent that PIN to the card and reported its log lines, or there
    /// was nothing to look at.
    /// </summary>
    public static async Task PinNotLoggedAsync(ClinicSession session, CheckContext check)
    {
        foreach (var pin in new[] { UnloggedPin, UnloggedWrongPin })
        {
            var observed = await Observed.CheckAsync(session, check, session.World.Card(ClinicKitWorld.Cards.Valid, pin: UnloggedPin), pin);
            var leak = PinLeaks.Find(observed.Verdict.Log, pin);
            check.Must(leak is null, $"the clinic's log carries the PIN entered ({leak?.Form}) in the line: {leak?.MaskedLine}");
            check.MustHaveSeen(observed, observed.Commands.Any(IsVerifyWithPin), "the clinic never sent the PIN entered to the card, so its log had no VERIFY to leave it in");
            check.MustHaveSeen(observed, observed.Verdict.Log.Count > 0, "the clinic reported no log or trace line for the check, so the kit cannot see whether the PIN is in its log");
        }
    }
}

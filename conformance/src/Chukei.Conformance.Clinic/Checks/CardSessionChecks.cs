using Chukei.Card.Faults;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using static Chukei.Conformance.Clinic.Kit.ApduCommands;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>The card session duties of §13.5: start over after a removal (CLN-034), one SIGN per challenge (CLN-035).</summary>
internal static class CardSessionChecks
{
    public const byte ReadBinary = 0xB0;
    public const byte Sign = 0x2A;

    /// <summary>
    /// CLN-034: the card is pulled out when the clinic sends the command <paramref name="ins"/>; the check is a card
    /// problem, and once the card is back the next check starts from SELECT, reads the certificate again, VERIFYs once
    /// and succeeds.
    /// </summary>
    public static async Task RemovedAsync(ClinicSession session, CheckContext check, byte ins)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid).Inject(new CardFault { Kind = CardFaultKind.RemoveBeforeResponse, Ins = ins });
        var first = await Observed.CheckAsync(session, check, card);
        var removed = first.Verdict;
        MustStartFromSelect(check, first);
        check.MustHaveSeen(first, first.FaultsFired.Contains(CardFaultKind.RemoveBeforeResponse),
            $"the card was to be pulled out when the clinic sent it {Instruction(ins)}, but the clinic never sent it one, so the card was never removed");
        check.Must(!removed.IsEligible, $"the card was removed mid-check, yet the clinic concluded {removed}");
        check.MustConclude(removed, ClinicVerdictKind.CardProblem, "a removal mid-check is a card problem");

        card.Reinsert();
        var (again, commands) = await Observed.CheckAsync(session, check, card);
        check.Must(commands.Count > 0 && IsSelectJpki(commands[0]), $"after the removal the next check must start with SELECT JPKI-AP; the card received {commands.Describe()}");
        check.Must(commands.Any(IsReadBinary), "after the removal the certificate must be read again, not reused");
        check.Must(commands.Count(IsVerifyWithPin) == 1, $"after the removal the next check must VERIFY the PIN once; the card received {commands.Count(IsVerifyWithPin)}");
        check.MustConclude(again, ClinicVerdictKind.Eligible, "the check after reinsertion");
    }

    /// <summary>
    /// CLN-034: the card is warm-reset just before SIGN reaches it; the check is not eligible, and the next check starts
    /// from SELECT and VERIFY and succeeds.
    /// </summary>
    public static async Task ResetBeforeSignAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid).ResetBefore(Sign);
        var first = await Observed.CheckAsync(session, check, card);
        var reset = first.Verdict;
        MustStartFromSelect(check, first);
        check.MustHaveSeen(first, first.FaultsFired.Contains(CardFaultKind.ResetBeforeCommand),
            "the card was to be reset just before the clinic sent it SIGN, but the clinic never asked it to sign, so the card was never reset");
        check.Must(!reset.IsEligible, $"the card was reset before it signed, yet the clinic concluded {reset}");

        var (again, commands) = await Observed.CheckAsync(session, check, card);
        check.Must(commands.Count > 0 && IsSelectJpki(commands[0]), $"after the reset the next check must start with SELECT JPKI-AP; the card received {commands.Describe()}");
        check.Must(commands.Count(IsVerifyWithPin) == 1, $"after the reset the next check must VERIFY the PIN once; the card received {commands.Count(IsVerifyWithPin)}");
        check.MustConclude(again, ClinicVerdictKind.Eligible, "the check after the reset");
    }

    /// <summary>CLN-035: a SIGN that fails (6F00) is not sent again for the same challenge, nor is the PIN.</summary>
    public static async Task SignFailsAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid).Inject(new CardFault { Kind = CardFaultKind.ForceStatusWord, Ins = Sign, StatusWord = 0x6F00 });
        var observed = await Observed.CheckAsync(session, check, card);
        var (verdict, commands) = observed;
        check.Must(commands.Count(IsSign) <= 1, $"expected one SIGN for the one challenge, the card received {commands.Count(IsSign)}");
        check.MustHaveSeen(observed, observed.FaultsFired.Contains(CardFaultKind.ForceStatusWord), "the clinic never asked the card to sign, so the SIGN never failed");
        CheckContext.Must("CLN-032", commands.Count(IsVerifyWithPin) <= 1, $"a failed SIGN made the clinic VERIFY {commands.Count(IsVerifyWithPin)} times for the one PIN entered");
        check.Must(!verdict.IsEligible, $"the card never signed, yet the clinic concluded {verdict}");
    }

    /// <summary>CLN-035: a successful check signs once.</summary>
    public static async Task OneSignAsync(ClinicSession session, CheckContext check)
    {
        var card = session.World.Card(ClinicKitWorld.Cards.Valid);
        var observed = await Observed.CheckAsync(session, check, card);
        var commands = observed.Commands;
        check.Must(commands.Count(IsSign) <= 1, $"expected one SIGN, the card received {commands.Count(IsSign)}");
        check.MustHaveSeen(observed, commands.Any(IsSign), "the clinic never asked the card to sign, so there was no SIGN to count");
        check.MustConcludeFromAnswer(observed, ClinicVerdictKind.Eligible, "the relay's answer", "a valid card with the right PIN");
    }

    /// <summary>
    /// A check of a card just inserted starts a card session: a clinic that sends the card anything sends SELECT
    /// JPKI-AP first, whatever it kept from an earlier card. Judged before whether the fault fired, because a clinic
    /// that skips the SELECT and the certificate read never reaches the command the fault waits for.
    /// </summary>
    private static void MustStartFromSelect(CheckContext check, ObservedCheck observed) =>
        check.Must(observed.Commands.Count == 0 || IsSelectJpki(observed.Commands[0]),
            $"the card was just inserted, so the check must start with SELECT JPKI-AP; the card received {observed.Commands.Describe()}");

    private static string Instruction(byte ins) => ins switch
    {
        ReadBinary => "READ BINARY",
        Sign => "SIGN",
        _ => $"the instruction {ins:X2}",
    };
}

using Chukei.Card.Faults;
using Chukei.Card.Logging;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Client;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>
/// One check of the clinic under test as the kit saw it: the clinic's verdict, the commands that reached the card, the
/// card faults that fired, and the card-eligibility requests that reached the relay with what became of each answer.
/// A case judges only what it finds here: before it judges, it asks whether the clinic did what its flaw needs (read
/// the card, sent the PIN, asked the relay, was handed the answer), and when not, says so instead of passing.
/// </summary>
internal sealed record ObservedCheck(ClinicVerdict Verdict, IReadOnlyList<ReadOnlyMemory<byte>> Commands, IReadOnlyList<CardFaultKind> FaultsFired,
    IReadOnlyList<EligibilityExchange> Relay)
{
    /// <summary>Whether the clinic was handed an answer to a card-eligibility request.</summary>
    public bool AnswerDelivered => Relay.Any(e => e.Delivered);

    /// <summary>Whether the clinic was handed an answer the kit's proxy broke, rewrote, held back or made up.</summary>
    public bool TamperedAnswerDelivered => Relay.Any(e => e.Delivered && e.Tampered);

    /// <summary>"the card received A4 B0 20 20 2A, and the relay received 1 card-eligibility request(s) (answered 200)", for messages.</summary>
    public string Story => $"the card received {Commands.Describe()}, and {RelayStory}";

    /// <summary>What reached the relay: "no card-eligibility request reached the relay", or each request and its answer.</summary>
    public string RelayStory => Relay.Count == 0
        ? "no card-eligibility request reached the relay"
        : $"the relay received {Relay.Count} card-eligibility request(s) ({string.Join("; ", Relay)})";

    /// <summary>
    /// Why the clinic was not handed <paramref name="what"/>: it never asked the relay, it gave up before the answer,
    /// or the relay's answer was not one the kit could make into it.
    /// </summary>
    public string NotHanded(string what) =>
        Relay.Count == 0 ? $"the clinic never sent the card-eligibility request, so it never received {what}"
        : !AnswerDelivered ? $"the clinic's card-eligibility request reached the relay, but the clinic closed the connection before it was handed {what}"
        : $"the clinic's card-eligibility request reached the relay, which {string.Join("; ", Relay)}: not {what}";

    public void Deconstruct(out ClinicVerdict verdict, out IReadOnlyList<ReadOnlyMemory<byte>> commands) => (verdict, commands) = (Verdict, Commands);
}

/// <summary>Runs one check of the clinic under test and records, as evidence, the card's log of it and the verdict.</summary>
internal static class Observed
{
    /// <summary>
    /// One check with <paramref name="card"/> and <paramref name="pin"/>, the relay reached through <paramref name="relay"/>
    /// (default: the world's proxy that only watches, <see cref="ClinicKitWorld.Watching"/>). Fails CLN-037 when the clinic concluded eligible although
    /// it was handed no successful card-eligibility answer: whatever the case, that is observed, not assumed.
    /// </summary>
    public static async Task<ObservedCheck> CheckAsync(ClinicSession session, CheckContext check, CardUnderTest card, string pin = ClinicKitWorld.Pin,
        IWatchedRelay? relay = null)
    {
        var watched = relay ?? session.World.Watching;
        var mark = card.Mark();
        var asked = watched.EligibilityExchanges.Count;
        var verdict = await session.CheckAsync(card, pin, watched.Url);
        var log = card.Log.Skip(mark).ToList();
        // The channel masks VERIFY data itself, so this evidence never carries a PIN.
        var apdus = string.Join(Environment.NewLine, log.Select(e => e.Direction == ApduDirection.Control ? e.Text : $"{e.Direction}: {e.Text}"));
        check.Evidence.Record(new RecordedExchange("CHECK", watched.Url.ToString(), apdus, 0, verdict.ToString()));
        var observed = new ObservedCheck(verdict, log.Where(e => e.Direction == ApduDirection.Command).Select(e => e.Bytes).ToList(),
            log.Where(e => e.Fault is not null).Select(e => e.Fault!.Value).ToList(), watched.EligibilityExchanges.Skip(asked).ToList());
        CheckContext.Must("CLN-037", !verdict.IsEligible || observed.Relay.Any(e => e.Delivered && e.DeliveredStatus is >= 200 and < 300),
            $"the clinic concluded {verdict}, yet it was handed no successful card-eligibility answer: {observed.Story}; eligible is concluded only from a verified found answer");
        return observed;
    }

    /// <summary>Fails the check unless the clinic concluded <paramref name="expected"/>.</summary>
    public static void MustConclude(this CheckContext check, ClinicVerdict verdict, ClinicVerdictKind expected, string why) =>
        check.Must(verdict.Kind == expected, $"{why}: expected {expected}, the clinic concluded {verdict}");

    /// <summary>
    /// A conclusion drawn from the relay's answer (<paramref name="answer"/>): judged only when the clinic was handed
    /// an answer (a tampered one when <paramref name="tampered"/>); otherwise inconclusive, saying what did not happen.
    /// </summary>
    public static void MustConcludeFromAnswer(this CheckContext check, ObservedCheck observed, ClinicVerdictKind expected, string answer, string why,
        bool tampered = false)
    {
        check.MustHaveBeenHanded(observed, answer, tampered);
        check.MustConclude(observed.Verdict, expected, why);
    }

    /// <summary>Inconclusive unless the clinic was handed <paramref name="answer"/> (the relay's answer; a tampered one when <paramref name="tampered"/>).</summary>
    public static void MustHaveBeenHanded(this CheckContext check, ObservedCheck observed, string answer, bool tampered = false)
    {
        if (tampered ? observed.TamperedAnswerDelivered : observed.AnswerDelivered) return;
        throw check.Unreachable($"{observed.NotHanded(answer)}; it concluded {observed.Verdict} after the card received {observed.Commands.Describe()}");
    }

    /// <summary>Inconclusive unless <paramref name="done"/>: <paramref name="what"/> says what the clinic did not do, and so what the case could not see.</summary>
    public static void MustHaveSeen(this CheckContext check, ObservedCheck observed, bool done, string what)
    {
        if (!done) throw check.Unreachable($"{what}; it concluded {observed.Verdict} after {observed.Story}");
    }
}

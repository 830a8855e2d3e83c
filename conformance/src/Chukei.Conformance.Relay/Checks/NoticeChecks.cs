using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Targets;
using Chukei.Contracts;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// Retroactive-change notices at the relay (docs/protocol.md §9.2.1). The kit plays both insurers: kaigo-b looks a
/// person up, kenpo-a reports its answer and then notifies kaigo-b that the answer no longer holds.
/// </summary>
public static class NoticeChecks
{
    public const string NoticesPath = "v1/retroactive-change-notices";
    public const string PickupPath = "v1/retroactive-change-notices/pickups";

    /// <summary>A found lookup by kaigo-b that kenpo-a has reported answering: the answer a notice may correct.</summary>
    private static async Task<(EnrolledPerson Person, LookupRequest Request, LookupAnswer Answer)> AnsweredAsync(RelaySession session, CheckContext check, string caseName, bool report = true)
    {
        var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, caseName);
        if (!report) return (person, request, answer);
        var reported = await Calls.ReportAsync(session, check, TargetId, Calls.Record(answer.LogEntryId, request.CorrelationId, session.Target.Time.GetUtcNow()));
        if (reported.Status != 200) throw check.Unreachable($"kenpo-a's report of its answer was refused: {reported.Summary} (LOG-012 covers that)");
        return (person, request, answer);
    }

    private static RetroactiveChangeNotice Notice(RelaySession session, LookupRequest request, LookupAnswer answer) =>
        Notice(session, answer.LogEntryId, request.CorrelationId);

    /// <summary>kenpo-a's notice that a valid answer (relay entry <paramref name="relayLogEntryId"/>) is now invalid: a loss on 2026-04-01.</summary>
    internal static RetroactiveChangeNotice Notice(RelaySession session, string relayLogEntryId, string correlationId) => new()
    {
        NoticeId = "kenpo-a-n-" + EnvelopeSigner.NewId()[..16],
        Requester = RequesterId,
        RelayLogEntryId = relayLogEntryId,
        InsurerLogEntryId = "kenpo-a-" + EnvelopeSigner.NewId()[..16],
        CorrelationId = correlationId,
        ServiceDate = DateOnly.FromDateTime(session.Target.Time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime),
        PreviousStatus = EligibilityStatus.Valid,
        Status = EligibilityStatus.Invalid,
        DisqualificationDate = new DateOnly(2026, 4, 1),
        ReasonOfLoss = LossReasons.OtherInsurance,
        RegisteredAt = session.Target.Time.GetUtcNow(),
    };

    private static Task<RelayExchange> SendAsync(RelaySession session, CheckContext check, RetroactiveChangeNotice notice, string sender = TargetId) =>
        session.World.CallerFor(sender, check.Evidence).PostAsync(NoticesPath, notice);

    private static async Task<RetroactiveChangeNoticeAnswer> AcceptedAsync(RelaySession session, CheckContext check, RetroactiveChangeNotice notice)
    {
        var exchange = await SendAsync(session, check, notice);
        check.Must(exchange.Status == 200, $"a notice about kenpo-a's reported answer to kaigo-b must be accepted, but the relay answered {exchange.Summary}");
        return exchange.Read<RetroactiveChangeNoticeAnswer>(session.World);
    }

    /// <summary>LOG-031: an accepted notice is in the person's history, written by the relay, tied to the answer it corrects.</summary>
    public static async Task LoggedAsync(RelaySession session, CheckContext check)
    {
        var (person, request, answer) = await AnsweredAsync(session, check, "notice-logged");
        await using var _ = person;
        var accepted = await AcceptedAsync(session, check, Notice(session, request, answer));

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entry = log.Entries.FirstOrDefault(e => e.EntryId == accepted.LogEntryId);
        check.Must(entry is not null, $"the notice's logEntryId '{accepted.LogEntryId}' is not in the person's log ({log.Entries.Count} entries)");
        check.Must(entry.Action == AccessAction.RetroactiveChangeNotice && entry.RecordedBy == RelayId, $"the entry says action {entry.Action}, recordedBy {entry.RecordedBy}");
        check.Must(entry.Requester == RequesterId && entry.Provider == TargetId, $"the entry names requester {entry.Requester}, provider {entry.Provider}: the party told and the insurer telling");
        check.Must(entry.RelatedEntryId == answer.LogEntryId && entry.CorrelationId == request.CorrelationId,
            $"the entry's relatedEntryId is '{entry.RelatedEntryId}' and correlationId '{entry.CorrelationId}', not the answer's '{answer.LogEntryId}' and '{request.CorrelationId}'");
        check.Must(entry.Items.SequenceEqual([DataItems.Eligibility]) && entry.Outcome == AccessOutcome.Answered, $"the entry's items are [{string.Join(", ", entry.Items)}], outcome {entry.Outcome}");
        check.Must(!log.Unreconciled.Contains(accepted.LogEntryId), "the notice's entry is listed as unreconciled");
    }

    /// <summary>ELG-018: a notice naming an answer the sender did not give, or that was never answered, is refused.</summary>
    public static async Task EntryUnknownAsync(RelaySession session, CheckContext check, string caseName)
    {
        var (person, request, answer) = await AnsweredAsync(session, check, caseName, report: caseName != "lookup-never-answered");
        await using var _ = person;
        var notice = Notice(session, request, answer);
        var exchange = caseName switch
        {
            "answer-of-another-insurer" => await SendAsync(session, check, notice, OtherInsurerId),
            "to-another-requester" => await SendAsync(session, check, notice with { Requester = OtherInsurerId }),
            "lookup-never-answered" => await SendAsync(session, check, notice),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };

        check.Must(exchange.IsRefusal(ProblemCodes.NoticeEntryUnknown), $"the notice ({caseName}) must be refused with notice-entry-unknown (400), but the relay answered {exchange.Summary}");
        check.Must(exchange.Problem?.Field == "/relayLogEntryId", $"the problem's field is '{exchange.Problem?.Field}', not /relayLogEntryId");
        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        check.Must(log.Entries.All(e => e.Action != AccessAction.RetroactiveChangeNotice), "the refused notice was logged in the person's history");
    }

    /// <summary>ELG-019: the same notice sent again is answered with the first acceptance and logged once.</summary>
    public static async Task ResentOnceAsync(RelaySession session, CheckContext check)
    {
        var (person, request, answer) = await AnsweredAsync(session, check, "notice-resent");
        await using var _ = person;
        var notice = Notice(session, request, answer);
        var first = await AcceptedAsync(session, check, notice);

        var again = await SendAsync(session, check, notice);
        check.Must(again.Status == 200, $"a resent notice must be acknowledged, but the relay answered {again.Summary}");
        var second = again.Read<RetroactiveChangeNoticeAnswer>(session.World);
        check.Must(second.LogEntryId == first.LogEntryId, $"the resent notice got entry '{second.LogEntryId}', the first '{first.LogEntryId}'");
        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        // Only this notice's entries: the person may carry notices of an earlier run against the same relay.
        var logged = log.Entries.Count(e => e.Action == AccessAction.RetroactiveChangeNotice && e.CorrelationId == notice.CorrelationId);
        check.Must(logged == 1, $"the person's log holds {logged} notice entries for one notice sent twice");
    }

    /// <summary>ELG-019: a resend, a second and more after the first acceptance, is answered with the first receivedAt, not the resend's time.</summary>
    public static async Task ResentKeepsReceivedAtAsync(RelaySession session, CheckContext check)
    {
        var (person, request, answer) = await AnsweredAsync(session, check, "notice-resent-received-at");
        await using var _ = person;
        var notice = Notice(session, request, answer);
        var first = await AcceptedAsync(session, check, notice);
        // receivedAt is in milliseconds: more than a second apart, a resend's own time cannot pass for the first.
        await AdvancingClock.WaitAsync(session.Target.Time, TimeSpan.FromSeconds(1.2));

        var again = await SendAsync(session, check, notice);
        if (again.Status != 200) throw check.Unreachable($"the resent notice was answered {again.Summary} (resent-notice-kept-once covers that)");
        var second = again.Read<RetroactiveChangeNoticeAnswer>(session.World);
        check.Must(second.ReceivedAt == first.ReceivedAt,
            $"the resent notice was answered with receivedAt {ProtocolText.Time(second.ReceivedAt)}, the first acceptance's is {ProtocolText.Time(first.ReceivedAt)}");
    }

    /// <summary>ELG-020: acknowledge drops the caller's own notices only; kenpo-c naming kaigo-b's notice does not take it from kaigo-b.</summary>
    public static async Task AcknowledgedByAnotherPartyAsync(RelaySession session, CheckContext check)
    {
        var (person, request, answer) = await AnsweredAsync(session, check, "notice-acknowledged-by-another");
        await using var _ = person;
        var accepted = await AcceptedAsync(session, check, Notice(session, request, answer));

        var other = await session.World.CallerFor(OtherInsurerId, check.Evidence).PostAsync(PickupPath,
            new RetroactiveNoticePickup { Acknowledge = [accepted.LogEntryId], CorrelationId = Calls.NewCorrelationId("foreign-acknowledge") });
        if (other.Status != 200) throw check.Unreachable($"kenpo-c's pickup acknowledging another party's notice was answered {other.Summary}; ELG-020 says such ids are ignored");
        var mine = await FindAsync(session, check, RequesterId, accepted.LogEntryId, acknowledge: false);
        check.Must(mine is not null, $"kenpo-c acknowledged the notice '{accepted.LogEntryId}' addressed to kaigo-b, and kaigo-b's pickups no longer return it");
        await FindAsync(session, check, RequesterId, accepted.LogEntryId, acknowledge: true);
    }

    /// <summary>ELG-020: a notice is handed to its requester alone, again until acknowledged, and not after.</summary>
    public static async Task PickedUpByItsRequesterAsync(RelaySession session, CheckContext check)
    {
        var (person, request, answer) = await AnsweredAsync(session, check, "notice-pickup");
        await using var _ = person;
        var accepted = await AcceptedAsync(session, check, Notice(session, request, answer));

        var other = await FindAsync(session, check, OtherInsurerId, accepted.LogEntryId, acknowledge: false);
        check.Must(other is null, "kenpo-c, which was never told anything, picked up the notice addressed to kaigo-b");
        var mine = await FindAsync(session, check, RequesterId, accepted.LogEntryId, acknowledge: false);
        check.Must(mine is not null, $"kaigo-b's pickups do not return the notice '{accepted.LogEntryId}' addressed to it");
        check.Must(mine.Provider == TargetId && mine.Notice.CorrelationId == request.CorrelationId && mine.Notice.Status == EligibilityStatus.Invalid,
            $"the notice handed out says provider {mine.Provider}, correlationId {mine.Notice.CorrelationId}, status {mine.Notice.Status}: not what kenpo-a sent");
        var before = await FindAsync(session, check, RequesterId, accepted.LogEntryId, acknowledge: false);
        check.Must(before is not null, "a notice not yet acknowledged was not returned by the next pickup");
        var after = await FindAsync(session, check, RequesterId, accepted.LogEntryId, acknowledge: true);
        check.Must(after is null, "the notice is still returned after kaigo-b acknowledged it");
    }

    /// <summary>One malformed notice, refused invalid-field whatever entry it names.</summary>
    public static IReadOnlyList<(string Name, Func<RetroactiveChangeNotice, RetroactiveChangeNotice> Break)> MalformedNotices { get; } =
    [
        ("notice-id-of-65-characters", n => n with { NoticeId = new string('n', 65) }),
        ("requester-not-a-party-id", n => n with { Requester = "kaigo b" }),
    ];

    /// <summary>ELG-018: a notice about kenpo-a's reported answer whose members break the stated formats is invalid-field, not accepted.</summary>
    public static async Task MalformedNoticeAsync(RelaySession session, CheckContext check, string caseName)
    {
        var (_, broken) = MalformedNotices.Single(m => m.Name == caseName);
        var (person, request, answer) = await AnsweredAsync(session, check, "malformed-notice");
        await using var _ = person;
        var exchange = await SendAsync(session, check, broken(Notice(session, request, answer)));

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField), $"the notice ({caseName}) breaks the formats of ELG-018 and must be refused with invalid-field (400), but the relay answered {exchange.Summary}");
    }

    /// <summary>One malformed acknowledge list of a pickup.</summary>
    public static IReadOnlyList<(string Name, Func<IReadOnlyList<string>> Acknowledge)> MalformedAcknowledgements { get; } =
    [
        ("acknowledge-101-ids", () => [.. Enumerable.Range(1, 101).Select(i => "L" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))]),
        ("acknowledge-an-empty-id", () => [""]),
        ("acknowledge-an-id-with-a-line-break", () => ["L0000000001\n"]),
    ];

    /// <summary>ELG-020: a pickup acknowledging more than 100 ids, or ids that are not 1–64 printable ASCII characters, is invalid-field.</summary>
    public static async Task MalformedAcknowledgementAsync(RelaySession session, CheckContext check, string caseName)
    {
        var (_, acknowledge) = MalformedAcknowledgements.Single(m => m.Name == caseName);
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(PickupPath,
            new RetroactiveNoticePickup { Acknowledge = acknowledge(), CorrelationId = Calls.NewCorrelationId("pickup-" + caseName) });

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField), $"the pickup's acknowledge list ({caseName}) must be refused with invalid-field (400), but the relay answered {exchange.Summary}");
    }

    /// <summary>
    /// Picks up as <paramref name="caller"/> until the notice <paramref name="logEntryId"/> shows up or nothing new comes, acknowledging
    /// other notices on the way (they are the kit's own from earlier runs) and, with <paramref name="acknowledge"/>, that one first.
    /// </summary>
    private static async Task<DeliveredRetroactiveNotice?> FindAsync(RelaySession session, CheckContext check, string caller, string logEntryId, bool acknowledge)
    {
        var ack = acknowledge ? new List<string> { logEntryId } : [];
        for (var round = 0; round < 20; round++)
        {
            var exchange = await session.World.CallerFor(caller, check.Evidence).PostAsync(PickupPath,
                new RetroactiveNoticePickup { Acknowledge = ack, CorrelationId = Calls.NewCorrelationId("pickup") });
            if (exchange.Status != 200) throw check.Unreachable($"{caller}'s pickup was refused: {exchange.Summary}");
            var notices = exchange.Read<RetroactiveNoticePickupAnswer>(session.World).Notices;
            if (notices.FirstOrDefault(n => n.LogEntryId == logEntryId) is { } found) return found;
            var others = notices.Select(n => n.LogEntryId).Where(id => !ack.Contains(id)).ToList();
            if (others.Count == 0) return null;
            ack = [.. ack, .. others];
        }
        return null;
    }
}

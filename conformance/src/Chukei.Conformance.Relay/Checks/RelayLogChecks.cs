using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// The relay's access log (docs/protocol.md §8): entries for lookups, insurers' reports, the person's view, the hash
/// chain and its signed checkpoints, all read through the protocol as the portal and the insurers read them.
/// </summary>
public static class RelayLogChecks
{
    /// <summary>LOG-003: a found lookup leaves one entry, written by the relay, with every member right.</summary>
    public static async Task LookupLoggedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "lookup-logged");

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entry = log.Entries.FirstOrDefault(e => e.CorrelationId == request.CorrelationId);
        check.Must(entry is not null, $"the person's log has no entry with the lookup's correlationId '{request.CorrelationId}' ({log.Entries.Count} entries in all)");
        check.Must(entry.EntryId == answer.LogEntryId, $"the entry's id is '{entry.EntryId}', the answer's logEntryId '{answer.LogEntryId}'");
        check.Must(entry.RecordedBy == RelayId && entry.Action == AccessAction.Lookup, $"the entry is recordedBy {entry.RecordedBy}, action {entry.Action}");
        check.Must(entry.Requester == RequesterId && entry.Provider == TargetId, $"the entry names requester {entry.Requester}, provider {entry.Provider}");
        check.Must(entry.Purpose == request.Purpose && entry.Outcome == AccessOutcome.Answered, $"the entry says purpose {entry.Purpose}, outcome {entry.Outcome}");
        check.Must(entry.Items.SequenceEqual(["insurer-affiliation"]), $"the entry's items are [{string.Join(", ", entry.Items)}], a lookup discloses [insurer-affiliation]");
    }

    /// <summary>LOG-001: a report appends; every entry the person could read before is unchanged after it, member for member.</summary>
    public static async Task EntriesUnchangedByAReportAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "append-only");
        var before = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var reported = await Calls.ReportAsync(session, check, TargetId, Calls.Record(answer.LogEntryId, request.CorrelationId, session.Target.Time.GetUtcNow().AddSeconds(-1)));
        if (reported.Status != 200) throw check.Unreachable($"the report was answered {reported.Summary} (LOG-012 covers that)");

        var after = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        foreach (var entry in before.Entries)
        {
            var now = after.Entries.FirstOrDefault(e => e.EntryId == entry.EntryId);
            check.Must(now is not null, $"entry '{entry.EntryId}' (seq {entry.Seq}) was in the person's log before the report and is gone after it");
            var (was, became) = (ProtocolJson.Serialize(entry), ProtocolJson.Serialize(now));
            check.Must(was == became, $"entry '{entry.EntryId}' (seq {entry.Seq}) changed when the report reconciled it: before {was}, after {became}");
        }
        check.Must(after.Entries.Count > before.Entries.Count, $"the report was accepted, yet the person's log holds {after.Entries.Count} entries, as before");
    }

    /// <summary>LOG-002: the entry of a found lookup says who asked, whose data, which items, why, when, what happened, the correlationId and who wrote it.</summary>
    public static async Task EntryMembersAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var start = session.Target.Time.GetUtcNow();
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "entry-members");
        var end = session.Target.Time.GetUtcNow();

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entry = log.Entries.FirstOrDefault(e => e.EntryId == answer.LogEntryId)
            ?? throw check.Unreachable($"the answer's logEntryId '{answer.LogEntryId}' is not in the person's log (LOG-003 covers that)");
        check.Must(entry.PersonId == person.Person.PersonId, $"the entry's personId is '{entry.PersonId}'; the data looked up is {person.Person.PersonId}'s");
        check.Must(entry.Requester == RequesterId && entry.Provider == TargetId, $"the entry names requester '{entry.Requester}', provider '{entry.Provider}'");
        check.Must(entry.Purpose == request.Purpose && entry.Outcome == AccessOutcome.Answered && entry.Code is null,
            $"the entry says purpose {entry.Purpose}, outcome {entry.Outcome}, code '{entry.Code}'");
        check.Must(entry.CorrelationId == request.CorrelationId && entry.RecordedBy == RelayId,
            $"the entry says correlationId '{entry.CorrelationId}', recordedBy '{entry.RecordedBy}'");
        check.Must(entry.At >= start - ProtocolConstants.ClockSkew && entry.At <= end + ProtocolConstants.ClockSkew,
            $"the entry's at {ProtocolText.Time(entry.At)} is not when the lookup was answered ({ProtocolText.Time(start)} … {ProtocolText.Time(end)}, within the 60 s skew)");
    }

    /// <summary>LOG-003: a multiple-matches lookup is logged for the person with outcome not-found.</summary>
    public static async Task UnansweredLookupLoggedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var request = Calls.Lookup(person.Subject, "no-coverage-logged");
        var exchange = await Calls.LookupAsync(session, check, request);
        if (exchange.Status != 200) throw check.Unreachable($"the lookup was answered {exchange.Summary}");

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entry = log.Entries.FirstOrDefault(e => e.CorrelationId == request.CorrelationId);
        check.Must(entry is not null, $"the person's log has no entry for the no-current-coverage lookup '{request.CorrelationId}'");
        check.Must(entry.Outcome == AccessOutcome.NotFound, $"a no-current-coverage lookup is logged with outcome not-found, not {entry.Outcome}");
    }

    /// <summary>LOG-005: each entry's hash is the SHA-256 of its fifteen lines.</summary>
    public static async Task HashesRecomputeAsync(RelaySession session, CheckContext check)
    {
        var log = await LoggedPersonAsync(session, check, "hashes");
        foreach (var e in log.Entries)
        {
            var expected = AccessLogHash.Compute(e);
            check.Must(e.Hash == expected, $"entry {e.Seq} ({e.EntryId}) has hash {e.Hash}; its members hash to {expected}");
        }
    }

    /// <summary>LOG-006 / LOG-016: the person's entries come in increasing seq order, at in UTC milliseconds.</summary>
    public static async Task SequenceAsync(RelaySession session, CheckContext check)
    {
        var log = await LoggedPersonAsync(session, check, "sequence");
        for (var i = 1; i < log.Entries.Count; i++)
            check.Must(log.Entries[i].Seq > log.Entries[i - 1].Seq, $"entry {log.Entries[i].EntryId} has seq {log.Entries[i].Seq} after seq {log.Entries[i - 1].Seq}");
        foreach (var e in log.Entries)
        {
            check.Must(e.Seq >= 1, $"entry {e.EntryId} has seq {e.Seq}; seq starts at 1");
            check.Must(e.At.Offset == TimeSpan.Zero && AccessLogHash.Normalize(e.At) == e.At, $"entry {e.Seq}'s at is {ProtocolText.Time(e.At)}: it must be UTC truncated to milliseconds");
            check.Must(e.PrevHash.Length == 64, $"entry {e.Seq}'s prevHash is not 64 hex characters");
        }
    }

    /// <summary>
    /// LOG-006: the entry of one lookup made right after the chain head was read is the next link: seq one more than
    /// the head's, prevHash the head's hash (64 zeros for an empty chain). The kit runs its cases one at a time, so no
    /// other entry comes between them on a relay serving only the kit.
    /// </summary>
    public static async Task NextLinkAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var head = await LatestCheckpointAsync(session, check);
        var (_, _, _, answer) = await Calls.FoundAsync(session, check, person, "next-link");

        // The head is read from a checkpoint signed on request (LOG-020); one that did not move across the lookup says nothing of the chain.
        var after = await LatestCheckpointAsync(session, check);
        if (after.Seq <= head.Seq)
            throw check.Unreachable($"the latest checkpoint was at seq {head.Seq} before the lookup and {after.Seq} after it: it is not signed on request (LOG-020 covers that), so the chain's head is unknown");

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entry = log.Entries.FirstOrDefault(e => e.EntryId == answer.LogEntryId)
            ?? throw check.Unreachable($"the answer's logEntryId '{answer.LogEntryId}' is not in the person's log (LOG-003 covers that)");
        check.Must(entry.Seq == head.Seq + 1,
            $"the chain head was at seq {head.Seq} just before the lookup, and the lookup's entry has seq {entry.Seq}; seq increases by exactly 1 per entry");
        var expected = head.Seq == 0 ? new string('0', 64) : head.Hash;
        check.Must(entry.PrevHash == expected,
            $"the lookup's entry (seq {entry.Seq}) has prevHash {entry.PrevHash}, but the entry before it (seq {head.Seq}) has hash {expected}; every prevHash is the previous entry's hash");
    }

    /// <summary>LOG-016: a person's view holds their entries and nobody else's.</summary>
    public static async Task OnlyOwnEntriesAsync(RelaySession session, CheckContext check)
    {
        await using var first = await EnrolledPerson.CreateAsync(session, check);
        await using var second = await EnrolledPerson.CreateAsync(session, check);
        var (_, mine, _, _) = await Calls.FoundAsync(session, check, first, "own-entries");
        var (_, theirs, _, _) = await Calls.FoundAsync(session, check, second, "other-entries");

        var log = await Calls.PersonLogAsync(session, check, first.Person.PersonId);
        check.Must(log.PersonId == first.Person.PersonId, $"the answer is for '{log.PersonId}'");
        check.Must(log.Entries.Any(e => e.CorrelationId == mine.CorrelationId), "the person's own lookup is missing from their log");
        check.Must(log.Entries.All(e => e.CorrelationId != theirs.CorrelationId), "another person's lookup appears in this person's log");
        check.Must(log.Entries.All(e => e.PersonId == first.Person.PersonId), "the log holds entries whose personId is someone else's or absent");
    }

    /// <summary>LOG-015: a well-formed person id naming nobody is person-unknown.</summary>
    public static async Task UnknownPersonAsync(RelaySession session, CheckContext check)
    {
        var exchange = await session.World.CallerFor(PortalId, check.Evidence).PostAsync(Calls.PersonQueryPath, new PersonAccessLogQuery { PersonId = "PAAAAAAAAAAAAAAAAAAAA" });
        check.Must(exchange.IsRefusal(ProblemCodes.PersonUnknown), $"a query for a person id nobody has must be refused with person-unknown (404), not {exchange.Summary}");
    }

    /// <summary>LOG-011: a report naming a relay entry that does not exist, or is another insurer's, is refused whole.</summary>
    public static async Task UnknownEntryRefusedAsync(RelaySession session, CheckContext check, string caseName)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, caseName);
        if ((await Calls.PersonLogAsync(session, check, person.Person.PersonId)).Entries.All(e => e.EntryId != answer.LogEntryId))
            throw check.Unreachable($"the lookup's entry '{answer.LogEntryId}' is not in the person's log, so a report naming it cannot be the good part of the report (LOG-003 covers that)");
        var now = session.Target.Time.GetUtcNow();
        var good = Calls.Record(answer.LogEntryId, request.CorrelationId, now);
        var (reporter, records, position) = caseName switch
        {
            "no-such-entry" => (TargetId, new[] { good, Calls.Record("L-no-such-entry-" + answer.LogEntryId, request.CorrelationId, now) }, 1),
            "entry-of-another-provider" => (OtherInsurerId, [good with { InsurerEntryId = "kenpo-c-" + good.InsurerEntryId }], 0),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };

        var exchange = await Calls.ReportAsync(session, check, reporter, records);
        check.Must(exchange.IsRefusal(ProblemCodes.LogEntryUnknown), $"the report ({caseName}) must be refused with log-entry-unknown (400), but the relay answered {exchange.Summary}");
        check.Must(exchange.Problem?.Field == $"/entries/{position}/relayLogEntryId", $"the problem's field is '{exchange.Problem?.Field}', not /entries/{position}/relayLogEntryId");
        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        check.Must(log.Entries.All(e => e.Action != AccessAction.Inquiry), "part of the refused report was appended: the person's log holds an inquiry entry");
    }

    /// <summary>LOG-012 / LOG-013: a reported record is appended for the person and reconciles the lookup.</summary>
    public static async Task ReportReconcilesAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "reconciles");
        var record = Calls.Record(answer.LogEntryId, request.CorrelationId, session.Target.Time.GetUtcNow());
        var reported = await Calls.ReportAsync(session, check, TargetId, record);
        if (reported.Status != 200) throw check.Unreachable($"the report was answered {reported.Summary}");
        var ids = reported.Read<AccessLogReportAnswer>(session.World).EntryIds;
        check.Must(ids.Count == 1, $"one record was reported, {ids.Count} entry ids came back");

        var after = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entry = after.Entries.FirstOrDefault(e => e.EntryId == ids[0]);
        check.Must(entry is not null, $"the reported record (entry '{ids[0]}') is not in the person's log");
        check.Must(entry.RecordedBy == TargetId && entry.Action == AccessAction.Inquiry && entry.Provider == TargetId,
            $"the appended entry says recordedBy {entry.RecordedBy}, action {entry.Action}, provider {entry.Provider}");
        check.Must(entry.RelatedEntryId == answer.LogEntryId, $"relatedEntryId is '{entry.RelatedEntryId}', the record named '{answer.LogEntryId}'");
        check.Must(entry.Requester == record.Requester && entry.CorrelationId == record.CorrelationId && entry.Items.SequenceEqual(record.Items),
            "the appended entry does not carry the record's requester, correlationId and items");
    }

    /// <summary>LOG-013: an answered lookup is listed as unreconciled until the insurer reports a record naming it.</summary>
    public static async Task UnreconciledUntilReportedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "unreconciled");
        await UnreconciledUntilReportedAsync(session, check, person, answer.LogEntryId, request.CorrelationId, "lookup");
    }

    /// <summary>LOG-013: an answered routed inquiry is listed as unreconciled until the insurer reports a record naming its entry.</summary>
    public static async Task RoutedUnreconciledUntilReportedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RoutedChecks.RouteAsync(session, check, person, "routed-unreconciled", StandInBehaviour.Correct);
        if (exchange.Status != 200) throw check.Unreachable($"the routed inquiry was answered {exchange.Summary} (RLY-020 covers that)");
        var answer = exchange.Read<RoutedInquiryAnswer>(session.World);
        if (answer.Outcome != LookupOutcome.Found || answer.TargetAnswer is null)
            throw check.Unreachable($"the routed inquiry was answered {answer.Outcome} without the target's answer (RLY-020 covers that)");
        await UnreconciledUntilReportedAsync(session, check, person, answer.LogEntryId, request.CorrelationId, "routed inquiry");
    }

    /// <summary>The entry <paramref name="entryId"/> is listed as unreconciled, and no longer once kenpo-a reports a record naming it.</summary>
    private static async Task UnreconciledUntilReportedAsync(RelaySession session, CheckContext check, EnrolledPerson person, string entryId, string correlationId, string what)
    {
        var before = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        check.Must(before.Unreconciled.Contains(entryId),
            $"the {what} '{entryId}' was answered by {TargetId}, which has reported nothing yet, so it must be listed as unreconciled; the list is [{string.Join(", ", before.Unreconciled)}]");
        var reported = await Calls.ReportAsync(session, check, TargetId, Calls.Record(entryId, correlationId, session.Target.Time.GetUtcNow()));
        if (reported.Status != 200) throw check.Unreachable($"the report was answered {reported.Summary} (LOG-012 covers that)");
        var after = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        check.Must(!after.Unreconciled.Contains(entryId), $"after {TargetId} reported, the {what} '{entryId}' is still listed as unreconciled");
    }

    /// <summary>LOG-011: a report with a malformed record (an insurerEntryId of 65 characters) is refused whole with invalid-field, and the chain does not grow.</summary>
    public static async Task MalformedRecordAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "malformed-record");
        var good = Calls.Record(answer.LogEntryId, request.CorrelationId, session.Target.Time.GetUtcNow());
        var before = await LatestCheckpointAsync(session, check);

        var reported = await Calls.ReportAsync(session, check, TargetId, good, good with { InsurerEntryId = new string('k', 65) });

        check.Must(reported.IsRefusal(ProblemCodes.InvalidField),
            $"the report's second record has an insurerEntryId of 65 characters (at most 64); the whole report must be refused with invalid-field (400), but the relay answered {reported.Summary}");
        var after = await LatestCheckpointAsync(session, check);
        check.Must(after.Seq == before.Seq, $"the refused report grew the chain from seq {before.Seq} to {after.Seq}; a refused report appends nothing");
    }

    /// <summary>LOG-014 (SHOULD): the same record reported twice gets the same entry id.</summary>
    public static async Task RepeatedReportAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "repeated-report");
        var record = Calls.Record(answer.LogEntryId, request.CorrelationId, session.Target.Time.GetUtcNow());

        var first = await Calls.ReportAsync(session, check, TargetId, record);
        var second = await Calls.ReportAsync(session, check, TargetId, record);
        if (first.Status != 200) throw check.Unreachable($"the report was answered {first.Summary}");
        CheckContext.Must("LOG-011", second.Status == 200, $"a repeated, well-formed report was refused: {second.Summary}");
        var ids = (first.Read<AccessLogReportAnswer>(session.World).EntryIds[0], second.Read<AccessLogReportAnswer>(session.World).EntryIds[0]);
        check.Should("LOG-014", ids.Item1 == ids.Item2, $"the same record reported twice got two entries, '{ids.Item1}' and '{ids.Item2}'");
    }

    /// <summary>
    /// LOG-020: the latest checkpoint is a relay-signed JWS covering at least the entries just written. With
    /// <paramref name="afterPeriodic"/>, 101 lookups first cross a periodic checkpoint (stored every 100 entries) whatever
    /// the relay's seq, so a relay serving that stored one instead of signing on request is caught.
    /// </summary>
    public static async Task CheckpointAsync(RelaySession session, CheckContext check, bool afterPeriodic)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var last = afterPeriodic ? await NewestAfterPeriodicAsync(session, check) : (await LoggedPersonAsync(session, check, "checkpoint")).Entries[^1];
        var (status, mediaType, body) = await session.World.GetAsync("v1/access-log/checkpoints/latest", check.Evidence);

        check.Must(status == 200 && mediaType == ProtocolConstants.JoseMediaType, $"GET checkpoints/latest answered {status} {mediaType}, not 200 application/jose");
        LogCheckpoint checkpoint;
        try
        {
            var payload = session.World.VerifierFor(RequesterId).VerifyPayload(body.Trim(), ProtocolConstants.CheckpointType, RelayId);
            checkpoint = ProtocolJson.Deserialize<LogCheckpoint>(System.Text.Encoding.UTF8.GetBytes(payload), "checkpoint");
        }
        catch (ProtocolException ex)
        {
            throw new RequirementViolationException(check.RequirementId, CheckContext.Message(check.RequirementId, "violated",
                $"the checkpoint is not a {ProtocolConstants.CheckpointType} JWS signed by a relay key: {ex.Code.Code}: {ex.Detail}"), ex);
        }
        check.Must(checkpoint.Seq >= last.Seq, $"the latest checkpoint is at seq {checkpoint.Seq}, but entry {last.Seq} was written before it was asked for" +
            (afterPeriodic ? ": the relay served a stored checkpoint instead of signing one" : ""));
        if (checkpoint.Seq == last.Seq) check.Must(checkpoint.Hash == last.Hash, $"the checkpoint at seq {last.Seq} has hash {checkpoint.Hash}, the entry {last.Hash}");
    }

    /// <summary>The person's newest entry after 101 lookups, never itself on a checkpoint boundary.</summary>
    private static async Task<AccessLogEntry> NewestAfterPeriodicAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        for (var i = 0; i <= ProtocolConstants.CheckpointInterval; i++) await Calls.FoundAsync(session, check, person, "periodic-checkpoint");
        var entries = (await Calls.PersonLogAsync(session, check, person.Person.PersonId)).Entries;
        if (entries.Count == 0) throw check.Unreachable("the person's log is empty after 101 lookups (LOG-003 covers that)");
        if (entries[^1].Seq % ProtocolConstants.CheckpointInterval != 0) return entries[^1];
        // On the boundary, stored and fresh checkpoints agree: one entry more tells them apart.
        await Calls.FoundAsync(session, check, person, "periodic-checkpoint");
        return (await Calls.PersonLogAsync(session, check, person.Person.PersonId)).Entries[^1];
    }

    /// <summary>
    /// LOG-003: a refused lookup is logged too. RLY-005 refuses a purpose the caller may not use before the subject is
    /// resolved, so the entry names no person and no history shows it: the signed checkpoint's seq, read before and
    /// after, must grow. (Another case's entries in between could only make this pass, never fail; the kit runs cases
    /// one at a time.)
    /// </summary>
    public static async Task RefusedLookupLoggedAsync(RelaySession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var before = await LatestCheckpointAsync(session, check);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "refused-lookup-logged", Purposes.ChildbirthLumpSum));
        if (!exchange.IsRefusal(ProblemCodes.PurposeNotAllowed))
            throw check.Unreachable($"the lookup with a purpose an LTC insurer may not use was answered {exchange.Summary}, not purpose-not-allowed (RLY-005 covers that)");
        var after = await LatestCheckpointAsync(session, check);

        check.Must(after.Seq > before.Seq,
            $"the relay refused the lookup (purpose-not-allowed) after it passed call authentication and body validation, but its chain did not grow: the checkpoint's seq was {before.Seq} before and {after.Seq} after; a refusal is logged too");
    }

    /// <summary>The latest checkpoint, verified as the relay's (LOG-020 judges it; here it is a way to read the chain's length).</summary>
    private static async Task<LogCheckpoint> LatestCheckpointAsync(RelaySession session, CheckContext check)
    {
        var (status, _, body) = await session.World.GetAsync("v1/access-log/checkpoints/latest", check.Evidence);
        if (status != 200) throw check.Unreachable($"GET checkpoints/latest answered {status} (LOG-020 covers that)");
        try
        {
            var payload = session.World.VerifierFor(RequesterId).VerifyPayload(body.Trim(), ProtocolConstants.CheckpointType, RelayId);
            return ProtocolJson.Deserialize<LogCheckpoint>(System.Text.Encoding.UTF8.GetBytes(payload), "checkpoint");
        }
        catch (ProtocolException ex)
        {
            throw check.Unreachable($"the latest checkpoint does not verify ({ex.Code.Code}: {ex.Detail}; LOG-020 covers that)");
        }
    }

    /// <summary>LOG-021: the relay's own verification of its chain says valid and covers the entries written.</summary>
    public static async Task VerificationAsync(RelaySession session, CheckContext check)
    {
        var log = await LoggedPersonAsync(session, check, "verification");
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.VerificationPath, new { });

        var verification = exchange.Read<ChainVerification>(session.World);
        check.Must(verification.Valid, $"the relay reports its own chain invalid: {verification.Reason} (first broken seq {verification.FirstBrokenSeq})");
        check.Must(verification.Entries >= log.Entries[^1].Seq, $"the verification covers {verification.Entries} entries, but entry {log.Entries[^1].Seq} exists");
    }

    /// <summary>A person with one found lookup and its log; most log checks start here.</summary>
    /// <summary>
    /// LOG-006: seq starts at 1 and grows by exactly 1, so the head of a chain of N entries has seq N: the checkpoint's
    /// seq (LOG-020) equals the number of entries the relay's verification counts (LOG-021), read with nothing appended between.
    /// </summary>
    public static async Task HeadSeqIsTheEntryCountAsync(RelaySession session, CheckContext check)
    {
        var written = (await LoggedPersonAsync(session, check, "head-seq")).Entries[^1];
        var before = await LatestCheckpointAsync(session, check);
        // The checkpoint must be of the head for its seq to count the chain; a stale one is LOG-020's fault, not this.
        if (before.Seq < written.Seq) throw check.Unreachable($"the latest checkpoint is at seq {before.Seq}, before entry {written.Seq} written just now (LOG-020 covers that)");
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.VerificationPath, new { });
        if (exchange.Status != 200) throw check.Unreachable($"the verification was answered {exchange.Summary} (LOG-021 covers that)");
        var verification = exchange.Read<ChainVerification>(session.World);
        var after = await LatestCheckpointAsync(session, check);
        if (before.Seq != after.Seq) throw check.Unreachable($"entries were appended while the chain was read (checkpoint seq {before.Seq}, then {after.Seq})");
        // A break after the first entry may stop the count there; one at the first entry is the numbering itself.
        if (!verification.Valid && verification.FirstBrokenSeq is not (null or <= 1))
            throw check.Unreachable($"the relay's verification stops at seq {verification.FirstBrokenSeq}: {verification.Reason} (LOG-021 covers that)");

        check.Must(after.Seq == verification.Entries,
            $"the chain's head has seq {after.Seq}, but the relay counts {verification.Entries} entries; seq starts at 1 and grows by exactly 1, so they must be equal");
    }

    /// <summary>LOG-016: a person's entries come back in seq order (the lookup first, then the insurer's report of answering it).</summary>
    public static async Task InSeqOrderAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, "seq-order");
        var reported = await Calls.ReportAsync(session, check, TargetId, Calls.Record(answer.LogEntryId, request.CorrelationId, session.Target.Time.GetUtcNow()));
        if (reported.Status != 200) throw check.Unreachable($"kenpo-a's report of its answer was refused: {reported.Summary} (LOG-012 covers that)");

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        if (log.Entries.Count < 2) throw check.Unreachable($"the person's log holds {log.Entries.Count} entries after a lookup and a report (LOG-003 and LOG-012 cover that)");
        for (var i = 1; i < log.Entries.Count; i++)
            check.Must(log.Entries[i].Seq > log.Entries[i - 1].Seq,
                $"the person's log lists seq {log.Entries[i].Seq} after seq {log.Entries[i - 1].Seq} ([{string.Join(", ", log.Entries.Select(e => e.Seq))}]); it must be in seq order");
    }

    private static async Task<PersonAccessLogAnswer> LoggedPersonAsync(RelaySession session, CheckContext check, string caseName)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        await Calls.FoundAsync(session, check, person, caseName);
        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        if (log.Entries.Count == 0) throw check.Unreachable("the person's log is empty after a lookup (LOG-003 covers that)");
        return log;
    }
}

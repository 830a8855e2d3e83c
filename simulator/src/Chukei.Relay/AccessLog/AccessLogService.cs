using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;

namespace Chukei.Relay.AccessLog;

/// <summary>Insurers' reports (LOG-010 … LOG-013) and a person's view of their own entries (LOG-015 … LOG-017).</summary>
public sealed class AccessLogService(RelayNode relay)
{
    /// <summary>Appends a report atomically: one bad entry refuses the whole report, so nothing is half-written.</summary>
    public AccessLogReportAnswer Report(PartyDescriptor caller, AccessLogReport report)
    {
        var ids = new string?[report.Entries.Count];
        var drafts = new List<AccessLogChain.Draft>();
        var positions = new List<int>();
        for (var i = 0; i < report.Entries.Count; i++)
        {
            var e = report.Entries[i];
            var sourceKey = caller.Id + ":" + e.InsurerEntryId;
            if (relay.Store.FindEntryIdBySourceKey(sourceKey) is { } existing)
            {
                ids[i] = existing; // a retried report is acknowledged, not duplicated
                continue;
            }
            string? personId = null;
            if (e.RelayLogEntryId is { } relatedId)
            {
                var related = relay.Store.FindLogEntry(relatedId);
                if ((related is null || related.Provider != caller.Id) && !relay.Defects.AcceptsUnknownLogEntries)
                    throw new ProtocolException(ProblemCodes.LogEntryUnknown, $"entry {i} names a relay entry that is not a lookup for {caller.Id}", $"/entries/{i}/relayLogEntryId");
                personId = related?.PersonId;
            }
            drafts.Add(new AccessLogChain.Draft(caller.Id, AccessAction.Inquiry, e.Requester, caller.Id, personId, e.Items, e.Purpose,
                e.Outcome, e.Code, e.CorrelationId, e.RelayLogEntryId, e.At, sourceKey));
            positions.Add(i);
        }
        var appended = drafts.Count == 0 ? [] : relay.Log.AppendAll(drafts);
        for (var j = 0; j < appended.Count; j++) ids[positions[j]] = appended[j].EntryId;
        return new AccessLogReportAnswer { EntryIds = ids.Select(x => x!).ToList() };
    }

    public PersonAccessLogAnswer PersonLog(PersonAccessLogQuery query)
    {
        if (!relay.Store.PersonExists(query.PersonId) && !relay.Defects.AnswersUnknownPersons)
            throw new ProtocolException(ProblemCodes.PersonUnknown, "no person with that identifier", "/personId");
        var entries = relay.Store.LogOf(query.PersonId);
        var unreconciled = relay.Defects.ListsNothingUnreconciled ? [] : entries
            .Where(e => e.RecordedBy == relay.Self.PartyId && e.Action is AccessAction.Lookup or AccessAction.RoutedInquiry
                && e.Outcome == AccessOutcome.Answered && e.Provider is not null
                && !relay.Store.HasEntryRelatedTo(e.EntryId))
            .Select(e => e.EntryId)
            .ToList();
        return new PersonAccessLogAnswer { PersonId = query.PersonId, Entries = Shown(entries), Unreconciled = unreconciled };
    }

    /// <summary>The entries as stored; only a mutant shows them otherwise.</summary>
    private IReadOnlyList<AccessLogEntry> Shown(IReadOnlyList<AccessLogEntry> entries)
    {
        if (relay.Defects.ShowsEntriesWithoutPersonId) return [.. entries.Select(e => e with { PersonId = null })];
        if (!relay.Defects.RewritesReconciledEntries) return entries;
        return [.. entries.Select(e => relay.Store.EntriesRelatedTo(e.EntryId) is [var report, ..] ? e with { At = report.At } : e)];
    }
}

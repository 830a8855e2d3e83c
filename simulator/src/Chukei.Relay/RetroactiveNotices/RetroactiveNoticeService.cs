using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using Chukei.Relay.AccessLog;

namespace Chukei.Relay.RetroactiveNotices;

/// <summary>
/// Retroactive-change notices (docs/protocol.md §9.2.1): an insurer's notice is accepted only for an answer it gave
/// to that requester (ELG-018), logged as a disclosure in the person's history before it is kept (LOG-031), kept once
/// however often it is resent (ELG-019), and handed to its requester until acknowledged (ELG-020).
/// </summary>
public sealed class RetroactiveNoticeService(RelayNode relay)
{
    /// <summary>The most notices one pickup returns (ELG-020).</summary>
    public const int MaxPerPickup = ProtocolConstants.MaxReportEntries;

    // Accepting is check-then-write (duplicate, log entry, notice); one at a time, so a resend racing the first send
    // finds it rather than appending a second entry.
    private readonly Lock _gate = new();

    public RetroactiveChangeNoticeAnswer Accept(PartyDescriptor caller, RetroactiveChangeNotice notice)
    {
        lock (_gate)
        {
            var defects = relay.Defects;
            if (relay.Store.FindRetroactiveNotice(caller.Id, notice.NoticeId) is { } kept && !defects.KeepsResentNoticesTwice)
                return new RetroactiveChangeNoticeAnswer { NoticeId = notice.NoticeId, LogEntryId = kept.LogEntryId, ReceivedAt = kept.ReceivedAt };

            var answered = relay.Store.FindLogEntry(notice.RelayLogEntryId);
            if (!defects.AcceptsNoticesForAnyEntry) CheckAnswered(caller, notice, answered);

            // LOG-031: the notice discloses the person's changed eligibility to the requester; log it before keeping it.
            // The source key makes the entry findable again should the notice itself fail to be kept.
            var sourceKey = defects.KeepsResentNoticesTwice ? null : $"retroactive-notice:{caller.Id}:{notice.NoticeId}";
            var entryId = sourceKey is null ? null : relay.Store.FindEntryIdBySourceKey(sourceKey);
            DateTimeOffset receivedAt;
            if (entryId is not null) receivedAt = relay.Store.FindLogEntry(entryId)!.At;
            else if (defects.OmitsNoticeEntries) (entryId, receivedAt) = ("N" + relay.Self.Ids.Next()[..16], relay.Self.Time.GetUtcNow());
            else
            {
                var entry = relay.Log.Append(new AccessLogChain.Draft(relay.Self.PartyId, AccessAction.RetroactiveChangeNotice, notice.Requester, caller.Id,
                    answered?.PersonId, [DataItems.Eligibility], answered?.Purpose ?? "unknown", AccessOutcome.Answered, null, notice.CorrelationId,
                    notice.RelayLogEntryId, SourceKey: sourceKey));
                (entryId, receivedAt) = (entry.EntryId, entry.At);
            }
            var delivered = new DeliveredRetroactiveNotice { Provider = caller.Id, LogEntryId = entryId, ReceivedAt = receivedAt, Notice = notice };
            // The mutant keeps every copy under a key of its own, as a store without the (provider, noticeId) key would.
            relay.Store.TryKeepRetroactiveNotice(defects.KeepsResentNoticesTwice ? delivered with { Notice = notice with { NoticeId = notice.NoticeId + "#" + entryId } } : delivered);
            return new RetroactiveChangeNoticeAnswer { NoticeId = notice.NoticeId, LogEntryId = entryId, ReceivedAt = receivedAt };
        }
    }

    /// <summary>ELG-018: the entry is the relay's answered lookup or routed inquiry of this requester to this insurer, and the insurer reported answering it.</summary>
    private void CheckAnswered(PartyDescriptor caller, RetroactiveChangeNotice notice, AccessLogEntry? answered)
    {
        if (answered is not { Action: AccessAction.Lookup or AccessAction.RoutedInquiry, Outcome: AccessOutcome.Answered }
            || answered.RecordedBy != relay.Self.PartyId || answered.Provider != caller.Id || answered.Requester != notice.Requester)
            throw new ProtocolException(ProblemCodes.NoticeEntryUnknown, $"no answered lookup or routed inquiry of {notice.Requester} to {caller.Id} has that entry id", "/relayLogEntryId");
        if (!relay.Store.EntriesRelatedTo(answered.EntryId).Any(e => e.RecordedBy == caller.Id && e.Action == AccessAction.Inquiry && e.Outcome == AccessOutcome.Answered))
            throw new ProtocolException(ProblemCodes.NoticeEntryUnknown, $"{caller.Id} has reported no answered inquiry for that entry", "/relayLogEntryId");
    }

    /// <summary>Drops what the caller acknowledges, then hands it what is still waiting; never another party's notices.</summary>
    public RetroactiveNoticePickupAnswer Pickup(PartyDescriptor caller, RetroactiveNoticePickup pickup)
    {
        if (pickup.Acknowledge is { Count: > 0 } ids) relay.Store.AcknowledgeRetroactiveNotices(caller.Id, ids);
        var notices = relay.Defects.HandsNoticesToAnyCaller
            ? relay.Self.Directory.Parties.SelectMany(p => relay.Store.PendingRetroactiveNotices(p.Id, MaxPerPickup)).Take(MaxPerPickup).ToList()
            : relay.Store.PendingRetroactiveNotices(caller.Id, MaxPerPickup);
        return new RetroactiveNoticePickupAnswer { Notices = notices, CorrelationId = pickup.CorrelationId };
    }
}

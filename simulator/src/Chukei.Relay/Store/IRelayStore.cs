using Chukei.Contracts.Wire;

namespace Chukei.Relay.Store;

/// <summary>
/// The relay's durable state. Every write is one transaction: a call either lands whole or not at all, and an
/// acknowledged write survives a restart, so nothing is ever half-written (ERR-007).
/// </summary>
public interface IRelayStore : IDisposable
{
    void AddPerson(string personId, string basicPensionNumber);
    IReadOnlyList<string> FindPeopleByPensionNumber(string basicPensionNumber);
    bool PersonExists(string personId);

    void AddEnrolment(RelayEnrolment enrolment);

    /// <summary>Closes the open enrolment under this insurer and number; false if there is none.</summary>
    bool CloseEnrolment(string personId, string insurerNumber, string number, DateOnly effectiveTo, DateTimeOffset registeredAt);

    IReadOnlyList<RelayEnrolment> FindEnrolmentsByNumber(InsuranceKind kind, string insurerNumber, string number);
    IReadOnlyList<RelayEnrolment> EnrolmentsOf(string personId);

    /// <summary>The chain head: last seq and hash, or (0, genesis).</summary>
    (long Seq, string Hash) LogHead();

    /// <summary>Appends entries atomically; <paramref name="sourceKeys"/> (one per entry, may be null) make reports idempotent.</summary>
    void AppendLog(IReadOnlyList<AccessLogEntry> entries, IReadOnlyList<string?> sourceKeys);

    AccessLogEntry? FindLogEntry(string entryId);
    string? FindEntryIdBySourceKey(string sourceKey);
    IReadOnlyList<AccessLogEntry> LogOf(string personId);
    IEnumerable<AccessLogEntry> WholeLog();
    bool HasEntryRelatedTo(string entryId);

    /// <summary>Entries whose relatedEntryId is <paramref name="entryId"/>, in seq order.</summary>
    IReadOnlyList<AccessLogEntry> EntriesRelatedTo(string entryId);

    /// <summary>The municipal NHI party a person's fall-through notices go to (their residence), if known.</summary>
    void SetResidence(string personId, string nhiPartyId);

    string? ResidenceOf(string personId);

    /// <summary>Forgets a person's residence (the resident registry recorded their death): no municipality to notify.</summary>
    void RemoveResidence(string personId);

    /// <summary>Everyone whose residence is known, with it.</summary>
    IReadOnlyList<(string PersonId, string NhiPartyId)> Residents();

    string? BasicPensionNumberOf(string personId);

    /// <summary>Records that a gap was notified; false if it already was (one notice per gap, RLY-051).</summary>
    bool TryRecordFallThroughNotice(string personId, DateOnly uninsuredSince, DateTimeOffset notifiedAt);

    /// <summary>Forgets a notice that could not be delivered, so the next detection run sends it again.</summary>
    void ForgetFallThroughNotice(string personId, DateOnly uninsuredSince);

    /// <summary>
    /// People whose medical enrolment ended on or before <paramref name="endedOnOrBefore"/> and either ended after
    /// <paramref name="endedAfter"/> or was registered after <paramref name="registeredAfter"/> (both null: every such
    /// person): the only people a fall-through run must look at, given what the previous run saw. Ordered by person id.
    /// </summary>
    IReadOnlyList<string> MedicalEndingsBetween(DateOnly endedOnOrBefore, DateOnly? endedAfter, DateTimeOffset? registeredAfter);

    /// <summary>Keeps an accepted retroactive-change notice for its requester (ELG-020); false if this (provider, noticeId) is already kept.</summary>
    bool TryKeepRetroactiveNotice(DeliveredRetroactiveNotice notice);

    /// <summary>The kept notice a provider sent under this id, acknowledged or not (ELG-019).</summary>
    DeliveredRetroactiveNotice? FindRetroactiveNotice(string provider, string noticeId);

    /// <summary>A requester's notices not yet acknowledged, in the order they were accepted.</summary>
    IReadOnlyList<DeliveredRetroactiveNotice> PendingRetroactiveNotices(string requester, int limit);

    /// <summary>Marks the requester's own notices with these log entry ids acknowledged; other ids are ignored.</summary>
    void AcknowledgeRetroactiveNotices(string requester, IReadOnlyList<string> logEntryIds);

    /// <summary>
    /// Runs <paramref name="load"/> as one transaction: bulk provisioning of many people at once. Into an empty store
    /// the indexes may be built only after <paramref name="load"/>, so it should write, not query.
    /// </summary>
    void Bulk(Action load);

    void AddCheckpoint(long seq, string token);
    string? LatestCheckpoint();
}

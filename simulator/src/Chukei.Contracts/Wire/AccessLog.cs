using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>What an access-log entry records (LOG-002).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccessAction>))]
public enum AccessAction
{
    /// <summary>Steps ①②: the relay resolved a person's insurer and sealed a number.</summary>
    [JsonStringEnumMemberName("lookup")] Lookup,

    /// <summary>Steps ③–⑤ as recorded by the answering insurer and reported to the relay.</summary>
    [JsonStringEnumMemberName("inquiry")] Inquiry,

    /// <summary>The relay-routed alternative, recorded by the relay.</summary>
    [JsonStringEnumMemberName("routed-inquiry")] RoutedInquiry,

    /// <summary>The relay told the person's municipal NHI that the person has no medical insurance (RLY-052).</summary>
    [JsonStringEnumMemberName("fall-through-notice")] FallThroughNotice,

    /// <summary>An insurer's retroactive-change notice the relay accepted for the requester of a stale answer (LOG-031).</summary>
    [JsonStringEnumMemberName("retroactive-change-notice")] RetroactiveChangeNotice,
}

[JsonConverter(typeof(JsonStringEnumConverter<AccessOutcome>))]
public enum AccessOutcome
{
    [JsonStringEnumMemberName("answered")] Answered,
    [JsonStringEnumMemberName("not-found")] NotFound,
    [JsonStringEnumMemberName("refused")] Refused,
}

/// <summary>One access-log entry in the relay's hash chain (LOG-001 … LOG-006).</summary>
public sealed record AccessLogEntry
{
    [JsonPropertyName("seq")] public required long Seq { get; init; }
    [JsonPropertyName("entryId")] public required string EntryId { get; init; }
    [JsonPropertyName("at")] public required DateTimeOffset At { get; init; }

    /// <summary>Who wrote the entry: the relay, or the insurer whose report it is.</summary>
    [JsonPropertyName("recordedBy")] public required string RecordedBy { get; init; }

    [JsonPropertyName("action")] public required AccessAction Action { get; init; }
    [JsonPropertyName("requester")] public required string Requester { get; init; }

    /// <summary>The party whose data was (or would have been) disclosed.</summary>
    [JsonPropertyName("provider")] public string? Provider { get; init; }

    /// <summary>The person identifier; null when the request could not be tied to a person (e.g. an unreadable seal).</summary>
    [JsonPropertyName("personId")] public string? PersonId { get; init; }

    [JsonPropertyName("items")] public required IReadOnlyList<string> Items { get; init; }
    [JsonPropertyName("purpose")] public required string Purpose { get; init; }
    [JsonPropertyName("outcome")] public required AccessOutcome Outcome { get; init; }

    /// <summary>The problem code of a refusal.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }

    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }

    /// <summary>For an insurer's entry: the relay entry of the lookup it answers (reconciliation key, LOG-012).</summary>
    [JsonPropertyName("relatedEntryId")] public string? RelatedEntryId { get; init; }

    [JsonPropertyName("prevHash")] public required string PrevHash { get; init; }
    [JsonPropertyName("hash")] public required string Hash { get; init; }
}

/// <summary>What an insurer records for every inquiry it receives, answered or refused (LOG-008).</summary>
public sealed record InsurerAccessRecord
{
    [JsonPropertyName("insurerEntryId")] public required string InsurerEntryId { get; init; }

    /// <summary>The seal's <c>txn</c>; null when the seal could not be opened.</summary>
    [JsonPropertyName("relayLogEntryId")] public string? RelayLogEntryId { get; init; }

    [JsonPropertyName("requester")] public required string Requester { get; init; }
    [JsonPropertyName("purpose")] public required string Purpose { get; init; }
    [JsonPropertyName("items")] public required IReadOnlyList<string> Items { get; init; }
    [JsonPropertyName("outcome")] public required AccessOutcome Outcome { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("at")] public required DateTimeOffset At { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>An insurer's report of its entries to the relay (LOG-010).</summary>
public sealed record AccessLogReport
{
    [JsonPropertyName("entries")] public required IReadOnlyList<InsurerAccessRecord> Entries { get; init; }
}

public sealed record AccessLogReportAnswer
{
    /// <summary>The relay entry id assigned to each reported entry, in order.</summary>
    [JsonPropertyName("entryIds")] public required IReadOnlyList<string> EntryIds { get; init; }
}

/// <summary>A portal reads one person's entries (LOG-015).</summary>
public sealed record PersonAccessLogQuery
{
    [JsonPropertyName("personId")] public required string PersonId { get; init; }
}

public sealed record PersonAccessLogAnswer
{
    [JsonPropertyName("personId")] public required string PersonId { get; init; }
    [JsonPropertyName("entries")] public required IReadOnlyList<AccessLogEntry> Entries { get; init; }

    /// <summary>Relay lookups with no matching insurer report yet (LOG-013): visible, so a silent insurer is noticed.</summary>
    [JsonPropertyName("unreconciled")] public required IReadOnlyList<string> Unreconciled { get; init; }
}

/// <summary>A signed statement of the chain head (LOG-020), the body of a checkpoint JWS.</summary>
public sealed record LogCheckpoint
{
    [JsonPropertyName("seq")] public required long Seq { get; init; }
    [JsonPropertyName("hash")] public required string Hash { get; init; }
    [JsonPropertyName("at")] public required DateTimeOffset At { get; init; }
}

/// <summary>Result of verifying the chain (LOG-021).</summary>
public sealed record ChainVerification
{
    [JsonPropertyName("valid")] public required bool Valid { get; init; }
    [JsonPropertyName("entries")] public required long Entries { get; init; }
    [JsonPropertyName("firstBrokenSeq")] public long? FirstBrokenSeq { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
}

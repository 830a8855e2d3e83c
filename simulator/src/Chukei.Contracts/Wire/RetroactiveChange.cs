using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>
/// An insurer tells the requester of an earlier <c>valid</c> answer that a change registered since makes that answer
/// wrong for its service date (docs/protocol.md §9.2.1, ELG-015, ELG-016). It refers to the original answer and
/// carries no personal data beyond the new status and the loss; the relay delivers it to <see cref="Requester"/>.
/// </summary>
public sealed record RetroactiveChangeNotice : ICorrelated
{
    /// <summary>The insurer's id for this notice: unique per insurer, the same on every resend (ELG-017).</summary>
    [JsonPropertyName("noticeId")] public required string NoticeId { get; init; }

    /// <summary>The requester of the original answer (the seal's requester): the party told.</summary>
    [JsonPropertyName("requester")] public required string Requester { get; init; }

    /// <summary>The original answer's relayLogEntryId (the seal's txn).</summary>
    [JsonPropertyName("relayLogEntryId")] public required string RelayLogEntryId { get; init; }

    /// <summary>The original answer's insurerLogEntryId.</summary>
    [JsonPropertyName("insurerLogEntryId")] public required string InsurerLogEntryId { get; init; }

    /// <summary>The original inquiry's correlation id: the requester's own key for its record.</summary>
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }

    [JsonPropertyName("serviceDate")] public required DateOnly ServiceDate { get; init; }

    /// <summary>What the original answer said: always valid in protocol v1.</summary>
    [JsonPropertyName("previousStatus")] public required EligibilityStatus PreviousStatus { get; init; }

    /// <summary>What ELG-002 gives for the service date now; never valid.</summary>
    [JsonPropertyName("status")] public required EligibilityStatus Status { get; init; }

    [JsonPropertyName("disqualificationDate")] public DateOnly? DisqualificationDate { get; init; }
    [JsonPropertyName("reasonOfLoss")] public string? ReasonOfLoss { get; init; }

    /// <summary>When the insurer registered the change.</summary>
    [JsonPropertyName("registeredAt")] public required DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>The relay's acceptance of a notice; a resend gets the first acceptance again (ELG-019).</summary>
public sealed record RetroactiveChangeNoticeAnswer
{
    [JsonPropertyName("noticeId")] public required string NoticeId { get; init; }

    /// <summary>The relay's access-log entry for the disclosure (LOG-031); also the notice's handle for acknowledgement.</summary>
    [JsonPropertyName("logEntryId")] public required string LogEntryId { get; init; }

    [JsonPropertyName("receivedAt")] public required DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>A requester collects its notices and acknowledges those it has stored (ELG-020).</summary>
public sealed record RetroactiveNoticePickup : ICorrelated
{
    /// <summary>The logEntryIds of notices the caller has stored; the relay stops returning them.</summary>
    [JsonPropertyName("acknowledge")] public IReadOnlyList<string>? Acknowledge { get; init; }

    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>A notice as the relay hands it to its requester: the insurer's notice untouched, with who sent it and the relay's entry.</summary>
public sealed record DeliveredRetroactiveNotice
{
    /// <summary>The insurer that sent the notice.</summary>
    [JsonPropertyName("provider")] public required string Provider { get; init; }

    [JsonPropertyName("logEntryId")] public required string LogEntryId { get; init; }
    [JsonPropertyName("receivedAt")] public required DateTimeOffset ReceivedAt { get; init; }
    [JsonPropertyName("notice")] public required RetroactiveChangeNotice Notice { get; init; }
}

public sealed record RetroactiveNoticePickupAnswer : ICorrelated
{
    /// <summary>The caller's notices not yet acknowledged, oldest first, at most 100.</summary>
    [JsonPropertyName("notices")] public required IReadOnlyList<DeliveredRetroactiveNotice> Notices { get; init; }

    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

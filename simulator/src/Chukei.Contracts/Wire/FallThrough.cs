using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>
/// The relay tells a municipality's National Health Insurance that a resident has had no medical insurance for longer
/// than the grace period (RLY-050 … RLY-053): the link between employee insurance and NHI the report proposes, so that
/// nobody falls out of every insurance unnoticed.
/// </summary>
public sealed record FallThroughNotice
{
    [JsonPropertyName("noticeId")] public required string NoticeId { get; init; }

    /// <summary>How the municipality identifies its resident; the relay's person identifier never leaves the relay.</summary>
    [JsonPropertyName("basicPensionNumber")] public required string BasicPensionNumber { get; init; }

    /// <summary>The first day without medical insurance (the last loss date registered at the relay).</summary>
    [JsonPropertyName("uninsuredSince")] public required DateOnly UninsuredSince { get; init; }

    /// <summary>The insurer number of the last medical insurance, so the municipality can ask about the loss.</summary>
    [JsonPropertyName("lastInsurerNumber")] public required string LastInsurerNumber { get; init; }

    [JsonPropertyName("detectedAt")] public required DateTimeOffset DetectedAt { get; init; }
    [JsonPropertyName("logEntryId")] public required string LogEntryId { get; init; }
}

public sealed record FallThroughNoticeAnswer
{
    [JsonPropertyName("noticeId")] public required string NoticeId { get; init; }
    [JsonPropertyName("receivedAt")] public required DateTimeOffset ReceivedAt { get; init; }
}

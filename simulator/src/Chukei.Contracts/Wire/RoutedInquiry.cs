using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>The relay-routed alternative (RLY-020): the relay looks up, seals and forwards the inquiry itself.</summary>
public sealed record RoutedInquiryRequest : ICorrelated
{
    [JsonPropertyName("subject")] public required SubjectReference Subject { get; init; }
    [JsonPropertyName("targetKind")] public required InsuranceKind TargetKind { get; init; }
    [JsonPropertyName("purpose")] public required string Purpose { get; init; }
    [JsonPropertyName("items")] public required IReadOnlyList<string> Items { get; init; }
    [JsonPropertyName("serviceDate")] public DateOnly? ServiceDate { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>
/// The relay's answer to a routed inquiry. <see cref="TargetAnswer"/> is the target's signed response envelope,
/// forwarded byte for byte so the requester verifies the target's own signature (RLY-023).
/// </summary>
public sealed record RoutedInquiryAnswer
{
    [JsonPropertyName("outcome")] public required LookupOutcome Outcome { get; init; }
    [JsonPropertyName("target")] public TargetParty? Target { get; init; }
    [JsonPropertyName("asOf")] public DateTimeOffset? AsOf { get; init; }
    [JsonPropertyName("targetAnswer")] public string? TargetAnswer { get; init; }
    [JsonPropertyName("logEntryId")] public required string LogEntryId { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

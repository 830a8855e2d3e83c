using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>Step ①: the requester asks the relay which insurer of <see cref="TargetKind"/> the subject belongs to (RLY-001).</summary>
public sealed record LookupRequest : ICorrelated
{
    [JsonPropertyName("subject")] public required SubjectReference Subject { get; init; }
    [JsonPropertyName("targetKind")] public required InsuranceKind TargetKind { get; init; }
    [JsonPropertyName("purpose")] public required string Purpose { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>Outcome of a lookup (RLY-006): the relay distinguishes the cases a requester must handle differently.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LookupOutcome>))]
public enum LookupOutcome
{
    [JsonStringEnumMemberName("found")] Found,
    [JsonStringEnumMemberName("not-found")] NotFound,
    [JsonStringEnumMemberName("no-current-coverage")] NoCurrentCoverage,
    [JsonStringEnumMemberName("multiple-matches")] MultipleMatches,
}

/// <summary>The target insurer named in a lookup answer.</summary>
public sealed record TargetParty
{
    [JsonPropertyName("partyId")] public required string PartyId { get; init; }
    [JsonPropertyName("insurerNumber")] public required string InsurerNumber { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
}

/// <summary>Step ②: "belongs to B" plus the sealed number only B can open (RLY-007).</summary>
public sealed record LookupAnswer
{
    [JsonPropertyName("outcome")] public required LookupOutcome Outcome { get; init; }
    [JsonPropertyName("target")] public TargetParty? Target { get; init; }

    /// <summary>The nested JWT (JWS inside JWE) addressed to the target; present only when <see cref="Outcome"/> is found.</summary>
    [JsonPropertyName("seal")] public string? Seal { get; init; }

    /// <summary>When the relay last registered the link it answered from; makes relay lag visible (ELG-010).</summary>
    [JsonPropertyName("asOf")] public DateTimeOffset? AsOf { get; init; }

    [JsonPropertyName("logEntryId")] public required string LogEntryId { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>A medical insurance qualification as printed on the insured card (ID-002, ID-006, ID-007).</summary>
public sealed record MedicalInsured
{
    [JsonPropertyName("insurerNumber")] public required string InsurerNumber { get; init; }
    [JsonPropertyName("symbol")] public string? Symbol { get; init; }
    [JsonPropertyName("number")] public required string Number { get; init; }
    [JsonPropertyName("branch")] public required string Branch { get; init; }
}

/// <summary>An LTC insured number under its LTC insurer (ID-003, ID-004).</summary>
public sealed record LtcInsured
{
    [JsonPropertyName("insurerNumber")] public required string InsurerNumber { get; init; }
    [JsonPropertyName("insuredNumber")] public required string InsuredNumber { get; init; }
}

/// <summary>How a requester names the person it asks about: by one of its own numbers, exactly one of the two (RLY-003).</summary>
public sealed record SubjectReference
{
    [JsonPropertyName("ltc")] public LtcInsured? Ltc { get; init; }
    [JsonPropertyName("medical")] public MedicalInsured? Medical { get; init; }
}

/// <summary>Which kind of insurer a lookup is looking for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InsuranceKind>))]
public enum InsuranceKind
{
    [JsonStringEnumMemberName("medical")] Medical,
    [JsonStringEnumMemberName("ltc")] Ltc,
}

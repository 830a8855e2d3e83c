using System.Text.Json.Serialization;
using Chukei.Contracts.Wire;

namespace Chukei.Contracts.Tokens;

/// <summary>The target's number inside a seal (SEAL-004): a medical card or an LTC insured number.</summary>
public sealed record SealedInsured
{
    [JsonPropertyName("kind")] public required InsuranceKind Kind { get; init; }
    [JsonPropertyName("insurerNumber")] public required string InsurerNumber { get; init; }
    [JsonPropertyName("symbol")] public string? Symbol { get; init; }
    [JsonPropertyName("number")] public required string Number { get; init; }
    [JsonPropertyName("branch")] public string? Branch { get; init; }
}

/// <summary>
/// Claims of the relay's inner JWS (SEAL-002 … SEAL-009). Times are NumericDate (seconds since the epoch,
/// RFC 7519 §2) so that every JOSE implementation reads them the same way.
/// </summary>
public sealed record SealClaims
{
    [JsonPropertyName("iss")] public required string Issuer { get; init; }
    [JsonPropertyName("aud")] public required string Audience { get; init; }
    [JsonPropertyName("iat")] public required long IssuedAt { get; init; }
    [JsonPropertyName("nbf")] public required long NotBefore { get; init; }
    [JsonPropertyName("exp")] public required long Expires { get; init; }
    [JsonPropertyName("jti")] public required string Id { get; init; }

    /// <summary>The party the relay sealed for; the target answers only that party (INS-029).</summary>
    [JsonPropertyName("requester")] public required string Requester { get; init; }

    [JsonPropertyName("purpose")] public required string Purpose { get; init; }

    /// <summary>True when the relay itself will forward the inquiry (routed mode, RLY-020).</summary>
    [JsonPropertyName("routed")] public bool Routed { get; init; }

    /// <summary>The relay's access-log entry id for this lookup (SEAL-008).</summary>
    [JsonPropertyName("txn")] public required string LogEntryId { get; init; }

    /// <summary>When the relay registered the link it sealed from (NumericDate).</summary>
    [JsonPropertyName("asOf")] public required long AsOf { get; init; }

    [JsonPropertyName("insured")] public required SealedInsured Insured { get; init; }
}

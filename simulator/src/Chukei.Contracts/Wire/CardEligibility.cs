using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>A clinic asks the relay for a fresh challenge for the card to sign (CLN-001).</summary>
public sealed record CardChallengeRequest : ICorrelated
{
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>A single-use challenge bound to the clinic that asked for it (CLN-001).</summary>
public sealed record CardChallenge
{
    /// <summary>32 random bytes, base64url without padding (43 characters).</summary>
    [JsonPropertyName("challenge")] public required string Challenge { get; init; }

    [JsonPropertyName("expiresAt")] public required DateTimeOffset ExpiresAt { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>The reception eligibility check with the card (CLN-002): the card's certificate and its signature over the challenge.</summary>
public sealed record CardEligibilityRequest : ICorrelated
{
    [JsonPropertyName("challenge")] public required string Challenge { get; init; }

    /// <summary>The card's authentication certificate (JPKI EF 000A), DER, base64url without padding.</summary>
    [JsonPropertyName("certificate")] public required string Certificate { get; init; }

    /// <summary>The card's RSA PKCS#1 v1.5 signature over the bytes of CLN-003, base64url without padding.</summary>
    [JsonPropertyName("signature")] public required string Signature { get; init; }

    [JsonPropertyName("serviceDate")] public required DateOnly ServiceDate { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>How the relay judged the card's certificate (CLN-020).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardCertificateStatus>))]
public enum CardCertificateStatus
{
    [JsonStringEnumMemberName("valid")] Valid,

    /// <summary>Expired less than three months ago: an eligibility-only check is still allowed.</summary>
    [JsonStringEnumMemberName("expired-within-grace")] ExpiredWithinGrace,
}

/// <summary>
/// The relay's answer (CLN-022). <see cref="TargetAnswer"/> is the medical insurer's signed <see cref="InquiryAnswer"/>,
/// forwarded byte for byte as in routed mode (RLY-023), so the clinic verifies the insurer's own signature.
/// </summary>
public sealed record CardEligibilityAnswer
{
    [JsonPropertyName("outcome")] public required LookupOutcome Outcome { get; init; }
    [JsonPropertyName("certificateStatus")] public required CardCertificateStatus CertificateStatus { get; init; }
    [JsonPropertyName("certificateNotAfter")] public required DateTimeOffset CertificateNotAfter { get; init; }
    [JsonPropertyName("serviceDate")] public required DateOnly ServiceDate { get; init; }
    [JsonPropertyName("target")] public TargetParty? Target { get; init; }
    [JsonPropertyName("asOf")] public DateTimeOffset? AsOf { get; init; }
    [JsonPropertyName("targetAnswer")] public string? TargetAnswer { get; init; }
    [JsonPropertyName("logEntryId")] public required string LogEntryId { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

using System.Text.Json.Serialization;
using Chukei.Contracts.Keys;

namespace Chukei.Contracts.Directory;

/// <summary>One party in the directory (DIR-001 … DIR-006).</summary>
public sealed record PartyDescriptor
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("role")] public required PartyRole Role { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The insurer number this party owns (insurers only).</summary>
    [JsonPropertyName("insurerNumber")] public string? InsurerNumber { get; init; }

    /// <summary>Base URL of the party's endpoints; the inquiry endpoint is <c>{baseUrl}/v1/inquiries</c>.</summary>
    [JsonPropertyName("baseUrl")] public string? BaseUrl { get; init; }

    /// <summary>A revoked party is refused everywhere, whatever its keys (DIR-006).</summary>
    [JsonPropertyName("revoked")] public bool Revoked { get; init; }

    [JsonPropertyName("keys")] public required IReadOnlyList<PublicJwk> Keys { get; init; }
}

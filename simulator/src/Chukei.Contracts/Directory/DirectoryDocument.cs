using System.Text.Json.Serialization;

namespace Chukei.Contracts.Directory;

/// <summary>The directory the relay publishes, signed as a JWS of type <see cref="ProtocolConstants.DirectoryType"/> (DIR-010).</summary>
public sealed record DirectoryDocument
{
    [JsonPropertyName("protocol")] public string Protocol { get; init; } = ProtocolConstants.Version;
    [JsonPropertyName("relay")] public required string Relay { get; init; }
    [JsonPropertyName("issuedAt")] public required DateTimeOffset IssuedAt { get; init; }
    [JsonPropertyName("parties")] public required IReadOnlyList<PartyDescriptor> Parties { get; init; }
}

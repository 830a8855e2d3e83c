using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chukei.Contracts.Envelopes;

/// <summary>
/// Claims of a signed request or response envelope (AUTH-001 … AUTH-010): who sends to whom, when, for which call,
/// and the message itself in <see cref="Body"/>. The whole message is signed, so nothing in it is anonymous.
/// </summary>
public sealed record EnvelopeClaims
{
    [JsonPropertyName("iss")] public required string Issuer { get; init; }
    [JsonPropertyName("aud")] public required string Audience { get; init; }
    [JsonPropertyName("iat")] public required long IssuedAt { get; init; }
    [JsonPropertyName("exp")] public required long Expires { get; init; }
    [JsonPropertyName("jti")] public required string Id { get; init; }

    /// <summary>HTTP method and path the request was signed for (requests only).</summary>
    [JsonPropertyName("htm")] public string? Method { get; init; }

    [JsonPropertyName("htu")] public string? Path { get; init; }

    /// <summary>The request's <c>jti</c> this response answers (responses only, AUTH-010).</summary>
    [JsonPropertyName("inResponseTo")] public string? InResponseTo { get; init; }

    [JsonPropertyName("body")] public required JsonElement Body { get; init; }
}

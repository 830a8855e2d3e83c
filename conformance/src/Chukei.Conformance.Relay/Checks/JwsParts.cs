using System.Text;
using System.Text.Json;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>The header and claims of a compact JWS read as plain JSON, for cases that judge an envelope member by member.</summary>
internal static class JwsParts
{
    public static JsonElement Decode(CheckContext check, string part, string what)
    {
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Jose.Base64Url.Decode(part)));
            return doc.RootElement.Clone();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            check.Must(false, $"the {what} is not base64url JSON: {ex.Message}");
            throw;
        }
    }

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : long.MinValue / 2;
}

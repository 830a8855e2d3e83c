using System.Text.Json;
using Chukei.Contracts.Json;

namespace Chukei.Contracts.Tokens;

/// <summary>
/// Reads the protected header of a compact JWS/JWE strictly — duplicate members refused (N18), depth bounded —
/// before the JOSE library sees the token; the library's own header reading takes the last duplicate.
/// </summary>
public static class JoseCompact
{
    /// <summary>Headers that would let a token name its own key or change processing; never accepted (N6, N16, N17).</summary>
    public static IReadOnlyList<string> ForbiddenHeaders { get; } = ["jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256", "crit", "zip", "b64"];

    public static string[]? Split(string token, int parts, int maxLength = ProtocolConstants.MaxTokenLength)
    {
        if (token.Length > maxLength) return null;
        var split = token.Split('.');
        if (split.Length != parts) return null;
        foreach (var part in split)
        {
            foreach (var c in part)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')) return null;
            }
        }
        return split;
    }

    /// <summary>Decodes and parses a base64url JSON header; null if it is not a JSON object; throws on duplicates.</summary>
    public static JsonElement? ParseHeader(string encoded, out bool duplicate) => ParseHeader(encoded, out duplicate, out _);

    /// <summary>As <see cref="ParseHeader(string, out bool)"/>, also saying whether the header was refused for nesting deeper than ERR-004 allows.</summary>
    public static JsonElement? ParseHeader(string encoded, out bool duplicate, out bool tooDeep)
    {
        duplicate = false;
        tooDeep = false;
        byte[] bytes;
        try
        {
            bytes = Jose.Base64Url.Decode(encoded);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // A part of 4k+1 characters is no base64url at all; the library reports it as an argument error.
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes, ProtocolJson.DocumentOptions);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException ex) when (ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            duplicate = true;
            return null;
        }
        catch (JsonException ex) when (ex.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            tooDeep = true;
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? GetString(JsonElement header, string name) =>
        header.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string? FirstForbidden(JsonElement header)
    {
        foreach (var name in ForbiddenHeaders)
        {
            if (header.TryGetProperty(name, out _)) return name;
        }
        return null;
    }

    /// <summary>Library settings for the profile: no compression at all, so a <c>zip</c> header can never inflate.</summary>
    public static Jose.JwtSettings StrictSettings { get; } = new Jose.JwtSettings().DeregisterCompression(Jose.JweCompression.DEF);
}

using System.Text;

namespace Chukei.Conformance.Evidence;

/// <summary>Shows the payload of a compact JWS in evidence, so a reader sees the claims without decoding by hand.</summary>
internal static class JwsText
{
    public static string? TryDecodePayload(string token)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3 || parts[1].Length == 0) return null;
        try
        {
            return Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[1]));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }
}

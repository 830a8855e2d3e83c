using System.Text;
using System.Text.Json.Nodes;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>Edits the base64url parts of a compact token: flip a byte, cut a part, rewrite the protected header.</summary>
public static class TokenSurgery
{
    // Compact JWE part indexes (RFC 7516 §7.1).
    public const int Header = 0;
    public const int EncryptedKey = 1;
    public const int Iv = 2;
    public const int Ciphertext = 3;
    public const int Tag = 4;

    public static string Part(string token, int index) => token.Split('.')[index];

    public static string ReplacePart(string token, int index, string part)
    {
        var parts = token.Split('.');
        parts[index] = part;
        return string.Join('.', parts);
    }

    /// <summary>XORs one decoded byte; editing the base64url text instead could hit only padding bits and change nothing.</summary>
    public static string FlipByte(string token, int index, int byteIndex = 0)
    {
        var bytes = Jose.Base64Url.Decode(Part(token, index));
        bytes[byteIndex] ^= 0x01;
        return ReplacePart(token, index, Jose.Base64Url.Encode(bytes));
    }

    public static string TruncatePart(string token, int index, int keepBytes) =>
        ReplacePart(token, index, Jose.Base64Url.Encode(Jose.Base64Url.Decode(Part(token, index))[..keepBytes]));

    public static string HeaderJson(string token) => Encoding.UTF8.GetString(Jose.Base64Url.Decode(Part(token, Header)));

    public static string ReplaceHeaderJson(string token, string headerJson) =>
        ReplacePart(token, Header, Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson)));

    /// <summary>Rewrites header members (null removes one); the tag no longer covers the header, which is fine for checks that come before decryption.</summary>
    public static string EditHeader(string token, params (string Name, string? Value)[] changes)
    {
        var header = JsonNode.Parse(HeaderJson(token))!.AsObject();
        foreach (var (name, value) in changes)
        {
            if (value is null) header.Remove(name);
            else header[name] = value;
        }
        return ReplaceHeaderJson(token, header.ToJsonString());
    }
}

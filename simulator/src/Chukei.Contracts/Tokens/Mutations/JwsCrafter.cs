using System.Security.Cryptography;
using System.Text;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// Assembles compact JWS from exact header and payload text, for attack tokens the JOSE library would refuse to make
/// (alg none, HMAC over a public key, DER signatures, repeated header members). Verification never goes through here.
/// </summary>
public static class JwsCrafter
{
    /// <summary>The seal's normal inner header, member by member, plus any extra members.</summary>
    public static string SealHeader(string? alg, string? typ, string? kid, params (string Name, object? Value)[] extra)
    {
        var members = new List<(string, object?)>();
        if (alg is not null) members.Add(("alg", alg));
        if (typ is not null) members.Add(("typ", typ));
        if (kid is not null) members.Add(("kid", kid));
        members.AddRange(extra);
        return JsonText.Members([.. members]);
    }

    public static string SigningInput(string headerJson, string payload) =>
        Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson)) + "." + Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(payload));

    public static string WithSignature(string headerJson, string payload, byte[] signature) =>
        SigningInput(headerJson, payload) + "." + Jose.Base64Url.Encode(signature);

    /// <summary>ES256 (or ES384 with a P-384 key) in the JWS R||S form, or DER when <paramref name="format"/> says so.</summary>
    public static string Ecdsa(string headerJson, string payload, ECDsa key, DSASignatureFormat format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
    {
        var input = SigningInput(headerJson, payload);
        var hash = key.KeySize > 256 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
        return input + "." + Jose.Base64Url.Encode(key.SignData(Encoding.ASCII.GetBytes(input), hash, format));
    }

    public static string Hs256(string headerJson, string payload, byte[] secret)
    {
        var input = SigningInput(headerJson, payload);
        return input + "." + Jose.Base64Url.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }
}

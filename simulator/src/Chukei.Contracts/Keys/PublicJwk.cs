using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Chukei.Contracts.Keys;

/// <summary>
/// A public EC key as published in a party's JWKS (RFC 7517), plus the protocol's <c>status</c> member (DIR-005).
/// Only P-256 keys exist in protocol v1.
/// </summary>
public sealed record PublicJwk
{
    [JsonPropertyName("kty")] public string Kty { get; init; } = "EC";
    [JsonPropertyName("crv")] public string Crv { get; init; } = ProtocolConstants.Curve;
    [JsonPropertyName("x")] public required string X { get; init; }
    [JsonPropertyName("y")] public required string Y { get; init; }
    [JsonPropertyName("kid")] public required string Kid { get; init; }

    /// <summary><c>sig</c> for ES256 signing keys, <c>enc</c> for ECDH-ES key-agreement keys.</summary>
    [JsonPropertyName("use")] public required string Use { get; init; }

    [JsonPropertyName("alg")] public required string Alg { get; init; }
    [JsonPropertyName("status")] public KeyStatus Status { get; init; } = KeyStatus.Active;

    public const string UseSignature = "sig";
    public const string UseEncryption = "enc";

    public static PublicJwk From(ECParameters parameters, string kid, string use, KeyStatus status = KeyStatus.Active) => new()
    {
        X = Jose.Base64Url.Encode(parameters.Q.X!),
        Y = Jose.Base64Url.Encode(parameters.Q.Y!),
        Kid = kid,
        Use = use,
        Alg = use == UseSignature ? ProtocolConstants.SignatureAlgorithm : ProtocolConstants.KeyAgreementAlgorithm,
        Status = status,
    };

    /// <summary>The public point; throws <see cref="CryptographicException"/> when it is not on P-256.</summary>
    public ECParameters ToParameters()
    {
        if (Kty != "EC" || Crv != ProtocolConstants.Curve)
            throw new CryptographicException($"key {Kid}: only EC P-256 keys are allowed");
        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Jose.Base64Url.Decode(X), Y = Jose.Base64Url.Decode(Y) },
        };
    }

    public ECDsa ToECDsa() => ECDsa.Create(ToParameters());

    public ECDiffieHellman ToECDiffieHellman() => ECDiffieHellman.Create(ToParameters());
}

using System.Security.Cryptography;
using System.Text.Json;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;

namespace Chukei.Contracts.Envelopes;

/// <summary>Signs request and response envelopes as compact JWS (ES256) with the party's current key.</summary>
public sealed class EnvelopeSigner(string partyId, PartyKeySet keys, TimeProvider time, IdSource? ids = null)
{
    private readonly IdSource _ids = ids ?? IdSource.Random;

    public string PartyId => partyId;

    /// <summary>
    /// For mutation testing only: requirement ids this signer breaks. DIR-008 signs envelopes with the first retired
    /// key instead of the first active one; AUTH-010 gives answers a lifetime of 600 seconds; AUTH-012 gives requests a
    /// jti of 64 bits. Empty in every real use.
    /// </summary>
    public IReadOnlySet<string> Defects { get; init; } = new HashSet<string>();

    /// <summary>Signs a request for <paramref name="audience"/>'s <paramref name="method"/> <paramref name="path"/>; returns the token and its jti.</summary>
    public (string Token, string Id) SignRequest<T>(string audience, string method, string path, T body)
    {
        var id = Defects.Contains("AUTH-012") ? _ids.Next()[..16] : _ids.Next();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new EnvelopeClaims
        {
            Issuer = partyId,
            Audience = audience,
            IssuedAt = now,
            Expires = now + (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds,
            Id = id,
            Method = method,
            Path = path,
            Body = JsonSerializer.SerializeToElement(body, ProtocolJson.Options),
        };
        return (Sign(claims, ProtocolConstants.RequestType), id);
    }

    public string SignResponse<T>(string audience, string inResponseTo, T body)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new EnvelopeClaims
        {
            Issuer = partyId,
            Audience = audience,
            IssuedAt = now,
            Expires = now + (Defects.Contains("AUTH-010") ? 600 : (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds),
            Id = _ids.Next(),
            InResponseTo = inResponseTo,
            Body = JsonSerializer.SerializeToElement(body, ProtocolJson.Options),
        };
        return Sign(claims, ProtocolConstants.ResponseType);
    }

    /// <summary>Signs any JSON payload under an explicit <c>typ</c> (directory, checkpoints).</summary>
    public string SignPayload<T>(T payload, string type)
    {
        var (kid, key) = keys.CurrentSigningKey;
        return Sign(ProtocolJson.Serialize(payload), type, kid, key);
    }

    private string Sign(EnvelopeClaims claims, string type)
    {
        var (kid, key) = Defects.Contains("DIR-008") && keys.FirstSigningKey(KeyStatus.Retired) is { } retired ? retired : keys.CurrentSigningKey;
        return Sign(ProtocolJson.Serialize(claims), type, kid, key);
    }

    private static string Sign(string payload, string type, string kid, ECDsa key) =>
        Jose.JWT.Encode(payload, key, Jose.JwsAlgorithm.ES256, new Dictionary<string, object>
        {
            ["typ"] = type,
            ["kid"] = kid,
        }, JoseCompact.StrictSettings);

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

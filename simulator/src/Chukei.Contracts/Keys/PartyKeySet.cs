using System.Security.Cryptography;
using System.Text;

namespace Chukei.Contracts.Keys;

/// <summary>
/// A party's private keys: signing keys (ES256) and key-agreement keys (ECDH-ES), each under a <c>kid</c>.
/// The first active key of each kind is the one used for new signatures. All keys are published with their status,
/// revoked ones too, so a verifier can tell a revoked key from an unknown one.
/// </summary>
public sealed class PartyKeySet
{
    private readonly List<(string Kid, ECDsa Key, KeyStatus Status)> _signing = [];
    private readonly List<(string Kid, ECDiffieHellman Key, KeyStatus Status)> _encryption = [];

    public void AddSigningKey(string kid, ECDsa key, KeyStatus status = KeyStatus.Active) => _signing.Add((kid, key, status));

    public void AddEncryptionKey(string kid, ECDiffieHellman key, KeyStatus status = KeyStatus.Active) => _encryption.Add((kid, key, status));

    /// <summary>The first signing key with <paramref name="status"/>, or null.</summary>
    public (string Kid, ECDsa Key)? FirstSigningKey(KeyStatus status)
    {
        foreach (var k in _signing)
        {
            if (k.Status == status) return (k.Kid, k.Key);
        }
        return null;
    }

    public (string Kid, ECDsa Key) CurrentSigningKey
    {
        get
        {
            foreach (var k in _signing)
            {
                if (k.Status == KeyStatus.Active) return (k.Kid, k.Key);
            }
            throw new InvalidOperationException("the party has no active signing key");
        }
    }

    /// <summary>Decryption keys by kid; retired keys stay usable so seals issued before a rollover still open.</summary>
    public ECDiffieHellman? FindDecryptionKey(string kid)
    {
        foreach (var k in _encryption)
        {
            if (k.Kid == kid && k.Status != KeyStatus.Revoked) return k.Key;
        }
        return null;
    }

    /// <summary>The first active key-agreement key: the one new seals for this party are encrypted to.</summary>
    public ECDiffieHellman? CurrentDecryptionKey => _encryption.FirstOrDefault(k => k.Status == KeyStatus.Active).Key;

    public void SetStatus(string kid, KeyStatus status)
    {
        var i = _signing.FindIndex(k => k.Kid == kid);
        if (i >= 0) _signing[i] = _signing[i] with { Status = status };
        var j = _encryption.FindIndex(k => k.Kid == kid);
        if (j >= 0) _encryption[j] = _encryption[j] with { Status = status };
        if (i < 0 && j < 0) throw new KeyNotFoundException($"no key {kid}");
    }

    /// <summary>The public JWKS a directory publishes for this party.</summary>
    public IReadOnlyList<PublicJwk> PublicKeys()
    {
        var keys = new List<PublicJwk>();
        foreach (var (kid, key, status) in _signing)
            keys.Add(PublicJwk.From(key.ExportParameters(false), kid, PublicJwk.UseSignature, status));
        foreach (var (kid, key, status) in _encryption)
            keys.Add(PublicJwk.From(key.ExportParameters(false), kid, PublicJwk.UseEncryption, status));
        return keys;
    }

    /// <summary>
    /// Keys derived from a seed and a label, so a scenario with the same seed gets the same keys on every run.
    /// Uses HMAC-SHA-256 as the derivation function and retries on the (negligible) out-of-range case.
    /// </summary>
    public static PartyKeySet FromSeed(string seed, string partyId, int generation = 1)
    {
        var set = new PartyKeySet();
        set.AddSigningKey($"{partyId}-sig-{generation}", ECDsa.Create(DeriveParameters(seed, $"{partyId}/sig/{generation}")));
        set.AddEncryptionKey($"{partyId}-enc-{generation}", ECDiffieHellman.Create(DeriveParameters(seed, $"{partyId}/enc/{generation}")));
        return set;
    }

    /// <summary>Fresh random keys, for parties whose keys need not be reproducible.</summary>
    public static PartyKeySet Generate(string partyId)
    {
        var set = new PartyKeySet();
        set.AddSigningKey($"{partyId}-sig-1", ECDsa.Create(ECCurve.NamedCurves.nistP256));
        set.AddEncryptionKey($"{partyId}-enc-1", ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));
        return set;
    }

    public static ECParameters DeriveParameters(string seed, string label)
    {
        var key = Encoding.UTF8.GetBytes(seed);
        for (var counter = 0; ; counter++)
        {
            var d = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"chukei-key/{label}/{counter}"));
            // Any 32-byte value below the P-256 order works; all but ~2^-32 of them are.
            if (d[0] == 0xFF && d[1] == 0xFF && d[2] == 0xFF && d[3] == 0xFF) continue;
            return new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d };
        }
    }
}

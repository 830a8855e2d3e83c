using System.Security.Cryptography;
using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens.Mutations;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>
/// The directory the kit's relay publishes to the target at <c>GET /v1/directory</c> (DIR-010): the kit's view of the
/// parties, signed under the relay's published key, plus the variants the directory cases serve (a rotated key, a
/// forged or older directory). Cases that change what is served take <see cref="ExclusiveAsync"/>, so a forged
/// directory is never what a rotation case's target fetches.
/// </summary>
public sealed class KitDirectory(KitWorld world, RelayStandIn relay) : IDisposable
{
    private readonly SemaphoreSlim _exclusive = new(1, 1);
    private readonly SealFixture _fixture = world.NewFixture();
    private (string Kid, ECDsa Key) _relaySigner = (RelaySigningKid, world.NewFixture().Signer(RelaySigningKid));

    /// <summary>Serves the kit's directory as it stands, issued now: what a correct relay publishes.</summary>
    public void PublishCurrent() => relay.ServeDirectory(Sign(Document(world.Target.Time.GetUtcNow())));

    /// <summary><paramref name="document"/> signed as the relay signs its directory: ES256 under its first active key (DIR-008).</summary>
    public string Sign(DirectoryDocument document) => Sign(document, _relaySigner.Kid, _relaySigner.Key);

    /// <summary>
    /// Rotates the relay's own signing key (DIR-008): listed first as active, the previous one retired. Returns the new
    /// key, for the seals a case signs with it, and the directory announcing it, still signed under the previous key,
    /// which the target holds (DIR-011); later directories are signed under the new one.
    /// </summary>
    public (string Kid, ECDsa Key, string Directory) RotateRelay()
    {
        var (added, keys) = NewSigningKey(RelayId, "rotated");
        world.Directory.Upsert(WithKey(world.Directory.Find(RelayId)!, added, retirePrevious: true));
        var announcement = Sign(Document(world.Target.Time.GetUtcNow()));
        _relaySigner = (added.Kid, keys.CurrentSigningKey.Key);
        return (added.Kid, _relaySigner.Key, announcement);
    }

    /// <summary>The kit's parties, issued at <paramref name="issuedAt"/>, with <paramref name="edit"/> applied to each.</summary>
    public DirectoryDocument Document(DateTimeOffset issuedAt, Func<PartyDescriptor, PartyDescriptor>? edit = null) => new()
    {
        Relay = RelayId,
        IssuedAt = issuedAt,
        Parties = [.. world.Directory.Parties.Select(p => edit is null ? p : edit(p))],
    };

    /// <summary>A directory JWS with exactly this header (so cases can send the wrong typ or kid), signed ES256 by <paramref name="key"/>.</summary>
    public static string Sign(DirectoryDocument document, string kid, ECDsa key, string typ = ProtocolConstants.DirectoryType) =>
        JwsCrafter.Ecdsa(JwsCrafter.SealHeader(ProtocolConstants.SignatureAlgorithm, typ, kid), ProtocolJson.Serialize(document), key);

    /// <summary>A fresh P-256 signing key for <paramref name="partyId"/>, under a kid no directory has listed.</summary>
    public static (PublicJwk Public, PartyKeySet Private) NewSigningKey(string partyId, string tag)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = $"{partyId}-sig-{tag}-{EnvelopeSigner.NewId()[..8]}";
        var keys = new PartyKeySet();
        keys.AddSigningKey(kid, key);
        return (PublicJwk.From(key.ExportParameters(false), kid, PublicJwk.UseSignature, KeyStatus.Active), keys);
    }

    /// <summary>
    /// Rotates <paramref name="partyId"/>'s signing key as DIR-008 says, in the kit's own view: the new key listed
    /// first as active, the previous signing keys retired. Later directories keep it.
    /// </summary>
    public PartyKeySet Rotate(string partyId)
    {
        var (added, keys) = NewSigningKey(partyId, "rotated");
        world.Directory.Upsert(WithKey(world.Directory.Find(partyId)!, added, retirePrevious: true));
        return keys;
    }

    /// <summary><paramref name="party"/> with <paramref name="key"/> listed first.</summary>
    public static PartyDescriptor WithKey(PartyDescriptor party, PublicJwk key, bool retirePrevious = false) => party with
    {
        Keys = [key, .. party.Keys.Select(k => retirePrevious && k.Use == PublicJwk.UseSignature && k.Status == KeyStatus.Active ? k with { Status = KeyStatus.Retired } : k)],
    };

    /// <summary>Runs <paramref name="body"/> alone among the directory cases, then serves the kit's own directory again.</summary>
    public async Task ExclusiveAsync(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        await _exclusive.WaitAsync();
        try
        {
            await body();
        }
        finally
        {
            PublishCurrent();
            _exclusive.Release();
        }
    }

    public void Dispose() => _exclusive.Dispose();
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chukei.Contracts.Keys;

namespace Chukei.Contracts.Directory;

/// <summary>
/// A party's view of the directory: who exists, in which role, with which keys. Verifiers look keys up here by
/// <c>kid</c>; a kid is unique across the directory (DIR-004).
/// </summary>
public sealed class PartyDirectory
{
    private readonly ConcurrentDictionary<string, PartyDescriptor> _parties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (PartyDescriptor Party, PublicJwk Key)> _byKid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ECDsa> _verifiers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ECDiffieHellman> _recipients = new(StringComparer.Ordinal);
    private readonly Lock _replaceLock = new();

    public PartyDirectory(string relayId) => RelayId = relayId;

    public string RelayId { get; }

    public IReadOnlyCollection<PartyDescriptor> Parties => _parties.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

    /// <summary>Adds or replaces a party (key rotation and revocation are replacements).</summary>
    public void Upsert(PartyDescriptor party)
    {
        if (_parties.TryGetValue(party.Id, out var old)) Forget(old);
        foreach (var k in party.Keys)
        {
            if (_byKid.TryGetValue(k.Kid, out var owner) && owner.Party.Id != party.Id)
                throw new InvalidOperationException($"kid {k.Kid} is already used by {owner.Party.Id}");
        }
        _parties[party.Id] = party;
        foreach (var k in party.Keys) _byKid[k.Kid] = (party, k);
    }

    public void Replace(IEnumerable<PartyDescriptor> parties)
    {
        foreach (var p in parties) Upsert(p);
    }

    /// <summary>
    /// Makes this view equal to an accepted directory: its parties replace every party held, and parties it no longer
    /// lists are dropped. The whole document is checked before anything changes (DIR-004: a kid names one key), so a
    /// refused document leaves the view as it was.
    /// </summary>
    public void ReplaceAll(IReadOnlyCollection<PartyDescriptor> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var kids = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var party in parties)
        {
            if (!ids.Add(party.Id)) throw new InvalidOperationException($"party {party.Id} is listed twice");
            foreach (var k in party.Keys)
            {
                if (!kids.Add(k.Kid)) throw new InvalidOperationException($"kid {k.Kid} is listed twice");
            }
        }
        lock (_replaceLock)
        {
            // New entries first, stale ones after, so a concurrent verifier never misses a kid both versions list.
            foreach (var party in parties)
            {
                foreach (var k in party.Keys)
                {
                    if (_byKid.TryGetValue(k.Kid, out var was) && was.Key != k)
                    {
                        _verifiers.TryRemove(k.Kid, out _);
                        _recipients.TryRemove(k.Kid, out _);
                    }
                    _byKid[k.Kid] = (party, k);
                }
                _parties[party.Id] = party;
            }
            foreach (var gone in _parties.Keys.Where(id => !ids.Contains(id)).ToList()) _parties.TryRemove(gone, out _);
            foreach (var kid in _byKid.Keys.Where(kid => !kids.Contains(kid)).ToList())
            {
                _byKid.TryRemove(kid, out _);
                _verifiers.TryRemove(kid, out _);
                _recipients.TryRemove(kid, out _);
            }
        }
    }

    private void Forget(PartyDescriptor party)
    {
        foreach (var k in party.Keys)
        {
            _byKid.TryRemove(k.Kid, out _);
            _verifiers.TryRemove(k.Kid, out _);
            _recipients.TryRemove(k.Kid, out _);
        }
    }

    public PartyDescriptor? Find(string partyId) => _parties.TryGetValue(partyId, out var p) ? p : null;

    /// <summary>The party and published key under a kid, or null.</summary>
    public (PartyDescriptor Party, PublicJwk Key)? FindKey(string kid) => _byKid.TryGetValue(kid, out var e) ? e : null;

    /// <summary>A cached verifier for a signing key (parsing a JWK per call would dominate verification cost).</summary>
    public ECDsa VerifierFor(PublicJwk key) => _verifiers.GetOrAdd(key.Kid, _ => key.ToECDsa());

    /// <summary>The key new seals for a party are encrypted to: its first active <c>enc</c> key.</summary>
    public (string Kid, ECDiffieHellman Key)? EncryptionKeyOf(string partyId)
    {
        var party = Find(partyId);
        var key = party?.Keys.FirstOrDefault(k => k.Use == PublicJwk.UseEncryption && k.Status == KeyStatus.Active);
        if (key is null) return null;
        return (key.Kid, _recipients.GetOrAdd(key.Kid, _ => key.ToECDiffieHellman()));
    }
}

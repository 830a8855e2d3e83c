using System.Globalization;
using System.Security.Cryptography;
using Chukei.Contracts.Keys;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// One P-256 key of the seal fixture, private part included (test keys only): who owns it, what it is for, its
/// directory status, and a one-line note for the published test vectors.
/// </summary>
public sealed record FixtureKey(string Kid, string Owner, string Use, KeyStatus Status, string Note, ECParameters Parameters)
{
    /// <summary>
    /// Derives the key exactly as <see cref="PartyKeySet.FromSeed"/> does (label <c>owner/use/generation</c>, kid
    /// <c>owner-use-generation</c>, docs/protocol.md §11), so every run gets the same key.
    /// </summary>
    public static FixtureKey Derive(string seed, string owner, string use, int generation, KeyStatus status, string note)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{owner}/{use}/{generation}");
        using var key = ECDsa.Create(PartyKeySet.DeriveParameters(seed, label));
        return new FixtureKey(KidOf(owner, use, generation), owner, use, status, note, key.ExportParameters(includePrivateParameters: true));
    }

    public static string KidOf(string owner, string use, int generation) => string.Create(CultureInfo.InvariantCulture, $"{owner}-{use}-{generation}");

    public PublicJwk PublicJwk => PublicJwk.From(Parameters, Kid, Use, Status);

    public ECDsa ToECDsa() => ECDsa.Create(Parameters);

    public ECDiffieHellman ToECDiffieHellman() => ECDiffieHellman.Create(Parameters);
}

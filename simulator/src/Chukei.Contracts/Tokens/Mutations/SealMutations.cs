using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Contracts.Json;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// The table of seal attacks and boundary cases that the target's step ④ must decide (INS-011 … INS-031), in the
/// order of the checks. The conformance suites present these over HTTP; docs/test-vectors is generated from it.
/// </summary>
public static partial class SealMutations
{
    // Static initialisers run in text order: Valid must precede All.
    /// <summary>The seal exactly as the relay makes it; every other mutation derives from its claims.</summary>
    public static SealMutation Valid { get; } = new("valid", null,
        "The seal exactly as the relay makes it: ES256 inner JWS (typ chukei-seal+jwt) encrypted with ECDH-ES+A256KW / A256GCM (cty JWT) to the target's current key, presented by its requester.");

    /// <summary>Every mutation, the valid seal first; names are unique.</summary>
    public static IReadOnlyList<SealMutation> All { get; } = [Valid, .. EnvelopeChecks(), .. InnerChecks(), .. ClaimChecks()];

    private static readonly string[] UnknownCritical = ["chukei-ext"];

    public static SealMutation Find(string name) => All.Single(m => m.Name == name);

    private static string Json(SealClaims claims) => ProtocolJson.Serialize(claims);

    /// <summary>The claims as a JSON object to edit member by member (remove a member, change its type).</summary>
    private static string EditClaims(SealClaims claims, Action<JsonObject> edit)
    {
        var node = JsonSerializer.SerializeToNode(claims, ProtocolJson.Options)!.AsObject();
        edit(node);
        return node.ToJsonString(ProtocolJson.Options);
    }

    /// <summary>The inner JWS header the relay writes, with any member changed (null leaves it out) or added.</summary>
    private static string Hdr(string? alg = ProtocolConstants.SignatureAlgorithm, string? typ = ProtocolConstants.SealType,
        string? kid = RelaySigningKid, params (string Name, object? Value)[] extra) => JwsCrafter.SealHeader(alg, typ, kid, extra);

    /// <summary>A hand-assembled, integrity-consistent JWE to the target's current key with extra header members.</summary>
    private static string Assembled(SealFixture f, string plaintext, params (string Name, object? Value)[] extra) =>
        JweAssembler.Encrypt(plaintext, f.Agreement(TargetEncryptionKid), epk => JweAssembler.SealHeader(epk, TargetEncryptionKid, extra));

    /// <summary>A JWE made by the JOSE library with the given header members instead of the relay's cty + kid.</summary>
    private static string LibraryJwe(SealFixture f, string plaintext, Jose.JweAlgorithm alg, Jose.JweCompression? zip, params (string Name, object Value)[] headers) =>
        Jose.JWT.Encode(plaintext, f.Agreement(TargetEncryptionKid), alg, Jose.JweEncryption.A256GCM, zip,
            headers.ToDictionary(h => h.Name, h => h.Value), new Jose.JwtSettings());

    private static RawJson AttackerJwk(SealFixture f) => JweAssembler.Epk(f.Key(AttackerKid).Parameters, ProtocolConstants.Curve);

    /// <summary>Pads a base64url part to a length of 4k+1 characters, which no byte string encodes to.</summary>
    internal static string ImpossibleLength(string part)
    {
        while (part.Length % 4 != 1) part += "A";
        return part;
    }
}

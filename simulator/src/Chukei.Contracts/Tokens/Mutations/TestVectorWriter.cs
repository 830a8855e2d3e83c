using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// Renders docs/test-vectors from <see cref="SealFixture"/> and the tables: keys.json, directory.json and vectors.json
/// (<see cref="SealMutations.All"/>), envelopes.json (<see cref="EnvelopeMutations.All"/>), access-log-chain.json
/// (<see cref="AccessLogChainVectors"/>) and identifiers.json (<see cref="IdentifierVectors"/>), so implementers can
/// check their parties without running this code.
/// </summary>
public static class TestVectorWriter
{
    public const string KeysFile = "keys.json";
    public const string DirectoryFile = "directory.json";
    public const string SignedDirectoryFile = "directory.jws";
    public const string VectorsFile = "vectors.json";
    public const string EnvelopesFile = "envelopes.json";
    public const string AccessLogChainFile = "access-log-chain.json";
    public const string IdentifiersFile = "identifiers.json";

    public const string Warning = "TEST KEYS ONLY: these private keys are public. Never trust them outside the Chukei test vectors.";

    /// <summary>File name → content. Tokens are fresh on every call (ECDSA and ECDH-ES are randomized); everything else is stable.</summary>
    public static IReadOnlyDictionary<string, string> Render(SealFixture fixture, IEnumerable<SealMutation> mutations) => new Dictionary<string, string>
    {
        [KeysFile] = Keys(fixture),
        [DirectoryFile] = Directory(fixture),
        [SignedDirectoryFile] = SignedDirectory(fixture) + "\n",
        [VectorsFile] = Vectors(fixture, mutations),
        [EnvelopesFile] = EnvelopeVectorWriter.Vectors(fixture, EnvelopeMutations.All),
        [AccessLogChainFile] = AccessLogChainVectors.Render(),
        [IdentifiersFile] = IdentifierVectors.Render(),
    };

    public static void Write(string directory, SealFixture fixture, IEnumerable<SealMutation> mutations)
    {
        foreach (var (file, content) in Render(fixture, mutations))
            File.WriteAllText(Path.Combine(directory, file), content);
    }

    public static string Keys(SealFixture fixture)
    {
        var keys = new JsonArray();
        foreach (var k in fixture.Keys)
        {
            var jwk = JsonSerializer.SerializeToNode(k.PublicJwk, ProtocolJson.Options)!.AsObject();
            jwk.Remove("status"); // status is the directory's statement, not part of the key
            jwk["d"] = Jose.Base64Url.Encode(k.Parameters.D!);
            keys.Add(new JsonObject
            {
                ["kid"] = k.Kid,
                ["owner"] = k.Owner,
                ["use"] = k.Use,
                ["status"] = JsonSerializer.SerializeToNode(k.Status, ProtocolJson.Options),
                ["note"] = k.Note,
                ["jwk"] = jwk,
            });
        }
        return ToFileText(new JsonObject
        {
            ["warning"] = Warning,
            ["seed"] = SealFixture.Seed,
            ["derivation"] = "d = HMAC-SHA-256(key: UTF-8 seed, message: UTF-8 \"chukei-key/<owner>/<sig|enc>/<generation>/<counter>\"), " +
                "a big-endian P-256 scalar; counter 0 unless its first 4 bytes are all 0xFF, then 1, and so on (docs/protocol.md §11)",
            ["keys"] = keys,
        });
    }

    public static string Directory(SealFixture fixture) => ToFileText(JsonSerializer.SerializeToNode(fixture.DirectoryDocument(), ProtocolJson.Options)!);

    /// <summary>The same directory as the relay publishes it: a JWS of type chukei-dir+jwt under its current key (DIR-010).</summary>
    public static string SignedDirectory(SealFixture fixture) =>
        new EnvelopeSigner(SealFixture.RelayId, fixture.KeySet(SealFixture.RelayId), TimeProvider.System)
            .SignPayload(fixture.DirectoryDocument(), ProtocolConstants.DirectoryType);

    public static string Vectors(SealFixture fixture, IEnumerable<SealMutation> mutations)
    {
        var vectors = new JsonArray();
        foreach (var m in mutations)
        {
            var built = m.Build(fixture);
            var expected = Expected(m.ExpectedCode);
            if (m.ExpectedCode is null)
            {
                expected["innerJws"] = InnerJws(fixture, built.Token);
                expected["claims"] = JsonSerializer.SerializeToNode(built.Claims, ProtocolJson.Options);
            }
            vectors.Add(new JsonObject
            {
                ["name"] = m.Name,
                ["description"] = m.Description,
                ["now"] = fixture.NowSeconds,
                ["caller"] = m.Caller,
                ["items"] = new JsonArray([.. m.Items.Select(i => JsonValue.Create(i))]),
                ["presentedBefore"] = new JsonArray([.. m.PresentedBefore.Select(c => JsonValue.Create(c))]),
                ["token"] = built.Token,
                ["expected"] = expected,
            });
        }
        return ToFileText(new JsonObject
        {
            ["protocol"] = ProtocolConstants.Version,
            ["target"] = SealFixture.TargetId,
            ["relay"] = SealFixture.RelayId,
            ["clockSkewSeconds"] = (long)ProtocolConstants.ClockSkew.TotalSeconds,
            ["maxTokenLength"] = ProtocolConstants.MaxTokenLength,
            ["vectors"] = vectors,
        });
    }

    /// <summary>The decrypted inner JWS of an accepted seal, for implementers debugging their decryption separately.</summary>
    private static string InnerJws(SealFixture fixture, string token)
    {
        var kid = JsonNode.Parse(TokenSurgery.HeaderJson(token))!["kid"]!.GetValue<string>();
        return Jose.JWT.Decode(token, fixture.Agreement(kid), Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM, JoseCompact.StrictSettings);
    }

    /// <summary>The <c>expected</c> object of a vector: "accept", or the problem code with its requirement and HTTP status.</summary>
    internal static JsonObject Expected(ProblemCode? code) => code is null
        ? new JsonObject { ["verdict"] = "accept" }
        : new JsonObject { ["verdict"] = code.Code, ["requirement"] = code.RequirementId, ["status"] = code.Status };

    internal static string ToFileText(JsonNode node) => node.ToJsonString(ProtocolJson.Indented) + "\n";
}

using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// What <see cref="ClinicKitWorld.PublishedParties"/> gives a .NET adapter, published as <see cref="DocumentPath"/> for a
/// clinic in any language: the clinic's party id, its private test keys as JWKs, and the directory the kit's relay
/// serves (the relay's and insurers' public keys, and the clinic's own). The clinic does not check card certificates
/// (the relay does, CLN-025), so the kit CA is not in it.
/// </summary>
public static class ClinicKitDocument
{
    public const string DocumentPath = "docs/test-vectors/clinic-kit.json";

    public const string Warning = "TEST KEYS ONLY: these private keys are public. Never trust them outside the Chukei clinic conformance kit.";

    /// <summary>The directory's issuedAt: fixed, so the file does not change between runs (the kit's start of clock).</summary>
    public static readonly DateTimeOffset IssuedAt = new(2026, 8, 3, 0, 0, 0, TimeSpan.Zero);

    private const int Generation = 1;

    /// <summary>The published file.</summary>
    public static string Render()
    {
        var published = ClinicKitWorld.PublishedParties(TimeProvider.System);
        var keys = new JsonArray();
        foreach (var use in new[] { PublicJwk.UseSignature, PublicJwk.UseEncryption })
        {
            var kid = $"{ClinicKitWorld.ClinicId}-{use}-{Generation}";
            var parameters = Complete(PartyKeySet.DeriveParameters(ClinicKitWorld.KeySeed, $"{ClinicKitWorld.ClinicId}/{use}/{Generation}"));
            var jwk = JsonSerializer.SerializeToNode(PublicJwk.From(parameters, kid, use), ProtocolJson.Options)!.AsObject();
            jwk.Remove("status"); // status is the directory's statement, not part of the key
            jwk["d"] = Jose.Base64Url.Encode(parameters.D!);
            keys.Add(new JsonObject
            {
                ["kid"] = kid,
                ["use"] = use,
                ["status"] = JsonSerializer.SerializeToNode(KeyStatus.Active, ProtocolJson.Options),
                ["note"] = use == PublicJwk.UseSignature
                    ? "signs the clinic's request envelopes to the relay (ES256)"
                    : "the clinic's key-agreement key (ECDH-ES), listed in the directory",
                ["jwk"] = jwk,
            });
        }
        var directory = new DirectoryDocument { Relay = published.Directory.RelayId, IssuedAt = IssuedAt, Parties = published.Directory.Parties.ToList() };
        var document = new JsonObject
        {
            ["warning"] = Warning,
            ["description"] = "Everything a clinic under the clinic suite is configured with (conformance/README.md, \"The clinic suite\"): " +
                "run as clinic.partyId with clinic.keys, and trust the parties of directory. The relay's keys in it are the trust anchor " +
                "(DIR-011); the relay has no baseUrl here because the kit gives the relay's URL with every check (relayUrl). The clinic " +
                "does not check card certificates (the relay does, CLN-025), so no CA certificate is published.",
            ["seed"] = ClinicKitWorld.KeySeed,
            ["derivation"] = "d = HMAC-SHA-256(key: UTF-8 seed, message: UTF-8 \"chukei-key/<party>/<sig|enc>/<generation>/<counter>\"), " +
                "a big-endian P-256 scalar; counter 0 unless its first 4 bytes are all 0xFF, then 1, and so on (docs/protocol.md §11). " +
                "Every party of the kit (the clinic, the relay and the insurers) has generation 1 under this seed.",
            ["clinic"] = new JsonObject { ["partyId"] = ClinicKitWorld.ClinicId, ["keys"] = keys },
            ["directory"] = JsonSerializer.SerializeToNode(directory, ProtocolJson.Options),
        };
        return document.ToJsonString(ProtocolJson.Indented) + "\n";
    }

    /// <summary>The private scalar with its public point.</summary>
    private static ECParameters Complete(ECParameters privateOnly)
    {
        using var key = ECDsa.Create(privateOnly);
        return key.ExportParameters(includePrivateParameters: true);
    }
}

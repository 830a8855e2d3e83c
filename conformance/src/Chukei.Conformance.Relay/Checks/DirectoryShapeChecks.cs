using System.Text.Json;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Problems;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// The shape of the directory the relay publishes (§3: DIR-001 … DIR-004, DIR-007, ID-008), read as the JSON it
/// signed, so that a member our own types would drop (a private key's <c>d</c>) is still seen. Every party of the
/// directory is checked, the vendor's own included, not only the published test parties.
/// </summary>
public static class DirectoryShapeChecks
{
    private static readonly string[] Roles = ["relay", "medical-insurer", "ltc-insurer", "clinic", "portal"];
    private static readonly string[] Statuses = ["active", "retired", "revoked"];
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

    /// <summary>DIR-001: every party has id, role, name and keys; insurers and the relay an absolute baseUrl; only insurers an insurerNumber; revoked is a boolean.</summary>
    public static async Task DescriptorsAsync(RelaySession session, CheckContext check)
    {
        foreach (var party in await PartiesAsync(session, check))
        {
            var id = Text(party, "id") ?? "(no id)";
            check.Must(Text(party, "id") is not null && Text(party, "role") is not null && !string.IsNullOrEmpty(Text(party, "name")),
                $"party {id} lacks id, role or name");
            check.Must(party.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array, $"party {id} has no keys array");
            var role = Text(party, "role");
            var servesEndpoints = role is "relay" or "medical-insurer" or "ltc-insurer";
            var baseUrl = Text(party, "baseUrl");
            check.Must(!servesEndpoints || Uri.TryCreate(baseUrl, UriKind.Absolute, out _), $"party {id} ({role}) has no absolute baseUrl: '{baseUrl}'");
            var isInsurer = role is "medical-insurer" or "ltc-insurer";
            check.Must(isInsurer == party.TryGetProperty("insurerNumber", out var number) && (!isInsurer || number.ValueKind == JsonValueKind.String),
                $"party {id} ({role}) {(isInsurer ? "has no insurerNumber" : "has an insurerNumber, which only insurers have")}");
            check.Must(!party.TryGetProperty("revoked", out var revoked) || revoked.ValueKind is JsonValueKind.True or JsonValueKind.False,
                $"party {id}'s revoked member is {revoked.ValueKind}, not a boolean");
        }
    }

    /// <summary>DIR-002: every role is one of the five; exactly one party is the relay, and it is the directory's relay member.</summary>
    public static async Task OneRelayAsync(RelaySession session, CheckContext check)
    {
        var (root, parties) = await DocumentAsync(session, check);
        foreach (var party in parties)
            check.Must(Roles.Contains(Text(party, "role")), $"party {Text(party, "id")} has role '{Text(party, "role")}', not one of {string.Join(", ", Roles)}");
        var relays = parties.Where(p => Text(p, "role") == "relay").Select(p => Text(p, "id")).ToList();
        check.Must(relays.Count == 1, $"the directory lists {relays.Count} parties with role relay: {string.Join(", ", relays)}");
        check.Must(relays[0] == Text(root, "relay"), $"the party with role relay is '{relays[0]}', the directory's relay member '{Text(root, "relay")}'");
    }

    /// <summary>DIR-003: public EC P-256 keys with every member and no private one; an active signing key per live party, an active encryption key per live insurer.</summary>
    public static async Task PublicKeysAsync(RelaySession session, CheckContext check)
    {
        foreach (var party in await PartiesAsync(session, check))
        {
            var id = Text(party, "id");
            var keys = party.GetProperty("keys").EnumerateArray().ToList();
            foreach (var key in keys)
            {
                var kid = Text(key, "kid") ?? "(no kid)";
                var leaked = PrivateMembers.Where(m => key.TryGetProperty(m, out _)).ToList();
                check.Must(leaked.Count == 0, $"key {kid} of {id} publishes the private member(s) {string.Join(", ", leaked)}");
                check.Must(Text(key, "kty") == "EC" && Text(key, "crv") == "P-256" && Text(key, "x") is not null && Text(key, "y") is not null && Text(key, "kid") is not null,
                    $"key {kid} of {id} is not an EC P-256 JWK with x, y and kid");
                var use = Text(key, "use");
                check.Must((use, Text(key, "alg")) is ("sig", "ES256") or ("enc", "ECDH-ES+A256KW"),
                    $"key {kid} of {id} has use '{use}' and alg '{Text(key, "alg")}': sig must be ES256, enc ECDH-ES+A256KW");
                check.Must(Statuses.Contains(Text(key, "status")), $"key {kid} of {id} has status '{Text(key, "status")}'");
            }
            if (party.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True) continue;
            bool Active(string use) => keys.Any(k => Text(k, "use") == use && Text(k, "status") == "active");
            check.Must(Active("sig"), $"{id} publishes no active signing key");
            check.Must(Text(party, "role") is not ("medical-insurer" or "ltc-insurer") || Active("enc"), $"{id} is an insurer and publishes no active encryption key");
        }
    }

    /// <summary>DIR-004: no two keys of the directory share a kid.</summary>
    public static async Task UniqueKidsAsync(RelaySession session, CheckContext check)
    {
        var kids = (await PartiesAsync(session, check)).SelectMany(p => p.GetProperty("keys").EnumerateArray().Select(k => Text(k, "kid"))).ToList();
        var repeated = kids.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        check.Must(repeated.Count == 0, $"the directory lists the kid(s) {string.Join(", ", repeated)} more than once");
    }

    /// <summary>DIR-007: every insurer owns an insurer number of its kind, and no two insurers of one kind the same.</summary>
    public static async Task InsurerNumbersAsync(RelaySession session, CheckContext check)
    {
        var insurers = (await PartiesAsync(session, check)).Where(p => Text(p, "role") is "medical-insurer" or "ltc-insurer").ToList();
        foreach (var insurer in insurers)
        {
            var number = Text(insurer, "insurerNumber");
            var reason = Text(insurer, "role") == "medical-insurer" ? IdentifierRules.MedicalInsurerNumber(number) : IdentifierRules.LtcInsurerNumber(number);
            check.Must(reason is null, $"{Text(insurer, "id")} ({Text(insurer, "role")}) owns insurer number '{number}', which {reason}");
        }
        var shared = insurers.GroupBy(p => (Text(p, "role"), Text(p, "insurerNumber"))).Where(g => g.Count() > 1).ToList();
        check.Must(shared.Count == 0, string.Join("; ", shared.Select(g => $"{string.Join(" and ", g.Select(p => Text(p, "id")))} ({g.Key.Item1}) own the same number {g.Key.Item2}")));
    }

    /// <summary>ID-008: every party id is well-formed and unique.</summary>
    public static async Task PartyIdsAsync(RelaySession session, CheckContext check)
    {
        var ids = (await PartiesAsync(session, check)).Select(p => Text(p, "id")).ToList();
        foreach (var id in ids)
            check.Must(IdentifierRules.PartyId(id) is null, $"party id '{id}' {IdentifierRules.PartyId(id)}");
        var repeated = ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        check.Must(repeated.Count == 0, $"the directory lists the party id(s) {string.Join(", ", repeated)} more than once");
    }

    private static async Task<IReadOnlyList<JsonElement>> PartiesAsync(RelaySession session, CheckContext check) => (await DocumentAsync(session, check)).Parties;

    /// <summary>The directory's payload, verified under the published relay keys (DIR-010 and DIR-011 have their own cases).</summary>
    private static async Task<(JsonElement Root, IReadOnlyList<JsonElement> Parties)> DocumentAsync(RelaySession session, CheckContext check)
    {
        var (status, _, body) = await session.World.GetAsync("v1/directory", check.Evidence);
        if (status != 200) throw check.Unreachable($"GET /v1/directory answered {status} (DIR-010 covers that)");
        try
        {
            var payload = session.World.VerifierFor(RequesterId).VerifyPayload(body.Trim(), ProtocolConstants.DirectoryType, RelayId);
            var root = JsonDocument.Parse(payload).RootElement;
            check.Must(root.TryGetProperty("parties", out var parties) && parties.ValueKind == JsonValueKind.Array, "the directory has no parties array");
            var list = parties.EnumerateArray().ToList();
            check.Must(list.All(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("keys", out var k) && k.ValueKind == JsonValueKind.Array),
                "a party of the directory is not an object with a keys array");
            return (root, list);
        }
        catch (Exception ex) when (ex is ProtocolException or JsonException)
        {
            throw check.Unreachable($"the directory does not verify or parse ({ex.Message}); DIR-010 covers that");
        }
    }

    private static string? Text(JsonElement element, string member) =>
        element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

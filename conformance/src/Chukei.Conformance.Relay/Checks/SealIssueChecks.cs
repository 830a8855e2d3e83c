using System.Text;
using System.Text.Json;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Json;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// What the relay seals (docs/protocol.md §6.1–§6.3, SEAL-001 … SEAL-011): the kit, playing the target kenpo-a with
/// its published keys, opens the seal of a found lookup and checks what it holds.
/// </summary>
public static class SealIssueChecks
{
    /// <summary>SEAL-001 / SEAL-003: the seal passes every check of step ④ at the target it names.</summary>
    public static async Task OpensAtTargetAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, _, _, answer) = await Calls.FoundAsync(session, check, person, "opens-at-target");

        var verdict = Calls.OpenAtTarget(session, answer.Seal!);
        check.Must(verdict.IsValid, $"{TargetId}'s step ④ refuses the seal with {verdict.Failure?.Code}: {verdict.Detail}");
    }

    /// <summary>
    /// SEAL-001: two lookups of the same person give two seals encrypted afresh: no shared ephemeral key, IV or
    /// ciphertext (a reused key and IV under AES-GCM gives the plaintexts away).
    /// </summary>
    public static async Task FreshEncryptionAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, _, _, first) = await Calls.FoundAsync(session, check, person, "fresh-encryption-first");
        var (_, _, _, second) = await Calls.FoundAsync(session, check, person, "fresh-encryption-second");

        var (a, b) = (first.Seal!.Split('.'), second.Seal!.Split('.'));
        if (a.Length != 5 || b.Length != 5) throw check.Unreachable("a seal is not a compact JWE of five parts (SEAL-001 opens-at-the-target covers that)");
        var (epkA, epkB) = (EphemeralKey(a[0]), EphemeralKey(b[0]));
        check.Must(epkA is null || epkA != epkB, $"the two seals of the person {person.Person.PersonId} carry the same ephemeral key {epkA}; every seal is a fresh encryption");
        check.Must(a[2] != b[2], $"the two seals of the person {person.Person.PersonId} carry the same IV {a[2]}; every seal is a fresh encryption");
        check.Must(a[3] != b[3], $"the two seals of the person {person.Person.PersonId} share their ciphertext; every seal is a fresh signature and a fresh encryption");
    }

    /// <summary>The JWE header's epk as "x,y", or null when it cannot be read.</summary>
    private static string? EphemeralKey(string protectedHeader)
    {
        try
        {
            using var header = System.Text.Json.JsonDocument.Parse(Jose.Base64Url.Decode(protectedHeader));
            var epk = header.RootElement.GetProperty("epk");
            return epk.GetProperty("x").GetString() + "," + epk.GetProperty("y").GetString();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>SEAL-003: the inner header is exactly alg ES256, typ chukei-seal+jwt and the relay's first active kid; the outer one has alg, enc, cty JWT, kid and epk and nothing forbidden.</summary>
    public static async Task HeadersAsync(RelaySession session, CheckContext check)
    {
        var raw = await RawSealAsync(session, check, "headers");
        var inner = raw.InnerHeader;
        var names = inner.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        check.Must(names.SequenceEqual(["alg", "kid", "typ"]), $"the inner JWS header has members [{string.Join(", ", names)}], exactly alg, typ and kid are allowed");
        check.Must(JoseCompact.GetString(inner, "alg") == ProtocolConstants.SignatureAlgorithm && JoseCompact.GetString(inner, "typ") == ProtocolConstants.SealType,
            $"the inner header says alg '{JoseCompact.GetString(inner, "alg")}', typ '{JoseCompact.GetString(inner, "typ")}'");
        check.Must(JoseCompact.GetString(inner, "kid") == RelaySigningKid, $"the seal is signed under '{JoseCompact.GetString(inner, "kid")}', not the relay's first active key {RelaySigningKid}");
        var outer = raw.OuterHeader;
        foreach (var member in new[] { "alg", "enc", "cty", "kid", "epk" })
            check.Must(outer.TryGetProperty(member, out _), $"the JWE header lacks {member}");
        check.Must(JoseCompact.GetString(outer, "cty") == "JWT", $"the JWE header's cty is '{JoseCompact.GetString(outer, "cty")}', not JWT");
        check.Must(JoseCompact.FirstForbidden(outer) is null, $"the JWE header carries '{JoseCompact.FirstForbidden(outer)}'");
    }

    /// <summary>SEAL-002: the claims are exactly the members of the table, the required ones present.</summary>
    public static async Task ClaimMembersAsync(RelaySession session, CheckContext check)
    {
        var raw = await RawSealAsync(session, check, "claim-members");
        using var claims = JsonDocument.Parse(raw.ClaimsJson);
        var present = claims.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var (allowed, required) = ClaimTable();
        var extra = present.Where(n => !allowed.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var missing = required.Where(n => !present.Contains(n)).Order(StringComparer.Ordinal).ToList();
        check.Must(extra.Count == 0, $"the seal's claims carry members outside the table of §6.2: {string.Join(", ", extra)}");
        check.Must(missing.Count == 0, $"the seal's claims lack required members: {string.Join(", ", missing)}");
    }

    /// <summary>ID-012: the person identifier is in neither the lookup answer nor the seal.</summary>
    public static async Task NoPersonIdAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, _, exchange, answer) = await Calls.FoundAsync(session, check, person, "no-person-id");
        var raw = Open(session, answer.Seal!) ?? throw check.Unreachable($"{TargetId} cannot decrypt the seal (SEAL-011 covers that)");

        check.Must(!Calls.AnswerText(exchange).Contains(person.Person.PersonId, StringComparison.Ordinal), "the lookup answer contains the person identifier");
        check.Must(!raw.ClaimsJson.Contains(person.Person.PersonId, StringComparison.Ordinal), "the seal's claims contain the person identifier, which only the portal may see");
    }

    /// <summary>SEAL-011: encrypted to the target's first active encryption key, which nobody else holds.</summary>
    public static async Task EncryptedToTargetAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, _, _, answer) = await Calls.FoundAsync(session, check, person, "encrypted-to-target");

        var kid = JweKid(answer.Seal!);
        check.Must(kid == TargetEncryptionKid, $"the seal's JWE kid is '{kid}', not {TargetEncryptionKid}, {TargetId}'s first active encryption key");
        var asRequester = Calls.OpenAtTarget(session, answer.Seal!, self: RequesterId);
        check.Must(asRequester.Failure is not null && asRequester.SignedClaims is null && asRequester.Claims is null,
            $"{RequesterId} can decrypt the seal with its own key: the requester reads the target's number");
    }

    /// <summary>SEAL-004: insured is exactly the person's registered number at the target.</summary>
    public static Task InsuredAsync(RelaySession session, CheckContext check) => WithClaimsAsync(session, check, "insured", (person, _, claims) =>
    {
        var insured = claims.Insured;
        var m = person.Medical;
        check.Must(insured.Kind == InsuranceKind.Medical, $"insured.kind is {insured.Kind}, the target is a medical insurer");
        check.Must(insured.InsurerNumber == m.InsurerNumber && insured.Symbol == m.Symbol && insured.Number == m.Number && insured.Branch == m.Branch,
            $"insured is {insured.InsurerNumber}/{insured.Symbol}/{insured.Number}/{insured.Branch}, the registered enrolment is {m.InsurerNumber}/{m.Symbol}/{m.Number}/{m.Branch}");
    });

    /// <summary>SEAL-005: aud is the target.</summary>
    public static Task AudienceAsync(RelaySession session, CheckContext check) => WithClaimsAsync(session, check, "audience", (_, _, claims) =>
        check.Must(claims.Audience == TargetId, $"aud is '{claims.Audience}', the target is {TargetId}"));

    /// <summary>SEAL-006: requester and purpose are the lookup's.</summary>
    public static Task RequesterAndPurposeAsync(RelaySession session, CheckContext check) => WithClaimsAsync(session, check, "requester-purpose", (_, request, claims) =>
    {
        check.Must(claims.Requester == RequesterId, $"requester is '{claims.Requester}', the caller was {RequesterId}");
        check.Must(claims.Purpose == request.Purpose, $"purpose is '{claims.Purpose}', the lookup's was '{request.Purpose}'");
    });

    /// <summary>SEAL-007: iat = nbf = the time of issue, exp at most 300 s later.</summary>
    public static Task LifetimeAsync(RelaySession session, CheckContext check) => WithClaimsAsync(session, check, "lifetime", (_, _, claims) =>
    {
        var now = session.Target.Time.GetUtcNow().ToUnixTimeSeconds();
        check.Must(claims.NotBefore == claims.IssuedAt, $"nbf is {claims.NotBefore}, iat {claims.IssuedAt}: both are the time of issue");
        check.Must(Math.Abs(claims.IssuedAt - now) <= 60, $"iat is {claims.IssuedAt - now} s from the kit's clock (skew allowance 60 s)");
        check.Must(claims.Expires - claims.IssuedAt is > 0 and <= 300, $"exp − iat is {claims.Expires - claims.IssuedAt} s; a seal lives at most 300 s");
    });

    /// <summary>SEAL-008: txn is the lookup's log entry, and that entry is in the chain.</summary>
    public static Task TransactionAsync(RelaySession session, CheckContext check) => WithClaimsAsync(session, check, "txn", async (person, _, claims, answer) =>
    {
        check.Must(claims.LogEntryId == answer.LogEntryId, $"txn is '{claims.LogEntryId}', the answer's logEntryId is '{answer.LogEntryId}'");
        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        check.Must(log.Entries.Any(e => e.EntryId == claims.LogEntryId), $"the person's log has no entry '{claims.LogEntryId}' (the seal's txn)");
    });

    /// <summary>SEAL-009: asOf is when the relay registered the enrolment, the same instant as the answer's asOf.</summary>
    public static Task AsOfAsync(RelaySession session, CheckContext check) => WithClaimsAsync(session, check, "as-of", (person, _, claims, answer) =>
    {
        check.Must(claims.AsOf == answer.AsOf?.ToUnixTimeSeconds(), $"the seal's asOf is {claims.AsOf}, the answer's {answer.AsOf?.ToUnixTimeSeconds()}");
        check.Must(claims.AsOf == person.MedicalRegisteredAt?.ToUnixTimeSeconds(),
            $"the seal's asOf is {claims.AsOf}, the enrolment was registered at {person.MedicalRegisteredAt?.ToUnixTimeSeconds()}");
        return Task.CompletedTask;
    });

    /// <summary>SEAL-010: every seal has its own jti.</summary>
    public static Task FreshJtiAsync(RelaySession session, CheckContext check) => WithClaimsAsync(session, check, "jti", async (person, _, claims, _) =>
    {
        var (_, _, _, second) = await Calls.FoundAsync(session, check, person, "jti-second");
        var again = Calls.OpenAtTarget(session, second.Seal!);
        var secondClaims = again.Claims ?? again.SignedClaims ?? throw check.Unreachable("the second seal does not open");
        check.Must(claims.Id.Length >= 22, $"jti '{claims.Id}' is too short to hold 128 random bits");
        check.Must(secondClaims.Id != claims.Id, $"two lookups gave two seals with the same jti '{claims.Id}'");
    });

    private static Task WithClaimsAsync(RelaySession session, CheckContext check, string caseName, Action<EnrolledPerson, LookupRequest, SealClaims> assert) =>
        WithClaimsAsync(session, check, caseName, (p, r, c, _) =>
        {
            assert(p, r, c);
            return Task.CompletedTask;
        });

    private static async Task WithClaimsAsync(RelaySession session, CheckContext check, string caseName,
        Func<EnrolledPerson, LookupRequest, SealClaims, LookupAnswer, Task> assert)
    {
        ArgumentNullException.ThrowIfNull(check);
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        // SEAL-009: the lookup comes in a later second than the registration, so "asOf = registration" and
        // "asOf = the moment of sealing" give different NumericDates.
        if (caseName == "as-of" && person.MedicalRegisteredAt is { } registered)
        {
            var later = DateTimeOffset.FromUnixTimeSeconds(registered.ToUnixTimeSeconds() + 1) - session.Target.Time.GetUtcNow();
            if (later > TimeSpan.Zero) await Task.Delay(later + TimeSpan.FromMilliseconds(50), session.Target.Time);
        }
        var (_, request, _, answer) = await Calls.FoundAsync(session, check, person, caseName);
        // The claims as the relay signed them, even where a later check of step ④ refuses them (SEAL-001 reports that).
        var verdict = Calls.OpenAtTarget(session, answer.Seal!);
        var claims = verdict.Claims ?? verdict.SignedClaims
            ?? throw check.Unreachable($"{TargetId} cannot open the seal or verify its signature ({verdict.Failure?.Code}: {verdict.Detail}); SEAL-001 and SEAL-011 cover that");
        await assert(person, request, claims, answer);
    }

    /// <summary>The seal's headers and claims as the target reads them, without the checks of step ④.</summary>
    public sealed record RawSeal(JsonElement OuterHeader, JsonElement InnerHeader, string ClaimsJson);

    private static async Task<RawSeal> RawSealAsync(RelaySession session, CheckContext check, string caseName)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, _, _, answer) = await Calls.FoundAsync(session, check, person, caseName);
        return Open(session, answer.Seal!) ?? throw check.Unreachable($"{TargetId} cannot decrypt the seal with its key (SEAL-011 covers that)");
    }

    /// <summary>Decrypts with kenpo-a's current key and splits the nested JWS; null when it does not decrypt to a JWS.</summary>
    internal static RawSeal? Open(RelaySession session, string seal)
    {
        try
        {
            var key = session.World.KeysOf(TargetId).FindDecryptionKey(TargetEncryptionKid)!;
            var inner = Jose.JWT.Decode(seal, key, Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM, JoseCompact.StrictSettings);
            var outerHeader = JoseCompact.ParseHeader(seal.Split('.')[0], out _);
            var parts = JoseCompact.Split(inner, 3);
            var innerHeader = parts is null ? null : JoseCompact.ParseHeader(parts[0], out _);
            if (outerHeader is null || innerHeader is null) return null;
            return new RawSeal(outerHeader.Value, innerHeader.Value, Jose.JWT.Payload(inner));
        }
        catch (Exception ex) when (ex is Jose.JoseException or System.Security.Cryptography.CryptographicException or ArgumentException or FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The members of the claims table of §6.2, from the wire record: all of them, and the required ones.</summary>
    private static (IReadOnlySet<string> Allowed, IReadOnlySet<string> Required) ClaimTable()
    {
        var properties = typeof(SealClaims).GetProperties()
            .Select(p => (Property: p, Name: p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                .OfType<System.Text.Json.Serialization.JsonPropertyNameAttribute>().FirstOrDefault()?.Name))
            .Where(p => p.Name is not null).ToList();
        var required = properties.Where(p => p.Property.GetCustomAttributes(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false).Length > 0)
            .Select(p => p.Name!).ToHashSet(StringComparer.Ordinal);
        return (properties.Select(p => p.Name!).ToHashSet(StringComparer.Ordinal), required);
    }

    private static string? JweKid(string seal)
    {
        var header = seal.Split('.')[0];
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Jose.Base64Url.Decode(header)));
        return doc.RootElement.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String ? kid.GetString() : null;
    }
}

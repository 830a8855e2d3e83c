using System.Text;
using System.Text.Json;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// The relay's 200 answers as envelopes (AUTH-010) and the key it signs them with (DIR-008), read member by member from
/// two answers to lookups of a number nobody holds (outcome not-found, so no person is needed).
/// </summary>
public static class AnswerEnvelopeChecks
{
    /// <summary>AUTH-010: ES256, typ chukei-res+jwt, a relay kid; iss, aud, a lifetime of at most 120 s, a fresh jti, inResponseTo.</summary>
    public static async Task MembersAsync(RelaySession session, CheckContext check)
    {
        var first = await AnswerAsync(session, check, "answer-envelope-1");
        var second = await AnswerAsync(session, check, "answer-envelope-2");
        foreach (var (exchange, header, claims) in new[] { first, second })
        {
            check.Must(Text(header, "alg") == ProtocolConstants.SignatureAlgorithm && Text(header, "typ") == ProtocolConstants.ResponseType,
                $"the answer's header is alg '{Text(header, "alg")}', typ '{Text(header, "typ")}'; it must be {ProtocolConstants.SignatureAlgorithm}, {ProtocolConstants.ResponseType}");
            check.Must(Text(claims, "iss") == RelayId && Text(claims, "aud") == RequesterId,
                $"the answer says iss '{Text(claims, "iss")}', aud '{Text(claims, "aud")}'; it must be iss {RelayId}, aud the caller {RequesterId}");
            var lifetime = Number(claims, "exp") - Number(claims, "iat");
            check.Must(lifetime is > 0 and <= 120, $"the answer's exp − iat is {lifetime} s; it must be at most 120 s");
            check.Must(Text(claims, "inResponseTo") == exchange.RequestJti, $"the answer's inResponseTo is '{Text(claims, "inResponseTo")}', the request's jti '{exchange.RequestJti}'");
            check.Must(claims.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object, "the answer's claims carry no body record");
        }
        check.Must(Text(first.Claims, "jti") is { Length: > 0 } jti && jti != Text(second.Claims, "jti"), $"two answers carry the same jti '{Text(first.Claims, "jti")}'");
    }

    /// <summary>DIR-008: the relay signs with the first active signing key its directory lists, not a retired one (which verifiers would still accept).</summary>
    public static async Task FirstActiveKeyAsync(RelaySession session, CheckContext check)
    {
        var expected = session.World.Directory.Find(RelayId)!.Keys.First(k => k.Use == PublicJwk.UseSignature && k.Status == KeyStatus.Active).Kid;
        var (_, header, _) = await AnswerAsync(session, check, "first-active-key");
        check.Must(Text(header, "kid") == expected,
            $"the answer is signed under '{Text(header, "kid")}'; the relay's first active signing key in the directory is '{expected}'");
    }

    private static async Task<(RelayExchange Exchange, JsonElement Header, JsonElement Claims)> AnswerAsync(RelaySession session, CheckContext check, string caseName)
    {
        var unknown = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = RequesterInsurerNumber, InsuredNumber = "0000000001" } };
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(unknown, caseName));
        if (exchange.Status != 200) throw check.Unreachable($"a lookup of a number nobody holds was answered {exchange.Summary} (RLY-006 covers that)");
        var parts = exchange.Body.Trim().Split('.');
        check.Must(parts.Length == 3, "the 200 answer is not a compact JWS of three parts");
        return (exchange, Decode(check, parts[0], "header"), Decode(check, parts[1], "claims"));
    }

    private static JsonElement Decode(CheckContext check, string part, string what)
    {
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Jose.Base64Url.Decode(part)));
            return doc.RootElement.Clone();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            check.Must(false, $"the answer's {what} is not base64url JSON: {ex.Message}");
            throw;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : long.MinValue / 2;
}

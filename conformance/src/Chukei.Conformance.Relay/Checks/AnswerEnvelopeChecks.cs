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
            check.Must(JwsParts.Text(header, "alg") == ProtocolConstants.SignatureAlgorithm && JwsParts.Text(header, "typ") == ProtocolConstants.ResponseType,
                $"the answer's header is alg '{JwsParts.Text(header, "alg")}', typ '{JwsParts.Text(header, "typ")}'; it must be {ProtocolConstants.SignatureAlgorithm}, {ProtocolConstants.ResponseType}");
            check.Must(JwsParts.Text(claims, "iss") == RelayId && JwsParts.Text(claims, "aud") == RequesterId,
                $"the answer says iss '{JwsParts.Text(claims, "iss")}', aud '{JwsParts.Text(claims, "aud")}'; it must be iss {RelayId}, aud the caller {RequesterId}");
            var lifetime = JwsParts.Number(claims, "exp") - JwsParts.Number(claims, "iat");
            check.Must(lifetime is > 0 and <= 120, $"the answer's exp − iat is {lifetime} s; it must be at most 120 s");
            check.Must(JwsParts.Text(claims, "inResponseTo") == exchange.RequestJti, $"the answer's inResponseTo is '{JwsParts.Text(claims, "inResponseTo")}', the request's jti '{exchange.RequestJti}'");
            check.Must(claims.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object, "the answer's claims carry no body record");
        }
        check.Must(JwsParts.Text(first.Claims, "jti") is { Length: > 0 } jti && jti != JwsParts.Text(second.Claims, "jti"), $"two answers carry the same jti '{JwsParts.Text(first.Claims, "jti")}'");
    }

    /// <summary>DIR-008: the relay signs with the first active signing key its directory lists, not a retired one (which verifiers would still accept).</summary>
    public static async Task FirstActiveKeyAsync(RelaySession session, CheckContext check)
    {
        var expected = session.World.Directory.Find(RelayId)!.Keys.First(k => k.Use == PublicJwk.UseSignature && k.Status == KeyStatus.Active).Kid;
        var (_, header, _) = await AnswerAsync(session, check, "first-active-key");
        check.Must(JwsParts.Text(header, "kid") == expected,
            $"the answer is signed under '{JwsParts.Text(header, "kid")}'; the relay's first active signing key in the directory is '{expected}'");
    }

    /// <summary>
    /// DIR-008: the directory (DIR-010) and the latest checkpoint (LOG-020) are signed with the relay's first active
    /// signing key too; verifiers accept a retired key during its grace window, so only the header's kid shows it.
    /// </summary>
    public static async Task PublishedDocumentsFirstActiveKeyAsync(RelaySession session, CheckContext check)
    {
        var expected = session.World.Directory.Find(RelayId)!.Keys.First(k => k.Use == PublicJwk.UseSignature && k.Status == KeyStatus.Active).Kid;
        foreach (var (path, what) in new[] { ("v1/directory", "the directory"), ("v1/access-log/checkpoints/latest", "the latest checkpoint") })
        {
            var (status, _, body) = await session.World.GetAsync(path, check.Evidence);
            if (status != 200) throw check.Unreachable($"GET /{path} answered {status} (DIR-010 and LOG-020 cover that)");
            var parts = body.Trim().Split('.');
            if (parts.Length != 3) throw check.Unreachable($"{what} is not a compact JWS of three parts (DIR-010 and LOG-020 cover that)");
            var header = JwsParts.Decode(check, parts[0], what + "'s header");
            check.Must(JwsParts.Text(header, "kid") == expected,
                $"{what} is signed under '{JwsParts.Text(header, "kid")}'; the relay's first active signing key in the directory is '{expected}'");
        }
    }

    private static async Task<(RelayExchange Exchange, JsonElement Header, JsonElement Claims)> AnswerAsync(RelaySession session, CheckContext check, string caseName)
    {
        var unknown = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = RequesterInsurerNumber, InsuredNumber = "0000000001" } };
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(unknown, caseName));
        if (exchange.Status != 200) throw check.Unreachable($"a lookup of a number nobody holds was answered {exchange.Summary} (RLY-006 covers that)");
        var parts = exchange.Body.Trim().Split('.');
        check.Must(parts.Length == 3, "the 200 answer is not a compact JWS of three parts");
        return (exchange, JwsParts.Decode(check, parts[0], "answer's header"), JwsParts.Decode(check, parts[1], "answer's claims"));
    }
}

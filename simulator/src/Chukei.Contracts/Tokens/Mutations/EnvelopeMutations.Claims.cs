using System.Text.Json.Nodes;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;
using P = Chukei.Contracts.Problems.ProblemCodes;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>The claims, read once the signature verified: their form (AUTH-001), AUTH-006, AUTH-007 and AUTH-005.</summary>
public static partial class EnvelopeMutations
{
    private static IEnumerable<EnvelopeMutation> ClaimChecks() =>
    [
        // AUTH-001 (claims): a JSON object with iss, aud, iat, exp, jti and body of the right types. All validly signed.
        new("claims-not-json", P.AuthMalformed, "Validly signed claims that are not JSON ('{\"iss\":').")
        { Token = static (f, _) => Signed(f, Hdr(), "{\"iss\":") },
        new("claims-json-array", P.AuthMalformed, "Validly signed claims that are a JSON array, not an object.") { Token = static (f, _) => Signed(f, Hdr(), "[]") },
        new("claims-missing-jti", P.AuthMalformed, "The claims lack jti.") { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n.Remove("jti"))) },
        new("claims-missing-body", P.AuthMalformed, "The claims lack body.") { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n.Remove("body"))) },
        new("claims-aud-array", P.AuthMalformed, "aud is an array holding the target's id: RFC 7519 allows it, the profile requires a single string.")
        { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n["aud"] = new JsonArray(TargetId))) },
        new("claims-iat-string", P.AuthMalformed, "iat is the right time written as a JSON string instead of a number.")
        { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n["iat"] = c.IssuedAt.ToString(System.Globalization.CultureInfo.InvariantCulture))) },
        new("claims-body-not-object", P.AuthMalformed, "body is a JSON string instead of an object.")
        { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n["body"] = "hello")) },
        new("claims-duplicate-iss", P.AuthMalformed, "The claims repeat iss with the same value: a repeated member is never accepted (N18).")
        { Token = static (f, c) => Signed(f, Hdr(), JsonText.Prepend(Json(c), "\"iss\":" + JsonText.Quote(RequesterId))) },
        new("claims-too-deep", P.JsonTooDeep, "body nests objects 20 levels deep, beyond the 16 levels of ERR-004.")
        { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n["body"] = JsonNode.Parse(string.Concat(Enumerable.Repeat("{\"a\":", 20)) + "1" + new string('}', 20)))) },
        // ERR-004's boundary: the top-level object is level 1, so an unknown claim holding 15 nested arrays reaches level 16.
        new("claims-at-depth-16", null, "An unknown claim holds 15 nested arrays: the innermost is at level 16 (the claims object is level 1), the deepest allowed; unknown claims are ignored.")
        { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n["x-nested"] = NestedArrays(15))) },
        new("claims-at-depth-17", P.JsonTooDeep, "An unknown claim holds 16 nested arrays: the innermost is at level 17, one beyond ERR-004's 16 (the claims object is level 1).")
        { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n["x-nested"] = NestedArrays(16))) },

        // AUTH-006: iss is the owner of the signing key.
        new("iss-other-insurer", P.AuthIssuerMismatch, "Signed with the requester's own key, but iss claims kenpo-c.")
        { Claims = static (_, c) => c with { Issuer = OtherInsurerId } },
        new("iss-relay", P.AuthIssuerMismatch, "Signed with the requester's own key, but iss claims the relay.") { Claims = static (_, c) => c with { Issuer = RelayId } },
        new("iss-upper-case", P.AuthIssuerMismatch, "iss is the requester's id in upper case: party ids are compared byte for byte (ID-001).")
        { Claims = static (_, c) => c with { Issuer = RequesterId.ToUpperInvariant() } },

        // AUTH-007: aud is exactly the receiver's id.
        new("aud-other-insurer", P.AuthAudience, "Addressed to kenpo-c, delivered to the target.") { Claims = static (_, c) => c with { Audience = OtherInsurerId } },
        new("aud-relay", P.AuthAudience, "Addressed to the relay, delivered to the target.") { Claims = static (_, c) => c with { Audience = RelayId } },
        new("aud-upper-case", P.AuthAudience, "aud is the target's id in upper case.") { Claims = static (_, c) => c with { Audience = TargetId.ToUpperInvariant() } },
        new("aud-with-trailing-space", P.AuthAudience, "aud is the target's id followed by a space.") { Claims = static (_, c) => c with { Audience = TargetId + " " } },
        new("aud-wrong-and-expired", P.AuthAudience, "Addressed to kenpo-c and also expired: AUTH-007 (step 7) comes before AUTH-005 (step 8).")
        { Claims = static (f, c) => At(f, c, -300, -180) with { Audience = OtherInsurerId } },

        // AUTH-005: now < exp + 60 s, now >= iat - 60 s, exp - iat <= 120 s.
        new("expired", P.AuthExpired, "iat = now − 180 s, exp = now − 60 s: now is exactly exp + 60 s, the first refused second.")
        { Claims = static (f, c) => At(f, c, -180, -60) },
        new("expired-within-skew", null, "iat = now − 179 s, exp = now − 59 s: now is exp + 59 s, the last accepted second.")
        { Claims = static (f, c) => At(f, c, -179, -59) },
        new("not-yet-valid", P.AuthNotYetValid, "iat = now + 61 s (exp = iat + 120 s): one second beyond the skew allowance.")
        { Claims = static (f, c) => At(f, c, 61, 181) },
        new("iat-future-at-skew-limit", null, "iat = now + 60 s (exp = iat + 120 s): exactly at the skew allowance, accepted.")
        { Claims = static (f, c) => At(f, c, 60, 180) },
        new("lifetime-121s", P.AuthExpired, "iat = now, exp = now + 121 s: a lifetime one second over the 120 s maximum is auth-expired.")
        { Claims = static (f, c) => At(f, c, 0, 121) },
        new("lifetime-one-day", P.AuthExpired, "iat = now, exp = now + 1 day: a long-lived token stolen once could be replayed all day.")
        { Claims = static (f, c) => At(f, c, 0, 86_400) },
        new("expired-and-wrong-target", P.AuthExpired, "Expired and signed for /v1/lookups: AUTH-005 (step 8) comes before AUTH-009 (step 9).")
        { Claims = static (f, c) => At(f, c, -180, -60) with { Path = "/v1/lookups" } },
    ];

    /// <summary><paramref name="count"/> arrays nested in one another, the innermost empty.</summary>
    private static JsonNode NestedArrays(int count) => JsonNode.Parse(new string('[', count) + new string(']', count))!;
}

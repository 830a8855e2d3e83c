using System.Globalization;
using System.Text.Json.Nodes;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;
using P = Chukei.Contracts.Problems.ProblemCodes;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>The claims, all validly signed by the relay's current key: INS-022 … INS-031.</summary>
public static partial class SealMutations
{
    private const long Skew = 60;
    private const long Lifetime = 300;

    private static IEnumerable<SealMutation> ClaimChecks() =>
    [
        // INS-022: well-formed claims of the right types, no duplicates.
        new("claims-duplicate-aud", P.SealClaims,
            "The claims carry aud twice, both times this target: every lenient reading accepts the seal, so only duplicate detection refuses it.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(JsonText.Prepend(Json(c), "\"aud\":" + JsonText.Quote(TargetId)))) },
        new("claims-aud-array", P.SealClaims,
            "aud is an array containing this target. RFC 7519 allows arrays, but the seal profile fixes aud as one string (exactly one audience), so this is a type error.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(EditClaims(c, o => o["aud"] = new JsonArray(TargetId)))) },
        new("claims-missing-aud", P.SealClaims, "The claims have no aud (N9).")
        { Token = static (f, c) => f.Encrypt(f.SignInner(EditClaims(c, o => o.Remove("aud")))) },
        new("claims-missing-jti", P.SealClaims, "The claims have no jti, so replay could not be detected.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(EditClaims(c, o => o.Remove("jti")))) },
        new("claims-exp-string", P.SealClaims, "exp is the string form of the number: NumericDate must be a JSON number.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(EditClaims(c, o => o["exp"] = c.Expires.ToString(CultureInfo.InvariantCulture)))) },
        new("claims-routed-string", P.SealClaims, "routed is the string \"false\": it must be a JSON boolean.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(EditClaims(c, o => o["routed"] = "false"))) },
        new("claims-too-deep", P.SealClaims, "An unknown claim holds 16 nested arrays, putting the innermost at level 17: claims nest at most 16 levels, ignored members included (N21).")
        { Token = static (f, c) => f.Encrypt(f.SignInner(JsonText.Prepend(Json(c), "\"x\":" + new string('[', 16) + new string(']', 16)))) },
        new("claims-not-object", P.SealClaims, "The signed payload is a JSON array holding the claims object.")
        { Token = static (f, c) => f.Encrypt(f.SignInner("[" + Json(c) + "]")) },
        new("claims-not-json", P.SealClaims, "The signed payload is not JSON at all.")
        { Token = static (f, c) => f.Encrypt(f.SignInner("iss=" + c.Issuer + "&aud=" + c.Audience)) },

        // INS-023, INS-024: from the relay, for this target.
        new("iss-not-relay", P.SealIssuer, "Signed by the relay's key, but iss names another issuer.")
        { Claims = static (_, c) => c with { Issuer = "evil-relay.chukei.test" } },
        new("aud-other-insurer", P.SealAudience,
            "A seal whose aud is another insurer, encrypted to this target: a seal issued for one insurer must not open at another.")
        { Claims = static (_, c) => c with { Audience = OtherInsurerId } },

        // INS-025 … INS-027: inside the validity window, with 60 s of clock skew.
        new("expired-at-skew-limit", P.SealExpired, "Presented at exp + 60 s: now < exp + 60 s no longer holds (boundary).")
        { Claims = static (f, c) => Window(c, f.NowSeconds - Skew - Lifetime, Lifetime) },
        new("expired-within-skew", null, "Presented at exp + 59 s: expired, but inside the 60 s skew allowance, so accepted (boundary).")
        { Claims = static (f, c) => Window(c, f.NowSeconds - Skew + 1 - Lifetime, Lifetime) },
        new("nbf-future-beyond-skew", P.SealNotYetValid, "nbf is 61 s after now (iat is now): now ≥ nbf − 60 s fails by one second.")
        { Claims = static (f, c) => c with { NotBefore = f.NowSeconds + Skew + 1 } },
        new("iat-future-beyond-skew", P.SealNotYetValid, "iat and nbf are 61 s after now: issued in the future.")
        { Claims = static (f, c) => Window(c, f.NowSeconds + Skew + 1, Lifetime) },
        new("iat-future-at-skew-limit", null, "iat and nbf are exactly 60 s after now: now ≥ iat − 60 s holds, so accepted (boundary).")
        { Claims = static (f, c) => Window(c, f.NowSeconds + Skew, Lifetime) },
        new("lifetime-over-maximum", P.SealLifetime, "exp is 301 s after iat: one second over the 5-minute maximum (SEAL-007).")
        { Claims = static (f, c) => Window(c, f.NowSeconds, Lifetime + 1) },
        new("exp-before-nbf", P.SealLifetime, "nbf is 30 s after now and exp 20 s after now: an empty validity window, both ends inside the skew allowance.")
        { Claims = static (f, c) => c with { NotBefore = f.NowSeconds + 30, Expires = f.NowSeconds + 20 } },

        // INS-028: a jti is accepted once.
        new("replayed", P.SealReplayed,
            "The valid seal presented twice by its requester: the first presentation is accepted, the second refused.")
        { PresentedBefore = [RequesterId] },
        new("replayed-by-another-party", P.SealReplayed,
            "The valid seal accepted once for its requester, then presented by another insurer: the replay check runs before the requester check (N8).")
        { PresentedBefore = [RequesterId], Caller = OtherInsurerId },

        // INS-029: presented by the requester it was sealed for (or by the relay, forwarding a routed seal).
        new("caller-not-requester", P.SealRequesterMismatch, "A valid seal for the requester, presented by another insurer (a stolen seal).")
        { Caller = OtherInsurerId },
        new("relay-presents-unrouted-seal", P.SealRequesterMismatch, "A valid direct-mode seal (routed false) presented by the relay itself.")
        { Caller = RelayId },
        new("relay-presents-routed-seal", null, "A routed seal (routed true) presented by the relay, forwarding for the requester (RLY-020): accepted.")
        { Caller = RelayId, Claims = static (_, c) => c with { Routed = true } },

        // INS-030: the purpose is allowed for the requester's role.
        new("purpose-not-allowed-for-role", P.PurposeNotAllowed,
            "Purpose childbirth-lump-sum, which only medical insurers may use, sealed for an LTC insurer (asking for eligibility only).")
        { Claims = static (_, c) => c with { Purpose = Purposes.ChildbirthLumpSum }, Items = [DataItems.Eligibility] },
        new("purpose-unknown", P.PurposeNotAllowed, "A purpose code the protocol does not define.")
        { Claims = static (_, c) => c with { Purpose = "marketing" }, Items = [DataItems.Eligibility] },

        // INS-031: only items the purpose allows, and at least one.
        new("item-not-allowed-for-purpose", P.ItemsNotAllowed, "Purpose eligibility-check, but the inquiry also asks for benefits, which that purpose does not disclose.")
        { Claims = static (_, c) => c with { Purpose = Purposes.EligibilityCheck } },
        new("item-unknown", P.ItemsNotAllowed, "The inquiry asks for an item the protocol does not define.")
        { Items = [DataItems.Eligibility, "medical-history"], HttpExpectedCode = P.InvalidField },
        new("no-items", P.ItemsNotAllowed, "The inquiry asks for no item at all.")
        { Items = [], HttpExpectedCode = P.InvalidField },

        // INS-010: two flaws at once; the first check in the order listed decides, and no later one runs.
        new("expired-and-presented-by-another-insurer", P.SealExpired,
            "Expired beyond the skew (INS-025) and presented by another insurer (INS-029): the validity window comes first.")
        { Claims = static (f, c) => Window(c, f.NowSeconds - Skew - Lifetime, Lifetime), Caller = OtherInsurerId },
        new("aud-other-insurer-and-expired", P.SealAudience,
            "Addressed to another insurer (INS-024) and expired beyond the skew (INS-025): the audience comes first.")
        { Claims = static (f, c) => Window(c with { Audience = OtherInsurerId }, f.NowSeconds - Skew - Lifetime, Lifetime) },
    ];

    /// <summary>Claims valid from <paramref name="issuedAt"/> (iat = nbf) for <paramref name="lifetime"/> seconds.</summary>
    private static SealClaims Window(SealClaims c, long issuedAt, long lifetime) =>
        c with { IssuedAt = issuedAt, NotBefore = issuedAt, Expires = issuedAt + lifetime };
}

using System.Security.Cryptography;
using System.Text;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;
using P = Chukei.Contracts.Problems.ProblemCodes;
using T = Chukei.Contracts.Tokens.Mutations.TokenSurgery;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>The signing key and the signature: AUTH-003 (unknown kid), AUTH-004, then AUTH-003 (signature, step 5).</summary>
public static partial class EnvelopeMutations
{
    private static IEnumerable<EnvelopeMutation> KeyChecks() =>
    [
        // AUTH-003: the kid names a signing key in the directory.
        new("kid-absent", P.AuthKeyUnknown, "The header has no kid; the signature is the requester's valid one.")
        { Token = static (f, c) => Signed(f, Hdr(kid: null), Json(c)) },
        new("kid-not-a-string", P.AuthKeyUnknown, "The header's kid is the number 1, which names no key.")
        { Token = static (f, c) => Signed(f, Hdr(kid: null, extra: ("kid", 1)), Json(c)) },
        new("kid-not-in-directory", P.AuthKeyUnknown, "Signed by the attacker under its own kid, which no directory lists; iss still claims the requester.")
        { Token = static (f, c) => Signed(f, Hdr(kid: AttackerKid), Json(c), AttackerKid) },
        new("kid-encryption-key", P.AuthKeyUnknown,
            "Signed (ES256) with the requester's encryption key under that key's kid: the kid exists, but not with use sig.")
        { Token = static (f, c) => Signed(f, Hdr(kid: RequesterEncryptionKid), Json(c), RequesterEncryptionKid) },
        new("kid-upper-case", P.AuthKeyUnknown, "The requester's kid in upper case over its valid signature: kids are compared byte for byte.")
        { Token = static (f, c) => Signed(f, Hdr(kid: RequesterSigningKid.ToUpperInvariant()), Json(c)) },

        // AUTH-004: not a revoked key, not a revoked party; retired is fine. Checked before the signature.
        new("revoked-key", P.AuthKeyRevoked, "The relay calls the target (as in routed mode) signing with its revoked key; iss is the relay.")
        { Claims = static (_, c) => c with { Issuer = RelayId }, Token = static (f, c) => Signed(f, Hdr(kid: RelayRevokedKid), Json(c), RelayRevokedKid) },
        new("revoked-key-bad-signature", P.AuthKeyRevoked,
            "Under the relay's revoked kid but signed by the attacker: AUTH-004 (step 4) refuses it before the signature is verified (step 5).")
        { Claims = static (_, c) => c with { Issuer = RelayId }, Token = static (f, c) => Signed(f, Hdr(kid: RelayRevokedKid), Json(c), AttackerKid) },
        new("revoked-party", P.AuthKeyRevoked,
            "Signed by kenpo-d with its own key, whose status is active; the directory marks the party kenpo-d revoked (DIR-006).")
        { Claims = static (_, c) => c with { Issuer = RevokedInsurerId }, Token = static (f, c) => Signed(f, Hdr(kid: RevokedInsurerSigningKid), Json(c), RevokedInsurerSigningKid) },
        new("retired-key", null, "The relay calls the target signing with its retired key, iss the relay: a retired key is still accepted.")
        { Claims = static (_, c) => c with { Issuer = RelayId }, Token = static (f, c) => Signed(f, Hdr(kid: RelayRetiredKid), Json(c), RelayRetiredKid) },

        // AUTH-003 (step 5): the ES256 signature, 64-byte R||S, verifies under the kid's key.
        new("signature-attacker-key", P.AuthSignatureInvalid, "The requester's kid, but signed by the attacker's key.")
        { Token = static (f, c) => Signed(f, Hdr(), Json(c), AttackerKid) },
        new("signature-other-party-key", P.AuthSignatureInvalid,
            "The requester's kid, but signed by another party of the directory (kenpo-c) with its own valid key.")
        { Token = static (f, c) => Signed(f, Hdr(), Json(c), OtherSigningKid) },
        new("signature-zero", P.AuthSignatureInvalid, "A signature of 64 zero bytes (r = s = 0), which a verifier skipping the range check of r and s may accept.")
        { Token = static (_, c) => JwsCrafter.WithSignature(Hdr(), Json(c), new byte[64]) },
        new("signature-der", P.AuthSignatureInvalid, "A valid ECDSA signature by the requester's key, DER-encoded instead of the 64-byte R||S form of RFC 7518 §3.4.")
        { Token = static (f, c) => JwsCrafter.Ecdsa(Hdr(), Json(c), f.Signer(RequesterSigningKid), DSASignatureFormat.Rfc3279DerSequence) },
        new("signature-truncated", P.AuthSignatureInvalid, "The valid signature cut to its first 32 bytes (R alone).")
        { Token = static (f, c) => T.TruncatePart(SignRequest(f, c), JwsSignature, 32) },
        new("signature-empty", P.AuthSignatureInvalid, "alg ES256 with an empty signature part.")
        { Token = static (_, c) => JwsCrafter.WithSignature(Hdr(), Json(c), []) },
        new("claims-edited-after-signing", P.AuthSignatureInvalid, "Validly signed, then the payload was replaced by one asking for eligibility only.")
        {
            Token = static (f, c) => T.ReplacePart(SignRequest(f, c), JwsPayload,
                Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(EditClaims(c, n => n["body"]!["items"] = new System.Text.Json.Nodes.JsonArray("eligibility"))))),
        },
        new("header-reencoded-after-signing", P.AuthSignatureInvalid,
            "Validly signed, then the header part was re-encoded from the same members with spaces: the signing input is the header part as received, not its meaning.")
        { Token = static (f, c) => T.ReplaceHeaderJson(SignRequest(f, c), Hdr().Replace(",", ", ", StringComparison.Ordinal)) },
        new("claims-not-json-bad-signature", P.AuthSignatureInvalid,
            "Claims that are not JSON, under the requester's kid but signed by the attacker: the signature is verified (step 5) before the claims are read.")
        { Token = static (f, _) => Signed(f, Hdr(), "{\"iss\":", AttackerKid) },
    ];
}

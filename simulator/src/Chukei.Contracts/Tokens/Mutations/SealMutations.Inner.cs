using System.Security.Cryptography;
using System.Text;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;
using P = Chukei.Contracts.Problems.ProblemCodes;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>The inner JWS: INS-016 … INS-021, and the inner header's part of INS-012 (checked after decryption).</summary>
public static partial class SealMutations
{
    private static IEnumerable<SealMutation> InnerChecks() =>
    [
        // INS-012 (inner): no forbidden or repeated JWS header member.
        new("jws-header-jwk", P.SealHeaderForbidden,
            "The inner JWS is signed by the attacker and embeds the attacker's public key (jwk) under the relay's kid: a verifier trusting embedded keys accepts it.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(extra: ("jwk", AttackerJwk(f))), Json(c), f.Signer(AttackerKid))) },
        new("jws-header-jku", P.SealHeaderForbidden,
            "The inner JWS is signed by the attacker and points to the attacker's key set URL (jku) under the relay's kid.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(extra: ("jku", "https://attacker.example/jwks.json")), Json(c), f.Signer(AttackerKid))) },
        new("jws-header-x5c", P.SealHeaderForbidden, "The inner JWS is signed by the attacker and carries a certificate chain (x5c) under the relay's kid.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(extra: ("x5c", FakeCertificateChain)), Json(c), f.Signer(AttackerKid))) },
        new("jws-header-crit", P.SealHeaderForbidden, "The relay-signed inner JWS declares a critical extension (crit) the profile does not define.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(extra: [("crit", UnknownCritical), ("chukei-ext", true)]), Json(c), f.Signer(RelaySigningKid))) },
        new("jws-header-duplicate-member", P.SealHeaderForbidden,
            "The relay-signed inner JWS header repeats kid with the same value: every lenient reading verifies, so only duplicate detection refuses it.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(extra: ("kid", RelaySigningKid)), Json(c), f.Signer(RelaySigningKid))) },

        // INS-016: the plaintext is a compact JWS, announced by cty JWT.
        new("encrypt-only", P.SealNotNested, "A JWE with the profile's algorithms and cty JWT whose plaintext is the bare claims JSON: encrypted but never signed.")
        { Token = static (f, c) => f.Encrypt(Json(c)) },
        new("cty-missing", P.SealNotNested, "A valid nested seal whose JWE header lacks cty: the nesting must be announced (RFC 7519 §5.2).")
        { Token = static (f, c) => LibraryJwe(f, f.SignInner(c), Jose.JweAlgorithm.ECDH_ES_A256KW, null, ("kid", TargetEncryptionKid)) },
        new("inner-header-not-json", P.SealNotNested, "The plaintext has three base64url parts, but its header decodes to 'not json'.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa("not json", Json(c), f.Signer(RelaySigningKid))) },
        new("inner-header-impossible-base64url-length", P.SealNotNested,
            "The plaintext has three parts, but its header part is 4k+1 characters long, which no byte string encodes to.")
        {
            Token = static (f, c) => f.SignInner(c).Split('.') is var p
                ? f.Encrypt(string.Join('.', ImpossibleLength(p[0]), p[1], p[2])) : "",
        },

        // INS-017: ES256 only.
        new("alg-none", P.SealSignatureAlgorithm, "An unsigned inner JWT: alg none and an empty signature part.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.WithSignature(Hdr(alg: "none"), Json(c), [])) },
        new("alg-none-capitalised", P.SealSignatureAlgorithm, "alg \"None\": case variants of none slipped past blocklists before.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.WithSignature(Hdr(alg: "None"), Json(c), [])) },
        new("alg-none-uppercase", P.SealSignatureAlgorithm, "alg \"NONE\".")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.WithSignature(Hdr(alg: "NONE"), Json(c), [])) },
        new("alg-hs256-relay-public-key", P.SealSignatureAlgorithm,
            "HS256 with the relay's public key (uncompressed point 04||X||Y) as the HMAC secret: the key-confusion attack on verifiers that let the token choose the algorithm.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Hs256(Hdr(alg: "HS256"), Json(c), RelayPublicPoint(f))) },
        new("alg-es384", P.SealSignatureAlgorithm, "ES384, signed by a P-384 key under the relay's kid: only ES256 is allowed.")
        { Token = static (f, c) => Es384(f, c) },

        // INS-018: typ chukei-seal+jwt.
        new("typ-jwt", P.SealType, "The relay-signed inner JWS says typ JWT: without explicit typing any relay-signed JWT could pass as a seal.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(typ: "JWT"), Json(c), f.Signer(RelaySigningKid))) },
        new("typ-missing", P.SealType, "The relay-signed inner JWS has no typ.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(typ: null), Json(c), f.Signer(RelaySigningKid))) },
        new("typ-directory", P.SealType, "The relay-signed inner JWS is typed as the relay's signed directory (chukei-dir+jwt): cross-JWT confusion (N19).")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(typ: ProtocolConstants.DirectoryType), Json(c), f.Signer(RelaySigningKid))) },
        new("typ-request-envelope", P.SealType, "The relay-signed inner JWS is typed as a request envelope (chukei-req+jwt): cross-JWT confusion.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(typ: ProtocolConstants.RequestType), Json(c), f.Signer(RelaySigningKid))) },

        // INS-019: kid names a signing key of the relay in the directory.
        new("kid-unknown", P.SealKeyUnknown, "Signed by the attacker's key under the attacker's own kid, which no directory lists.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(kid: AttackerKid), Json(c), f.Signer(AttackerKid))) },
        new("kid-path-traversal", P.SealKeyUnknown,
            "Signed by the relay's current key, but the kid is '../../../' + its kid: kids are opaque strings matched exactly, never paths to normalise.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(kid: "../../../" + RelaySigningKid), Json(c), f.Signer(RelaySigningKid))) },
        new("kid-sql-injection", P.SealKeyUnknown, "Signed by the relay's current key, but the kid is its kid followed by a SQL injection: matched exactly, never interpolated.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(kid: RelaySigningKid + "' OR '1'='1"), Json(c), f.Signer(RelaySigningKid))) },
        new("kid-missing", P.SealKeyUnknown, "Signed by the relay's current key with no kid: the verifier must not try keys until one fits.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(kid: null), Json(c), f.Signer(RelaySigningKid))) },
        new("kid-of-requester", P.SealKeyUnknown,
            "Forged by the requester with its own directory signing key under its own kid: a known key, but not the relay's.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(kid: RequesterSigningKid), Json(c), f.Signer(RequesterSigningKid))) },

        // INS-020: the relay key is not revoked (retired keys are still accepted).
        new("revoked-relay-key", P.SealKeyRevoked, "Validly signed by the relay's revoked key under its kid.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(Json(c), RelayRevokedKid)) },
        new("retired-relay-key", null, "Validly signed by the relay's retired key under its kid: retired keys are still accepted (DIR-005).")
        { Token = static (f, c) => f.Encrypt(f.SignInner(Json(c), RelayRetiredKid)) },

        // INS-021: the signature verifies.
        new("attacker-key-under-relay-kid", P.SealSignatureInvalid, "Signed by the attacker's key under the relay's current kid.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(), Json(c), f.Signer(AttackerKid))) },
        new("signature-all-zero", P.SealSignatureInvalid,
            "ES256 signature of 64 zero bytes (r = s = 0), which a verifier that skips the 0 < r, s < n range check accepts for every message (CVE-2022-21449).")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.WithSignature(Hdr(), Json(c), new byte[64])) },
        new("signature-r-s-equal-order", P.SealSignatureInvalid,
            "r = s = n, the order of P-256: out of range, and 0 modulo n, so a verifier that reduces instead of range-checking is back at r = s = 0.")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.WithSignature(Hdr(), Json(c), [.. CurveOrder, .. CurveOrder])) },
        new("signature-der", P.SealSignatureInvalid,
            "The relay's genuine signature, but DER-encoded (as X.509 and most crypto APIs emit it) instead of the 64-byte R||S JWS requires (RFC 7518 §3.4).")
        { Token = static (f, c) => f.Encrypt(JwsCrafter.Ecdsa(Hdr(), Json(c), f.Signer(RelaySigningKid), DSASignatureFormat.Rfc3279DerSequence)) },
        new("payload-swapped-after-signing", P.SealSignatureInvalid,
            "The relay signed the seal for the requester; the payload was then replaced by the same claims naming another insurer as requester, which presents it.")
        {
            Caller = OtherInsurerId,
            Token = static (f, c) => f.SignInner(c).Split('.') is var p
                ? f.Encrypt(string.Join('.', p[0], Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(Json(c with { Requester = OtherInsurerId }))), p[2])) : "",
        },
    ];

    private static readonly byte[] CurveOrder = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    /// <summary>Not a real certificate: the header must be refused for carrying x5c at all, whatever it holds.</summary>
    private static readonly string[] FakeCertificateChain = ["MIIBszCCAVmgAwIBAgIUAttacker"];

    /// <summary>The relay's public key as an uncompressed SEC1 point, the "public key bytes" an HMAC key-confusion attack uses.</summary>
    private static byte[] RelayPublicPoint(SealFixture f) =>
        f.Key(RelaySigningKid).Parameters.Q is var q ? [0x04, .. q.X!, .. q.Y!] : [];

    private static string Es384(SealFixture f, SealClaims c)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return f.Encrypt(JwsCrafter.Ecdsa(Hdr(alg: "ES384"), Json(c), key));
    }
}

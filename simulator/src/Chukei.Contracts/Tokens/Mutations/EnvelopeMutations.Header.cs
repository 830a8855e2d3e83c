using System.Security.Cryptography;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;
using P = Chukei.Contracts.Problems.ProblemCodes;
using T = Chukei.Contracts.Tokens.Mutations.TokenSurgery;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>The token's form and protected header: AUTH-001 (the JWS part) and AUTH-002.</summary>
public static partial class EnvelopeMutations
{
    private const int JwsPayload = 1;
    private const int JwsSignature = 2;

    private static readonly string[] FakeCertificateChain = ["MIIBkTCCATegAwIBAgIUAttacker"];
    private static readonly string[] UnknownCritical = ["chukei-ext"];

    private static IEnumerable<EnvelopeMutation> FormChecks() =>
    [
        // AUTH-001: a compact JWS of three base64url parts within 65 536 characters (the body limit), whose header is a JSON object.
        new("empty-token", P.AuthMalformed, "An empty body instead of an envelope.") { Token = static (_, _) => "" },
        new("garbage", P.AuthMalformed, "Text that is no JOSE serialization at all.") { Token = static (_, _) => "this is not an envelope" },
        new("signature-part-missing", P.AuthMalformed, "The valid envelope without its signature part: two parts, not three.")
        { Token = static (f, c) => SignRequest(f, c) is var t ? t[..t.LastIndexOf('.')] : "" },
        new("extra-part", P.AuthMalformed, "The valid envelope with a fourth part appended.")
        { Token = static (f, c) => SignRequest(f, c) + ".AAAA" },
        new("base64-padding", P.AuthMalformed, "The valid envelope with '=' padding on its signature part; base64url in compact serialization never has padding (RFC 7515 §2).")
        { Token = static (f, c) => SignRequest(f, c) + "==" },
        new("json-serialization", P.AuthMalformed, "The valid envelope in the flattened JWS JSON serialization instead of the compact one.")
        {
            Token = static (f, c) => SignRequest(f, c).Split('.') is var p ? JsonText.Members(("protected", p[0]), ("payload", p[1]), ("signature", p[2])) : "",
        },
        new("oversized", P.AuthMalformed,
            "A correctly signed envelope longer than 65 536 characters (its body carries a 64 KiB padding member): refused by size before any parsing. Over HTTP the body limit of ERR-003 refuses it first, with body-too-large.")
        { Token = static (f, c) => Signed(f, Hdr(), EditClaims(c, n => n["body"]!["padding"] = new string('x', ProtocolConstants.MaxRequestLength))) },
        new("header-not-json", P.AuthMalformed, "Three base64url parts, but the signed protected header decodes to 'not json'.")
        { Token = static (f, c) => Signed(f, "not json", Json(c)) },
        new("header-json-array", P.AuthMalformed, "The signed protected header is a JSON array, not an object.")
        { Token = static (f, c) => Signed(f, "[\"ES256\",\"chukei-req+jwt\"]", Json(c)) },
        new("header-impossible-base64url-length", P.AuthMalformed,
            "The header part padded with 'A' to a length of 4k+1 characters, which no byte string encodes to: not base64url.")
        { Token = static (f, c) => SignRequest(f, c) is var t ? T.ReplacePart(t, T.Header, SealMutations.ImpossibleLength(T.Part(t, T.Header))) : "" },
    ];

    private static IEnumerable<EnvelopeMutation> HeaderChecks() =>
    [
        // AUTH-002: no repeated or forbidden member, alg exactly ES256, typ exactly chukei-req+jwt. Signatures are valid,
        // so only the header check refuses these.
        new("header-duplicate-kid", P.AuthAlgorithm, "The header repeats kid with the same value; the signature is valid. Only duplicate detection refuses it.")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("kid", RequesterSigningKid)), Json(c)) },
        new("header-jwk", P.AuthAlgorithm,
            "The header embeds the attacker's public key (jwk) and the attacker signed with it: a verifier that trusts embedded keys accepts the attacker as the requester.")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("jwk", JweAssembler.Epk(f.Key(AttackerKid).Parameters, ProtocolConstants.Curve))), Json(c), AttackerKid) },
        new("header-jku", P.AuthAlgorithm, "The header points to a key set URL (jku). Keys come from the directory only.")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("jku", "https://attacker.example/jwks.json")), Json(c)) },
        new("header-x5u", P.AuthAlgorithm, "The header points to a certificate URL (x5u).")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("x5u", "https://attacker.example/cert.pem")), Json(c)) },
        new("header-x5c", P.AuthAlgorithm, "The header carries a certificate chain (x5c).")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("x5c", FakeCertificateChain)), Json(c)) },
        new("header-x5t", P.AuthAlgorithm, "The header carries a certificate SHA-1 thumbprint (x5t).")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("x5t", "dGhpcy1pcy1ub3QtYS10aHVtYnByaW50")), Json(c)) },
        new("header-x5t-s256", P.AuthAlgorithm, "The header carries a certificate SHA-256 thumbprint (x5t#S256).")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("x5t#S256", "dGhpcy1pcy1ub3QtYS1zaGEyNTYtdGh1bWJwcmludA")), Json(c)) },
        new("header-crit", P.AuthAlgorithm, "The header declares a critical extension (crit) the profile does not define.")
        { Token = static (f, c) => Signed(f, Hdr(extra: [("crit", UnknownCritical), ("chukei-ext", true)]), Json(c)) },
        new("header-zip", P.AuthAlgorithm, "The header carries zip DEF (compression is a JWE feature and banned everywhere in the profile).")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("zip", "DEF")), Json(c)) },
        new("header-b64", P.AuthAlgorithm, "The header carries b64 false (RFC 7797 unencoded payload); the payload part is still base64url.")
        { Token = static (f, c) => Signed(f, Hdr(extra: ("b64", false)), Json(c)) },
        new("alg-none", P.AuthAlgorithm, "alg none with an empty signature part: an unsigned envelope.")
        { Token = static (_, c) => JwsCrafter.WithSignature(Hdr(alg: "none"), Json(c), []) },
        new("alg-none-capitalised", P.AuthAlgorithm, "alg None with an empty signature part; a case-insensitive blocklist of 'none' misses it.")
        { Token = static (_, c) => JwsCrafter.WithSignature(Hdr(alg: "None"), Json(c), []) },
        new("alg-hs256-public-key", P.AuthAlgorithm,
            "alg HS256, the HMAC key being the UTF-8 bytes of the requester's public JWK exactly as the directory publishes it (key confusion): anyone can compute it.")
        { Token = static (f, c) => JwsCrafter.Hs256(Hdr(alg: "HS256"), Json(c), System.Text.Encoding.UTF8.GetBytes(Chukei.Contracts.Json.ProtocolJson.Serialize(f.Key(RequesterSigningKid).PublicJwk))) },
        new("alg-es384", P.AuthAlgorithm, "alg ES384, correctly signed with a throwaway P-384 key: only ES256 is allowed.")
        {
            Token = static (_, c) =>
            {
                using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
                return JwsCrafter.Ecdsa(Hdr(alg: "ES384"), Json(c), p384);
            },
        },
        new("alg-lowercase", P.AuthAlgorithm, "alg es256 (lower case) over a valid ES256 signature: the comparison is exact.")
        { Token = static (f, c) => Signed(f, Hdr(alg: "es256"), Json(c)) },
        new("alg-absent", P.AuthAlgorithm, "The header has no alg; the signature is a valid ES256 one.")
        { Token = static (f, c) => Signed(f, Hdr(alg: null), Json(c)) },
        new("typ-absent", P.AuthAlgorithm, "The header has no typ; explicit typing is required (RFC 8725 §3.11).")
        { Token = static (f, c) => Signed(f, Hdr(typ: null), Json(c)) },
        new("typ-jwt", P.AuthAlgorithm, "typ JWT instead of chukei-req+jwt.")
        { Token = static (f, c) => Signed(f, Hdr(typ: "JWT"), Json(c)) },
        new("typ-response", P.AuthAlgorithm, "typ chukei-res+jwt on a request: a response envelope must never pass as a request.")
        { Token = static (f, c) => Signed(f, Hdr(typ: ProtocolConstants.ResponseType), Json(c)) },
        new("typ-seal", P.AuthAlgorithm, "typ chukei-seal+jwt: the relay's seal type, never an envelope's.")
        { Token = static (f, c) => Signed(f, Hdr(typ: ProtocolConstants.SealType), Json(c)) },
        new("typ-media-type-form", P.AuthAlgorithm,
            "typ application/chukei-req+jwt: RFC 7515 lets a generic JOSE library treat it as chukei-req+jwt, but the profile compares typ exactly.")
        { Token = static (f, c) => Signed(f, Hdr(typ: "application/" + ProtocolConstants.RequestType), Json(c)) },
        new("typ-upper-case", P.AuthAlgorithm, "typ CHUKEI-REQ+JWT: the comparison is exact, not case-insensitive.")
        { Token = static (f, c) => Signed(f, Hdr(typ: ProtocolConstants.RequestType.ToUpperInvariant()), Json(c)) },
    ];
}

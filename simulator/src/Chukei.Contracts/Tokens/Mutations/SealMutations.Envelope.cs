using System.Security.Cryptography;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;
using P = Chukei.Contracts.Problems.ProblemCodes;
using T = Chukei.Contracts.Tokens.Mutations.TokenSurgery;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>The JWE layer: INS-011 … INS-015 (and the JWE header's part of INS-012).</summary>
public static partial class SealMutations
{
    private static IEnumerable<SealMutation> EnvelopeChecks() =>
    [
        // INS-011: a compact JWE of five base64url parts within the size limit.
        new("empty-token", P.SealMalformed, "An empty string instead of a seal.") { Token = static (_, _) => "", HttpExpectedCode = P.InvalidField },
        new("garbage", P.SealMalformed, "Text that is no JOSE serialization at all.") { Token = static (_, _) => "this is not a seal" },
        new("plain-jws-not-encrypted", P.SealMalformed,
            "The relay's valid inner JWS alone, without the JWE around it: three parts, not five (sign-then-encrypt, SEAL-001).") { Token = static (f, c) => f.SignInner(c) },
        new("nested-order-swapped", P.SealMalformed,
            "Encrypt-then-sign: a valid seal JWE used as the payload of a JWS signed by the relay's key. Three parts, so not a compact JWE.")
        { Token = static (f, c) => JwsCrafter.Ecdsa(Hdr(), f.Seal(c), f.Signer(RelaySigningKid)) },
        new("truncated-token", P.SealMalformed, "A valid seal cut in half (inside the ciphertext part), leaving four parts.")
        { Token = static (f, c) => f.Seal(c) is var t ? t[..(t.Length / 2)] : "" },
        new("oversized-token", P.SealMalformed,
            "A correctly signed and encrypted seal longer than 16 KiB (its txn claim is padded): refused by size before any parsing.")
        { Claims = static (_, c) => c with { LogEntryId = new string('L', ProtocolConstants.MaxTokenLength) } },
        new("base64-padding", P.SealMalformed, "A valid seal whose tag part carries '=' padding, which base64url in compact serialization never has (RFC 7515 §2).")
        { Token = static (f, c) => f.Seal(c) + "==" },
        new("json-serialization", P.SealMalformed, "The valid seal in the flattened JWE JSON serialization instead of the compact one.")
        {
            Token = static (f, c) => f.Seal(c).Split('.') is var p
                ? JsonText.Members(("protected", p[0]), ("encrypted_key", p[1]), ("iv", p[2]), ("ciphertext", p[3]), ("tag", p[4])) : "",
        },
        new("header-not-json", P.SealMalformed, "Five base64url parts, but the protected header decodes to 'not json'.")
        { Token = static (f, c) => T.ReplaceHeaderJson(f.Seal(c), "not json") },
        new("header-impossible-base64url-length", P.SealMalformed,
            "The protected header part padded with 'A' to a length of 4k+1 characters, which no byte string encodes to: not base64url.")
        { Token = static (f, c) => f.Seal(c) is var t ? T.ReplacePart(t, T.Header, ImpossibleLength(T.Part(t, T.Header))) : "" },

        // INS-012: no forbidden or repeated JWE header member.
        new("jwe-header-jwk", P.SealHeaderForbidden,
            "The JWE header embeds a public key (jwk, here the attacker's). Keys come from the directory only; integrity is intact.")
        { Token = static (f, c) => Assembled(f, f.SignInner(c), ("jwk", AttackerJwk(f))) },
        new("jwe-header-jku", P.SealHeaderForbidden, "The JWE header points to a key set URL (jku). Keys come from the directory only.")
        { Token = static (f, c) => Assembled(f, f.SignInner(c), ("jku", "https://attacker.example/jwks.json")) },
        new("jwe-header-x5u", P.SealHeaderForbidden, "The JWE header points to a certificate URL (x5u).")
        { Token = static (f, c) => Assembled(f, f.SignInner(c), ("x5u", "https://attacker.example/cert.pem")) },
        new("jwe-header-crit", P.SealHeaderForbidden, "The JWE header declares a critical extension (crit) the profile does not define.")
        { Token = static (f, c) => Assembled(f, f.SignInner(c), ("crit", UnknownCritical), ("chukei-ext", true)) },
        new("jwe-zip-def", P.SealHeaderForbidden,
            "The plaintext is DEFLATE-compressed (zip DEF), made by the JOSE library: compression is banned (decompression bombs, length oracles).")
        {
            Token = static (f, c) => LibraryJwe(f, f.SignInner(c), Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweCompression.DEF,
                ("cty", "JWT"), ("kid", TargetEncryptionKid)),
        },
        new("jwe-header-duplicate-member", P.SealHeaderForbidden,
            "The JWE header repeats kid with the same value and the tag covers it: whichever duplicate a lenient parser keeps, the seal decrypts. Only duplicate detection refuses it.")
        { Token = static (f, c) => Assembled(f, f.SignInner(c), ("kid", TargetEncryptionKid)) },

        // INS-013: exactly ECDH-ES+A256KW and A256GCM (the header alone decides; the token is otherwise the valid one).
        new("jwe-alg-rsa1_5", P.SealEncryptionAlgorithm, "The JWE header says alg RSA1_5 (PKCS#1 v1.5 key transport, padding oracles).")
        { Token = static (f, c) => T.EditHeader(f.Seal(c), ("alg", "RSA1_5")) },
        new("jwe-alg-dir", P.SealEncryptionAlgorithm, "The JWE header says alg dir (a pre-shared content key).")
        { Token = static (f, c) => T.EditHeader(f.Seal(c), ("alg", "dir")) },
        new("jwe-alg-a128kw", P.SealEncryptionAlgorithm, "The JWE header says alg A128KW (a pre-shared key-wrapping key).")
        { Token = static (f, c) => T.EditHeader(f.Seal(c), ("alg", "A128KW")) },
        new("jwe-enc-a128cbc-hs256", P.SealEncryptionAlgorithm, "The JWE header says enc A128CBC-HS256 instead of A256GCM.")
        { Token = static (f, c) => T.EditHeader(f.Seal(c), ("enc", "A128CBC-HS256")) },
        new("jwe-alg-ecdh-es-direct", P.SealEncryptionAlgorithm,
            "A real, decryptable JWE made by the JOSE library with direct ECDH-ES key agreement (no key wrap): outside the profile.")
        {
            Token = static (f, c) => LibraryJwe(f, f.SignInner(c), Jose.JweAlgorithm.ECDH_ES, null,
                ("cty", "JWT"), ("kid", TargetEncryptionKid)),
        },

        // INS-014: addressed (kid) to a current or retired encryption key of this party.
        new("jwe-kid-unknown", P.SealRecipientKey, "Encrypted to the target's current key but announced under a kid the target does not have.")
        { Token = static (f, c) => SealIssuer.Encrypt(f.SignInner(c), TargetId + "-enc-9", f.Agreement(TargetEncryptionKid)) },
        new("jwe-kid-path-traversal", P.SealRecipientKey,
            "Encrypted to the target's current key, announced under '../' + its kid: kids are matched exactly, never normalised as paths.")
        { Token = static (f, c) => SealIssuer.Encrypt(f.SignInner(c), "../" + TargetEncryptionKid, f.Agreement(TargetEncryptionKid)) },
        new("jwe-kid-missing", P.SealRecipientKey, "Encrypted to the target's current key, with no kid in the JWE header.")
        { Token = static (f, c) => LibraryJwe(f, f.SignInner(c), Jose.JweAlgorithm.ECDH_ES_A256KW, null, ("cty", "JWT")) },
        new("jwe-to-other-insurer", P.SealRecipientKey,
            "A valid seal encrypted to another insurer's key under that insurer's kid: this party cannot and must not open it.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(c), OtherEncryptionKid) },
        new("jwe-kid-revoked-target-key", P.SealRecipientKey, "Encrypted to the target's revoked encryption key, under its kid.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(c), TargetRevokedEncryptionKid) },
        new("jwe-kid-retired-target-key", null,
            "Encrypted to the target's retired encryption key, under its kid: retired keys still decrypt, so seals issued before a rollover open.")
        { Token = static (f, c) => f.Encrypt(f.SignInner(c), TargetRetiredEncryptionKid) },

        // INS-015: decrypts (key agreement, key unwrap, GCM tag over the header).
        new("jwe-other-key-under-target-kid", P.SealDecryptFailed,
            "Encrypted to another insurer's key but announced under the target's kid: the key agreement gives another key-wrapping key and unwrapping fails.")
        { Token = static (f, c) => SealIssuer.Encrypt(f.SignInner(c), TargetEncryptionKid, f.Agreement(OtherEncryptionKid)) },
        new("tampered-ciphertext", P.SealDecryptFailed, "One bit of the ciphertext flipped.")
        { Token = static (f, c) => T.FlipByte(f.Seal(c), T.Ciphertext, 10) },
        new("tampered-tag", P.SealDecryptFailed, "One bit of the authentication tag flipped.")
        { Token = static (f, c) => T.FlipByte(f.Seal(c), T.Tag, 15) },
        new("tampered-iv", P.SealDecryptFailed, "One bit of the IV flipped.")
        { Token = static (f, c) => T.FlipByte(f.Seal(c), T.Iv, 0) },
        new("tampered-encrypted-key", P.SealDecryptFailed, "One bit of the wrapped content key flipped: the AES key unwrap integrity check fails.")
        { Token = static (f, c) => T.FlipByte(f.Seal(c), T.EncryptedKey, 8) },
        new("truncated-tag", P.SealDecryptFailed,
            "The 16-byte GCM tag cut to its first 12 bytes. A shorter GCM tag is a prefix of the full one, so a decryptor accepting short tags would verify it; A256GCM means 128 bits.")
        { Token = static (f, c) => T.TruncatePart(f.Seal(c), T.Tag, 12) },
        new("tampered-protected-header", P.SealDecryptFailed,
            "The JWE header re-encoded with one added space: valid JSON with the same members, but the encoded header is the GCM additional data.")
        { Token = static (f, c) => f.Seal(c) is var t ? T.ReplaceHeaderJson(t, T.HeaderJson(t).Replace("{\"", "{ \"", StringComparison.Ordinal)) : "" },
        new("epk-invalid-curve", P.SealDecryptFailed,
            "The epk is a point NOT on P-256 (the target's public point with y+1), and the seal is encrypted under x(d·epk) as computed by the curve formulas, " +
            "i.e. what a decryptor that skips the on-curve check derives: it would open this seal (invalid-curve attack, leaking the private key).")
        { Token = static (f, c) => InvalidCurveJwe(f, f.SignInner(c)) },
        new("epk-p384", P.SealDecryptFailed,
            "The epk is a P-384 point (crv P-384) while the recipient key is P-256; the tag covers this header, so only the curve check stops it.")
        { Token = static (f, c) => ForeignCurveJwe(f, f.SignInner(c)) },
        new("valid-hand-assembled", null,
            "A valid seal whose JWE was assembled by hand with its header members in another order (epk first): the profile fixes algorithms, not header layout. " +
            "Also proves the hand assembler that made the invalid-curve vectors.")
        { Token = static (f, c) => Assembled(f, f.SignInner(c)) },
    ];

    /// <summary>Encrypts under x(d·P) for an off-curve P, with the target's own private key standing in for the attacker's guesses.</summary>
    private static string InvalidCurveJwe(SealFixture f, string plaintext)
    {
        var target = f.Key(TargetEncryptionKid).Parameters;
        var point = (X: CurveMath.FromBytes(target.Q.X), Y: (CurveMath.FromBytes(target.Q.Y) + 1) % CurveMath.P);
        var shared = CurveMath.Multiply(CurveMath.FromBytes(target.D), point)
            ?? throw new InvalidOperationException("d·P is the point at infinity; pick another point");
        var epk = JweAssembler.Epk(CurveMath.ToBytes(point.X), CurveMath.ToBytes(point.Y), ProtocolConstants.Curve);
        return JweAssembler.Assemble(JweAssembler.SealHeader(epk, TargetEncryptionKid), CurveMath.ToBytes(shared.X), plaintext);
    }

    /// <summary>An honest P-256 key agreement, announced with a P-384 epk; the tag covers the header.</summary>
    private static string ForeignCurveJwe(SealFixture f, string plaintext)
    {
        using var foreign = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var z = ephemeral.DeriveRawSecretAgreement(f.Agreement(TargetEncryptionKid).PublicKey);
        var header = JweAssembler.SealHeader(JweAssembler.Epk(foreign.ExportParameters(false), "P-384"), TargetEncryptionKid);
        return JweAssembler.Assemble(header, z, plaintext);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Problems;
using P = Chukei.Contracts.Problems.ProblemCodes;

namespace Chukei.Contracts.Tokens;

/// <summary>
/// Step ④: the target's checks of a sealed number, applied in the order of docs/protocol.md §6.4
/// (INS-011 … INS-031). The first failing check decides the verdict; nothing after it runs.
/// </summary>
public static class SealVerifier
{
    public static SealVerification Verify(string token, SealVerificationContext ctx)
    {
        // INS-011: a compact JWE, within the size limit (the INS-011 mutant sets no limit of its own).
        var parts = JoseCompact.Split(token, 5, ctx.Enforces("INS-011") ? ProtocolConstants.MaxTokenLength : int.MaxValue);
        if (parts is null) return SealVerification.Fail(P.SealMalformed, $"not a compact JWE of 5 base64url parts within {ProtocolConstants.MaxTokenLength} characters");
        var header = JoseCompact.ParseHeader(parts[0], out var duplicate);
        // INS-012: no duplicated or forbidden protected-header members.
        if (duplicate && ctx.Enforces("INS-012")) return SealVerification.Fail(P.SealHeaderForbidden, "the JWE protected header repeats a member");
        if (header is not { } h) return SealVerification.Fail(P.SealMalformed, "the JWE protected header is not a JSON object");
        if (JoseCompact.FirstForbidden(h) is { } forbidden && ctx.Enforces("INS-012")) return SealVerification.Fail(P.SealHeaderForbidden, $"the JWE header carries '{forbidden}'");

        // INS-013: exactly the profile's algorithms.
        var alg = JoseCompact.GetString(h, "alg");
        var enc = JoseCompact.GetString(h, "enc");
        if ((alg != ProtocolConstants.KeyAgreementAlgorithm || enc != ProtocolConstants.ContentEncryption) && ctx.Enforces("INS-013"))
            return SealVerification.Fail(P.SealEncryptionAlgorithm, $"alg '{alg}' / enc '{enc}' where {ProtocolConstants.KeyAgreementAlgorithm} / {ProtocolConstants.ContentEncryption} is required");

        // INS-014: addressed to one of our own (non-revoked) encryption keys.
        var kid = JoseCompact.GetString(h, "kid");
        var decryptionKey = kid is null ? null : ctx.OwnKeys.FindDecryptionKey(kid);
        // The INS-014 mutant ignores the kid and tries its current key, a common "fallback".
        if (decryptionKey is null && !ctx.Enforces("INS-014")) decryptionKey = ctx.OwnKeys.CurrentDecryptionKey;
        if (decryptionKey is null) return SealVerification.Fail(P.SealRecipientKey, $"kid '{kid}' is not an encryption key of {ctx.SelfId}");

        // INS-015: decrypts (GCM tag, key unwrap and the epk's curve membership all checked here).
        string inner;
        try
        {
            inner = Jose.JWT.Decode(token, decryptionKey, Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM, JoseCompact.StrictSettings);
        }
        catch (Exception ex) when (ex is Jose.JoseException or CryptographicException or ArgumentException or FormatException or JsonException or InvalidOperationException)
        {
            // The INS-015 mutant lumps a failed decryption in with malformed input.
            return SealVerification.Fail(ctx.Enforces("INS-015") ? P.SealDecryptFailed : P.SealMalformed, "the JWE does not decrypt with the addressed key");
        }

        // INS-016: the plaintext is a signed JWT (nested, sign-then-encrypt), announced by cty.
        var innerParts = JoseCompact.Split(inner, 3);
        if ((JoseCompact.GetString(h, "cty") != "JWT" && ctx.Enforces("INS-016")) || innerParts is null)
            return SealVerification.Fail(P.SealNotNested, "the plaintext is not a compact JWS announced by cty 'JWT'");
        var innerHeader = JoseCompact.ParseHeader(innerParts[0], out var innerDuplicate);
        if (innerDuplicate && ctx.Enforces("INS-012")) return SealVerification.Fail(P.SealHeaderForbidden, "the JWS protected header repeats a member");
        if (innerHeader is not { } ih) return SealVerification.Fail(P.SealNotNested, "the JWS protected header is not a JSON object");
        if (JoseCompact.FirstForbidden(ih) is { } innerForbidden && ctx.Enforces("INS-012")) return SealVerification.Fail(P.SealHeaderForbidden, $"the JWS header carries '{innerForbidden}'");

        // INS-017: ES256 only: never none, HMAC or another curve.
        var sigAlg = JoseCompact.GetString(ih, "alg");
        if (sigAlg != ProtocolConstants.SignatureAlgorithm && ctx.Enforces("INS-017"))
            return SealVerification.Fail(P.SealSignatureAlgorithm, $"alg '{sigAlg}' where {ProtocolConstants.SignatureAlgorithm} is required");

        // INS-018: explicitly typed as a seal.
        if (JoseCompact.GetString(ih, "typ") != ProtocolConstants.SealType && ctx.Enforces("INS-018"))
            return SealVerification.Fail(P.SealType, $"typ '{JoseCompact.GetString(ih, "typ")}' where '{ProtocolConstants.SealType}' is required");

        // INS-019 / INS-020: signed under a known, non-revoked signing key of the relay.
        var signingKid = JoseCompact.GetString(ih, "kid");
        var entry = signingKid is null ? null : ctx.Directory.FindKey(signingKid);
        // The INS-019 mutant accepts a signing key of any party in the directory, the requester's included.
        if (entry is not { } found || (found.Party.Id != ctx.Directory.RelayId && ctx.Enforces("INS-019")) || found.Key.Use != PublicJwk.UseSignature)
            return SealVerification.Fail(P.SealKeyUnknown, $"kid '{signingKid}' is not a signing key of the relay {ctx.Directory.RelayId}");
        if ((found.Key.Status == KeyStatus.Revoked || found.Party.Revoked) && ctx.Enforces("INS-020"))
            return SealVerification.Fail(P.SealKeyRevoked, $"relay key '{signingKid}' is revoked");

        // INS-021: the signature verifies.
        string payload;
        try
        {
            payload = ctx.Enforces("INS-021")
                ? Jose.JWT.Decode(inner, ctx.Directory.VerifierFor(found.Key), Jose.JwsAlgorithm.ES256, JoseCompact.StrictSettings)
                : Jose.JWT.Payload(inner);
        }
        catch (Exception ex) when (ex is Jose.JoseException or CryptographicException or ArgumentException or FormatException)
        {
            return SealVerification.Fail(P.SealSignatureInvalid, "the relay's signature does not verify");
        }

        // INS-022: well-formed claims, no duplicates.
        SealClaims claims;
        try
        {
            claims = ProtocolJson.Deserialize<SealClaims>(Encoding.UTF8.GetBytes(payload), "seal claims");
        }
        catch (ProtocolException ex)
        {
            // The INS-022 mutant reports unreadable claims as a bad signature.
            return SealVerification.Fail(ctx.Enforces("INS-022") ? P.SealClaims : P.SealSignatureInvalid, ex.Detail);
        }

        return CheckClaims(claims, ctx);
    }

    private static SealVerification CheckClaims(SealClaims claims, SealVerificationContext ctx)
    {
        // The INS-010 mutant checks the caller before anything else in the claims, out of the listed order.
        if (!ctx.Enforces("INS-010") && claims.Requester != ctx.CallerId && !(claims.Routed && ctx.CallerId == ctx.Directory.RelayId))
            return SealVerification.Fail(P.SealRequesterMismatch, $"sealed for '{claims.Requester}', presented by '{ctx.CallerId}'", claims);

        // INS-023 / INS-024: issued by the relay, for us.
        if (claims.Issuer != ctx.Directory.RelayId && ctx.Enforces("INS-023"))
            return SealVerification.Fail(P.SealIssuer, $"iss '{claims.Issuer}' is not the relay", claims);
        if (claims.Audience != ctx.SelfId && ctx.Enforces("INS-024"))
            return SealVerification.Fail(P.SealAudience, $"aud '{claims.Audience}' is not {ctx.SelfId}", claims);

        // INS-025 … INS-027: inside its validity window, allowing the stated clock skew.
        var now = ctx.Time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)ProtocolConstants.ClockSkew.TotalSeconds;
        if (now >= claims.Expires + skew && ctx.Enforces("INS-025"))
            return SealVerification.Fail(P.SealExpired, $"expired at {claims.Expires}, now {now}, skew {skew}s", claims);
        if ((now < claims.NotBefore - skew || now < claims.IssuedAt - skew) && ctx.Enforces("INS-026"))
            return SealVerification.Fail(P.SealNotYetValid, $"valid from {Math.Max(claims.NotBefore, claims.IssuedAt)}, now {now}, skew {skew}s", claims);
        if ((claims.Expires - claims.IssuedAt > (long)ProtocolConstants.MaxSealLifetime.TotalSeconds || claims.Expires < claims.NotBefore) && ctx.Enforces("INS-027"))
            return SealVerification.Fail(P.SealLifetime, $"lifetime {claims.Expires - claims.IssuedAt}s exceeds {ProtocolConstants.MaxSealLifetime.TotalSeconds}s", claims);

        // INS-028: not seen before. The id is recorded only once every check passes, so a thief presenting a
        // stolen seal first cannot burn it for its rightful requester.
        if (ctx.ReplayCache.Contains(claims.Id) && ctx.Enforces("INS-028"))
            return SealVerification.Fail(P.SealReplayed, $"jti '{claims.Id}' was already presented", claims);

        // INS-029: the caller is the requester sealed for (or the relay, forwarding a routed seal).
        var viaRelay = claims.Routed && ctx.CallerId == ctx.Directory.RelayId;
        if (claims.Requester != ctx.CallerId && !viaRelay && ctx.Enforces("INS-029"))
            return SealVerification.Fail(P.SealRequesterMismatch, $"sealed for '{claims.Requester}', presented by '{ctx.CallerId}'", claims);

        // INS-030: the purpose is allowed for the requester's role.
        var requester = ctx.Directory.Find(claims.Requester);
        if ((requester is null || !Purposes.IsAllowedFor(claims.Purpose, requester.Role)) && ctx.Enforces("INS-030"))
            return SealVerification.Fail(P.PurposeNotAllowed, $"purpose '{claims.Purpose}' is not allowed for {claims.Requester} ({requester?.Role.ToString() ?? "unknown party"})", claims);

        // INS-031: only items the purpose allows.
        var allowed = Purposes.AllowedItems(claims.Purpose);
        var extra = ctx.RequestedItems.FirstOrDefault(i => !allowed.Contains(i));
        if ((ctx.RequestedItems.Count == 0 || extra is not null) && ctx.Enforces("INS-031"))
            return SealVerification.Fail(P.ItemsNotAllowed, ctx.RequestedItems.Count == 0 ? "no items asked for" : $"item '{extra}' is not allowed for purpose '{claims.Purpose}'", claims);

        if (!ctx.ReplayCache.TryAdd(claims.Id, DateTimeOffset.FromUnixTimeSeconds(claims.Expires)) && ctx.Enforces("INS-028"))
            return SealVerification.Fail(P.SealReplayed, $"jti '{claims.Id}' was already presented", claims);
        return new SealVerification { Claims = claims };
    }
}

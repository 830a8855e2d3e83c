using System.Security.Cryptography;
using System.Text;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using P = Chukei.Contracts.Problems.ProblemCodes;

namespace Chukei.Contracts.Envelopes;

/// <summary>
/// Checks a signed envelope (docs/protocol.md §5, AUTH-001 … AUTH-010) and throws a <see cref="ProtocolException"/>
/// naming the first rule it breaks.
/// </summary>
public sealed class EnvelopeVerifier(string selfId, PartyDirectory directory, IReplayCache replay, TimeProvider time)
{
    private static readonly IReadOnlySet<string> NoSkippedChecks = new HashSet<string>();

    /// <summary>
    /// For mutation testing only: requirement ids (AUTH-001 … AUTH-009, DIR-005, DIR-006, ERR-004) whose check this
    /// verifier skips or answers with a catch-all code (DIR-005: refuses retired keys), so the conformance kit can prove its envelope tests fail against a party that
    /// breaks them; the host's signed endpoints read ERR-001, ERR-003, ERR-005 and ERR-009 from it too. A caller's answer
    /// checks are named by requirement and claim: AUTH-014:iss, AUTH-014:inResponseTo, RLY-025:iss, RLY-025:replay. Empty in every real use.
    /// </summary>
    public IReadOnlySet<string> SkippedChecks { get; init; } = NoSkippedChecks;

    /// <summary>Verifies a request envelope sent to <c>method path</c> of this party.</summary>
    public VerifiedEnvelope VerifyRequest(string token, string method, string path)
    {
        var envelope = VerifySignature(token, ProtocolConstants.RequestType, P.AuthMalformed);
        var c = envelope.Claims;
        CheckAudienceAndTime(c);
        if ((!string.Equals(c.Method, method, StringComparison.Ordinal) || !string.Equals(c.Path, path, StringComparison.Ordinal)) && !SkippedChecks.Contains("AUTH-009"))
            throw new ProtocolException(P.AuthTargetMismatch, $"signed for {c.Method} {c.Path}, received at {method} {path}", "htu");
        if (!replay.TryAdd("req:" + c.Issuer + ":" + c.Id, DateTimeOffset.FromUnixTimeSeconds(c.Expires)) && !SkippedChecks.Contains("AUTH-008"))
            throw new ProtocolException(P.AuthReplayed, $"jti '{c.Id}' was already used by {c.Issuer}", "jti");
        return envelope;
    }

    /// <summary>Verifies a response envelope from <paramref name="expectedSender"/> answering request <paramref name="requestId"/>.</summary>
    public VerifiedEnvelope VerifyResponse(string token, string expectedSender, string requestId)
    {
        var envelope = VerifySignature(token, ProtocolConstants.ResponseType, P.AuthMalformed);
        if (envelope.Sender.Id != expectedSender && !SkippedChecks.Contains("AUTH-014:iss"))
            throw new ProtocolException(P.AuthIssuerMismatch, $"response signed by {envelope.Sender.Id}, expected {expectedSender}", "iss");
        CheckAudienceAndTime(envelope.Claims);
        if (envelope.Claims.InResponseTo != requestId && !SkippedChecks.Contains("AUTH-014:inResponseTo"))
            throw new ProtocolException(P.AuthTargetMismatch, $"response answers '{envelope.Claims.InResponseTo}', expected '{requestId}'", "inResponseTo");
        return envelope;
    }

    /// <summary>
    /// Verifies a response the relay forwarded from <paramref name="expectedSender"/> in routed mode (RLY-023): signed by
    /// the target, addressed to this party, in time, and not seen before. The request it answers was the relay's.
    /// </summary>
    public VerifiedEnvelope VerifyForwardedResponse(string token, string expectedSender)
    {
        var envelope = VerifySignature(token, ProtocolConstants.ResponseType, P.AuthMalformed);
        if (envelope.Sender.Id != expectedSender && !SkippedChecks.Contains("RLY-025:iss"))
            throw new ProtocolException(P.AuthIssuerMismatch, $"response signed by {envelope.Sender.Id}, expected {expectedSender}", "iss");
        CheckAudienceAndTime(envelope.Claims);
        if (!replay.TryAdd("res:" + envelope.Claims.Issuer + ":" + envelope.Claims.Id, DateTimeOffset.FromUnixTimeSeconds(envelope.Claims.Expires)) && !SkippedChecks.Contains("RLY-025:replay"))
            throw new ProtocolException(P.AuthReplayed, $"response jti '{envelope.Claims.Id}' was already seen", "jti");
        return envelope;
    }

    /// <summary>Verifies any signed payload of the given type from the given party (directory, checkpoints).</summary>
    public string VerifyPayload(string token, string type, string expectedSender)
    {
        var (party, key, parts) = CheckHeader(token, type);
        if (party.Id != expectedSender)
            throw new ProtocolException(P.AuthIssuerMismatch, $"signed by {party.Id}, expected {expectedSender}", "kid");
        _ = parts;
        return VerifyBytes(token, key);
    }

    private VerifiedEnvelope VerifySignature(string token, string type, ProblemCode malformed)
    {
        var (party, key, _) = CheckHeader(token, type);
        var payload = VerifyBytes(token, key);
        EnvelopeClaims claims;
        try
        {
            claims = ProtocolJson.Deserialize<EnvelopeClaims>(Encoding.UTF8.GetBytes(payload), "envelope claims");
        }
        catch (ProtocolException ex)
        {
            throw new ProtocolException(ex.Code == P.JsonTooDeep && !SkippedChecks.Contains("ERR-004") ? P.JsonTooDeep : malformed, ex.Detail, ex.Field);
        }
        if (claims.Body.ValueKind != System.Text.Json.JsonValueKind.Object)
            throw new ProtocolException(malformed, $"body must be a JSON object, not {claims.Body.ValueKind}", "body");
        // AUTH-006: the claimed sender owns the key that signed.
        if (claims.Issuer != party.Id && !SkippedChecks.Contains("AUTH-006"))
            throw new ProtocolException(P.AuthIssuerMismatch, $"iss '{claims.Issuer}' but the key belongs to {party.Id}", "iss");
        return new VerifiedEnvelope(party, claims);
    }

    private (PartyDescriptor Party, PublicJwk Key, string[] Parts) CheckHeader(string token, string type)
    {
        // AUTH-001: a compact JWS within the size limit.
        var limit = type == ProtocolConstants.RequestType ? ProtocolConstants.MaxRequestLength : ProtocolConstants.MaxResponseLength;
        var parts = JoseCompact.Split(token, 3, limit)
            ?? throw new ProtocolException(SkippedChecks.Contains("AUTH-001") ? P.AuthSignatureInvalid : P.AuthMalformed, $"not a compact JWS of 3 base64url parts within {limit} characters");
        var header = JoseCompact.ParseHeader(parts[0], out var duplicate, out var tooDeep);
        // ERR-004: a header is a JSON document like the claims, refused for its depth before it is read.
        if (tooDeep && !SkippedChecks.Contains("ERR-004")) throw new ProtocolException(P.JsonTooDeep, $"the protected header nests deeper than {ProtocolConstants.MaxJsonDepth} levels", "header");
        if (duplicate && !SkippedChecks.Contains("AUTH-002")) throw new ProtocolException(P.AuthAlgorithm, "the protected header repeats a member", "header");
        if (header is not { } h) throw new ProtocolException(P.AuthMalformed, "the protected header is not a JSON object", "header");
        // AUTH-002: ES256, explicitly typed, no self-describing keys.
        if (JoseCompact.FirstForbidden(h) is { } forbidden && !SkippedChecks.Contains("AUTH-002"))
            throw new ProtocolException(P.AuthAlgorithm, $"the header carries '{forbidden}'", forbidden);
        var alg = JoseCompact.GetString(h, "alg");
        if (alg != ProtocolConstants.SignatureAlgorithm && !SkippedChecks.Contains("AUTH-002"))
            throw new ProtocolException(P.AuthAlgorithm, $"alg '{alg}' where {ProtocolConstants.SignatureAlgorithm} is required", "alg");
        var typ = JoseCompact.GetString(h, "typ");
        if (typ != type && !SkippedChecks.Contains("AUTH-002")) throw new ProtocolException(P.AuthAlgorithm, $"typ '{typ}' where '{type}' is required", "typ");
        // AUTH-003 / AUTH-004: a known, non-revoked signing key of a non-revoked party.
        var kid = JoseCompact.GetString(h, "kid");
        var entry = kid is null ? null : directory.FindKey(kid);
        if (entry is not { } found || found.Key.Use != PublicJwk.UseSignature)
            throw new ProtocolException(P.AuthKeyUnknown, $"kid '{kid}' is not a signing key in the directory", "kid");
        if (found.Key.Status == KeyStatus.Revoked && !SkippedChecks.Contains("AUTH-004"))
            throw new ProtocolException(P.AuthKeyRevoked, $"key '{kid}' of {found.Party.Id} is revoked", "kid");
        // DIR-006: a revoked party's keys are all revoked, whatever their own status.
        if (found.Party.Revoked && !SkippedChecks.Contains("DIR-006"))
            throw new ProtocolException(P.AuthKeyRevoked, $"party {found.Party.Id} is revoked, and with it key '{kid}'", "kid");
        // DIR-005: a retired key is still accepted. "Skipping" DIR-005 is the mutant that reads retired as revoked.
        if (found.Key.Status == KeyStatus.Retired && SkippedChecks.Contains("DIR-005"))
            throw new ProtocolException(P.AuthKeyRevoked, $"key '{kid}' of {found.Party.Id} is retired", "kid");
        return (found.Party, found.Key, parts);
    }

    private string VerifyBytes(string token, PublicJwk key)
    {
        try
        {
            return SkippedChecks.Contains("AUTH-003")
                ? Jose.JWT.Payload(token)
                : Jose.JWT.Decode(token, directory.VerifierFor(key), Jose.JwsAlgorithm.ES256, JoseCompact.StrictSettings);
        }
        catch (Exception ex) when (ex is Jose.JoseException or CryptographicException or ArgumentException or FormatException)
        {
            throw new ProtocolException(P.AuthSignatureInvalid, "the signature does not verify", "signature");
        }
    }

    private void CheckAudienceAndTime(EnvelopeClaims c)
    {
        // AUTH-007
        if (c.Audience != selfId && !SkippedChecks.Contains("AUTH-007"))
            throw new ProtocolException(P.AuthAudience, $"addressed to '{c.Audience}', this is {selfId}", "aud");
        // AUTH-005
        if (SkippedChecks.Contains("AUTH-005")) return;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)ProtocolConstants.ClockSkew.TotalSeconds;
        if (now >= c.Expires + skew) throw new ProtocolException(P.AuthExpired, $"expired at {c.Expires}, now {now}", "exp");
        if (now < c.IssuedAt - skew) throw new ProtocolException(P.AuthNotYetValid, $"issued at {c.IssuedAt}, now {now}", "iat");
        if (c.Expires - c.IssuedAt > (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds)
            throw new ProtocolException(P.AuthExpired, $"lifetime {c.Expires - c.IssuedAt}s exceeds {ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds}s", "exp");
    }
}

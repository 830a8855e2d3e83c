namespace Chukei.Contracts.Problems;

/// <summary>
/// Every failure code of protocol v1 (docs/protocol.md §10). The table is normative: a test checks that the
/// document lists exactly these codes with these statuses and requirement ids.
/// </summary>
public static class ProblemCodes
{
    // Bad input (ERR)
    public static readonly ProblemCode MalformedJson = new("malformed-json", 400, "The body is not well-formed JSON", "ERR-002");
    public static readonly ProblemCode BodyTooLarge = new("body-too-large", 413, "The body exceeds the size limit", "ERR-003");
    public static readonly ProblemCode JsonTooDeep = new("json-too-deep", 400, "The JSON nesting exceeds the depth limit", "ERR-004");
    public static readonly ProblemCode InvalidField = new("invalid-field", 400, "A field is missing, of the wrong type or invalid", "ERR-005");
    public static readonly ProblemCode UnsupportedMediaType = new("unsupported-media-type", 415, "The body must be a signed envelope (application/jose)", "AUTH-001");
    public static readonly ProblemCode NotFound = new("not-found", 404, "No such endpoint", "ERR-006");
    public static readonly ProblemCode InternalError = new("internal-error", 500, "The party failed to process the request; nothing was written", "ERR-007");

    // Call authentication (AUTH)
    public static readonly ProblemCode AuthMalformed = new("auth-malformed", 401, "The request envelope is not a well-formed compact JWS", "AUTH-001");
    public static readonly ProblemCode AuthAlgorithm = new("auth-algorithm", 401, "The request envelope uses a forbidden algorithm or header", "AUTH-002");
    public static readonly ProblemCode AuthKeyUnknown = new("auth-key-unknown", 401, "The request envelope's kid names no key in the directory", "AUTH-003");
    public static readonly ProblemCode AuthKeyRevoked = new("auth-key-revoked", 401, "The request envelope is signed by a revoked key or party", "AUTH-004");
    public static readonly ProblemCode AuthSignatureInvalid = new("auth-signature-invalid", 401, "The request envelope's signature does not verify", "AUTH-003");
    public static readonly ProblemCode AuthIssuerMismatch = new("auth-issuer-mismatch", 401, "The envelope's iss is not the party that owns the signing key", "AUTH-006");
    public static readonly ProblemCode AuthAudience = new("auth-audience", 401, "The request envelope is addressed to another party", "AUTH-007");
    public static readonly ProblemCode AuthExpired = new("auth-expired", 401, "The request envelope has expired", "AUTH-005");
    public static readonly ProblemCode AuthNotYetValid = new("auth-not-yet-valid", 401, "The request envelope is not yet valid", "AUTH-005");
    public static readonly ProblemCode AuthReplayed = new("auth-replayed", 401, "The request envelope's jti was already used", "AUTH-008");
    public static readonly ProblemCode AuthTargetMismatch = new("auth-target-mismatch", 401, "The envelope was signed for another method or path", "AUTH-009");
    public static readonly ProblemCode RoleNotAllowed = new("role-not-allowed", 403, "The caller's role may not call this endpoint", "AUTH-011");

    // The target's checks of a sealed number, step ④ (INS), in the order they are applied.
    public static readonly ProblemCode SealMalformed = new("seal-malformed", 400, "The seal is not a well-formed compact JWE", "INS-011");
    public static readonly ProblemCode SealHeaderForbidden = new("seal-header-forbidden", 400, "The seal carries a forbidden or duplicated header", "INS-012");
    public static readonly ProblemCode SealEncryptionAlgorithm = new("seal-encryption-algorithm", 400, "The seal's key management or content encryption algorithm is not allowed", "INS-013");
    public static readonly ProblemCode SealRecipientKey = new("seal-recipient-key", 403, "The seal is not encrypted to a current key of this party", "INS-014");
    public static readonly ProblemCode SealDecryptFailed = new("seal-decrypt-failed", 400, "The seal does not decrypt (tampered, wrong key or invalid curve point)", "INS-015");
    public static readonly ProblemCode SealNotNested = new("seal-not-nested", 400, "The seal's plaintext is not a signed JWT", "INS-016");
    public static readonly ProblemCode SealSignatureAlgorithm = new("seal-signature-algorithm", 400, "The seal's signature algorithm is not ES256", "INS-017");
    public static readonly ProblemCode SealType = new("seal-type", 400, "The seal's inner typ is not " + ProtocolConstants.SealType, "INS-018");
    public static readonly ProblemCode SealKeyUnknown = new("seal-key-unknown", 403, "The seal is signed under a kid that is not a relay signing key", "INS-019");
    public static readonly ProblemCode SealKeyRevoked = new("seal-key-revoked", 403, "The seal is signed by a revoked relay key", "INS-020");
    public static readonly ProblemCode SealSignatureInvalid = new("seal-signature-invalid", 403, "The seal's signature does not verify", "INS-021");
    public static readonly ProblemCode SealClaims = new("seal-claims", 400, "The seal's claims are missing, duplicated or of the wrong type", "INS-022");
    public static readonly ProblemCode SealIssuer = new("seal-issuer", 403, "The seal was not issued by the relay", "INS-023");
    public static readonly ProblemCode SealAudience = new("seal-audience", 403, "The seal is addressed to another party", "INS-024");
    public static readonly ProblemCode SealExpired = new("seal-expired", 403, "The seal has expired (beyond the clock-skew allowance)", "INS-025");
    public static readonly ProblemCode SealNotYetValid = new("seal-not-yet-valid", 403, "The seal is not yet valid (beyond the clock-skew allowance)", "INS-026");
    public static readonly ProblemCode SealLifetime = new("seal-lifetime", 403, "The seal's lifetime exceeds the maximum", "INS-027");
    public static readonly ProblemCode SealReplayed = new("seal-replayed", 403, "The seal's jti was already presented", "INS-028");
    public static readonly ProblemCode SealRequesterMismatch = new("seal-requester-mismatch", 403, "The caller is not the requester the seal was issued for", "INS-029");
    public static readonly ProblemCode PurposeNotAllowed = new("purpose-not-allowed", 403, "The purpose is not allowed for the requester's role", "INS-030");
    public static readonly ProblemCode ItemsNotAllowed = new("items-not-allowed", 403, "An item asked for is not allowed for the purpose", "INS-031");

    // Relay (RLY) and access log (LOG)
    public static readonly ProblemCode SubjectNotOwned = new("subject-not-owned", 403, "The requester presented an identifier that is not one of its own insured", "RLY-004");
    public static readonly ProblemCode TargetUnavailable = new("target-unavailable", 502, "The target party did not answer", "RLY-021");
    public static readonly ProblemCode TargetRefused = new("target-refused", 502, "The target party refused the routed inquiry", "RLY-022");
    public static readonly ProblemCode LogEntryUnknown = new("log-entry-unknown", 400, "The report names a relay log entry that does not exist or concerns another party", "LOG-011");
    public static readonly ProblemCode PersonUnknown = new("person-unknown", 404, "No such person", "LOG-015");
    public static readonly ProblemCode NoticeEntryUnknown = new("notice-entry-unknown", 400, "The notice names a relay entry that does not exist or is not an answer of this insurer to this requester", "ELG-018");
    public static readonly ProblemCode InsurerNumberNotOwned = new("insurer-number-not-owned", 403, "The caller updated an enrolment under an insurer number it does not own", "RLY-031");

    // Reception eligibility check with the card (CLN), in the order the relay applies them (§13.4).
    public static readonly ProblemCode CardChallengeUnknown = new("card-challenge-unknown", 403, "The challenge was not issued to this clinic", "CLN-010");
    public static readonly ProblemCode CardChallengeExpired = new("card-challenge-expired", 403, "The challenge has expired", "CLN-011");
    public static readonly ProblemCode CardChallengeReplayed = new("card-challenge-replayed", 403, "The challenge was already presented", "CLN-012");
    public static readonly ProblemCode CardCertificateMalformed = new("card-certificate-malformed", 400, "The card certificate is not a DER X.509 certificate with an RSA key of at least 2048 bits", "CLN-013");
    public static readonly ProblemCode CardCaUnknown = new("card-ca-unknown", 403, "The card certificate was not issued by a card CA the relay trusts", "CLN-014");
    public static readonly ProblemCode CardSignatureInvalid = new("card-signature-invalid", 403, "The card's signature does not verify", "CLN-015");
    public static readonly ProblemCode CardCertificateNotYetValid = new("card-certificate-not-yet-valid", 403, "The card certificate is not yet valid", "CLN-016");
    public static readonly ProblemCode CardCertificateExpired = new("card-certificate-expired", 403, "The card certificate expired more than three months ago", "CLN-017");
    public static readonly ProblemCode CardCertificateRevoked = new("card-certificate-revoked", 403, "The card certificate is revoked", "CLN-018");
    public static readonly ProblemCode CardHolderUnknown = new("card-holder-unknown", 404, "No person is registered for this card", "CLN-019");

    public static IReadOnlyList<ProblemCode> All { get; } =
    [
        MalformedJson, BodyTooLarge, JsonTooDeep, InvalidField, UnsupportedMediaType, NotFound, InternalError,
        AuthMalformed, AuthAlgorithm, AuthKeyUnknown, AuthKeyRevoked, AuthSignatureInvalid, AuthIssuerMismatch,
        AuthAudience, AuthExpired, AuthNotYetValid, AuthReplayed, AuthTargetMismatch, RoleNotAllowed,
        SealMalformed, SealHeaderForbidden, SealEncryptionAlgorithm, SealRecipientKey, SealDecryptFailed, SealNotNested,
        SealSignatureAlgorithm, SealType, SealKeyUnknown, SealKeyRevoked, SealSignatureInvalid, SealClaims, SealIssuer,
        SealAudience, SealExpired, SealNotYetValid, SealLifetime, SealReplayed, SealRequesterMismatch,
        PurposeNotAllowed, ItemsNotAllowed,
        SubjectNotOwned, TargetUnavailable, TargetRefused, LogEntryUnknown, PersonUnknown, InsurerNumberNotOwned, NoticeEntryUnknown,
        CardChallengeUnknown, CardChallengeExpired, CardChallengeReplayed, CardCertificateMalformed, CardCaUnknown,
        CardSignatureInvalid, CardCertificateNotYetValid, CardCertificateExpired, CardCertificateRevoked, CardHolderUnknown,
    ];

    public static ProblemCode? Find(string code) => All.FirstOrDefault(p => p.Code == code);
}

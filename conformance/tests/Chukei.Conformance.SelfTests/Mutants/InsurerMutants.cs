using Chukei.Insurers;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>The mutants of the reference insurer the insurer suite must kill (docs/conformance-mutants.md).</summary>
public static class InsurerMutants
{
    /// <summary>One mutant per check of step ④ that can be skipped: (name, requirement, what the mutant does).</summary>
    private static readonly (string Name, string Requirement, string Defect)[] SealChecks =
    [
        ("checks-the-caller-first", "INS-010", "checks the seal's requester against the caller before its audience and validity window, out of the listed order"),
        ("sets-no-seal-length-limit", "INS-011", "reads seals of any length instead of refusing one over 16 384 characters"),
        ("accepts-forbidden-seal-headers", "INS-012", "accepts seals whose headers repeat a member or carry jwk, jku, x5c, crit, zip …"),
        ("ignores-seal-encryption-algorithm", "INS-013", "does not check the JWE alg and enc before decrypting"),
        ("decrypts-with-current-key-whatever-the-kid", "INS-014", "ignores the JWE kid and decrypts with its current key"),
        ("reports-decryption-failure-as-malformed", "INS-015", "answers seal-malformed when the JWE does not decrypt"),
        ("ignores-seal-content-type", "INS-016", "accepts a nested JWS not announced by cty JWT"),
        ("accepts-any-seal-signature-algorithm", "INS-017", "does not insist on ES256 for the relay's signature"),
        ("ignores-seal-type", "INS-018", "accepts an inner JWS not typed chukei-seal+jwt"),
        ("accepts-any-partys-seal-key", "INS-019", "verifies a seal under any party's signing key, the requester's included"),
        ("accepts-revoked-relay-keys", "INS-020", "accepts seals signed under a revoked relay key"),
        ("skips-seal-signature-verification", "INS-021", "reads the seal's claims without verifying the relay's signature"),
        ("reports-bad-claims-as-bad-signature", "INS-022", "answers seal-signature-invalid when the claims are malformed"),
        ("accepts-any-seal-issuer", "INS-023", "accepts seals whose iss is not the relay"),
        ("skips-audience-check", "INS-024", "opens and answers a seal whose aud is another insurer"),
        ("accepts-expired-seals", "INS-025", "answers seals past exp + 60 s"),
        ("accepts-future-seals", "INS-026", "answers seals not valid until later"),
        ("accepts-long-lived-seals", "INS-027", "answers seals that live longer than 5 minutes"),
        ("accepts-replayed-seals", "INS-028", "answers a seal whose jti it has already accepted"),
        ("ignores-sealed-requester", "INS-029", "answers whoever presents the seal, not only the requester it was sealed for"),
        ("skips-purpose-check", "INS-030", "answers a purpose the requester's role may not use"),
        ("answers-any-items", "INS-031", "answers items the purpose does not allow"),
    ];

    /// <summary>One mutant per envelope check that can be skipped (docs/protocol.md §5.2).</summary>
    internal static readonly (string Name, string Requirement, string Defect)[] EnvelopeChecks =
    [
        ("reports-malformed-envelope-as-bad-signature", "AUTH-001", "answers auth-signature-invalid (401) for a body that is not a compact JWS"),
        ("accepts-any-envelope-header", "AUTH-002", "accepts request envelopes with forbidden header members, another alg or typ"),
        ("skips-envelope-signature-verification", "AUTH-003", "reads request envelopes without verifying their signature"),
        ("accepts-revoked-envelope-keys", "AUTH-004", "accepts request envelopes signed under a revoked key"),
        ("refuses-retired-envelope-keys", "DIR-005", "refuses request envelopes signed under a retired key, as if it were revoked"),
        ("accepts-envelopes-of-revoked-parties", "DIR-006", "accepts request envelopes from a party the directory revokes when the key itself is active"),
        ("accepts-expired-envelopes", "AUTH-005", "accepts request envelopes whatever their iat and exp"),
        ("ignores-envelope-issuer", "AUTH-006", "accepts request envelopes whose iss does not own the signing key"),
        ("skips-envelope-audience-check", "AUTH-007", "accepts request envelopes addressed to another party"),
        ("accepts-replayed-envelopes", "AUTH-008", "accepts a request envelope whose (iss, jti) it has already accepted"),
        ("ignores-htm-htu", "AUTH-009", "accepts request envelopes signed for another method or path"),
        ("reports-deep-json-as-malformed", "ERR-004", "answers auth-malformed instead of json-too-deep for claims nested too deep"),
        ("reports-body-errors-as-malformed-json", "ERR-005", "answers malformed-json for a body member that is missing or of the wrong type, instead of invalid-field naming it"),
        ("validates-body-before-role", "ERR-009", "validates the body before the caller's role, so a malformed call from a role that may not call is refused for its body"),
    ];

    public static IReadOnlyList<Mutant> All { get; } =
    [
        .. EnvelopeChecks.Select(m => new Mutant("insurer-" + m.Name, m.Requirement, m.Defect,
            new InsurerDefects { SkippedEnvelopeChecks = new HashSet<string> { m.Requirement } })),
        .. SealChecks.Select(m => new Mutant(m.Name, m.Requirement, m.Defect,
            new InsurerDefects { SkippedSealChecks = new HashSet<string> { m.Requirement } })),
        new("ignores-sealed-insurer-number", "INS-003", "looks the sealed person up by number alone, whatever insurer number the seal names",
            new InsurerDefects { IgnoresSealedInsurerNumber = true }),
        new("serves-inquiries-to-clinics", "INS-001", "lets a clinic call the inquiry endpoint directly, so it is refused for the seal instead of role-not-allowed",
            new InsurerDefects { ServesInquiriesToClinics = true }),
        new("checks-seal-before-body", "INS-002", "checks the seal before the request body, so a malformed body with a bad seal is refused for the seal",
            new InsurerDefects { ChecksSealBeforeBody = true }),
        new("omits-refusal-records", "LOG-008", "records and reports answered inquiries only, never refusals",
            new InsurerDefects { OmitsRefusalRecords = true }),
        new("omits-relay-entry-on-refusal", "LOG-009", "never names the relay's entry in a refusal record, even when the seal's signature verified",
            new InsurerDefects { OmitsRelayEntryOnRefusal = true }),
        new("addresses-routed-answers-to-relay", "INS-041", "addresses the answer to a routed seal to the relay instead of the sealed requester",
            new InsurerDefects { AddressesRoutedAnswersToRelay = true }),
        new("ignores-service-date", "ELG-007", "answers for today whatever service date was asked",
            new InsurerDefects { IgnoresServiceDate = true }),
        new("never-reports-pending", "ELG-004", "never says a notified change is pending",
            new InsurerDefects { NeverReportsPending = true }),
        new("as-of-now", "ELG-003", "says its data is as of the moment it answers",
            new InsurerDefects { AsOfIsNow = true }),
        new("applies-unregistered-changes", "ELG-011", "answers from notified changes before it has registered them",
            new InsurerDefects { AppliesUnregisteredChanges = true }),
        new("leaks-number-in-problems", "ERR-010", "quotes the sealed insured number in the detail of a refusal",
            new InsurerDefects { LeaksNumberInProblems = true }),
        new("answers-unasked-benefits", "INS-042", "answers benefits although only eligibility was asked for",
            new InsurerDefects { AnswersUnaskedBenefits = true }),
        new("counts-loss-date-as-covered", "ELG-002", "answers valid on the loss date itself (the first day not covered)",
            new InsurerDefects { CountsLossDateAsCovered = true }),
        new("omits-reason-of-loss", "ELG-008", "never says the registered reasonOfLoss of an ended qualification",
            new InsurerDefects { OmitsReasonOfLoss = true }),
        new("answers-invalid-for-unknown-numbers", "ELG-009", "answers invalid for a number nobody holds, instead of no-qualification",
            new InsurerDefects { AnswersInvalidForUnknownNumbers = true }),
        new("answers-unrelated-entry-id", "INS-043", "puts a fresh id in insurerLogEntryId, not the id of the record it reported",
            new InsurerDefects { AnswersUnrelatedEntryId = true }),
        new("answers-in-response-to-seal-jti", "INS-040", "names the seal's jti in the answer's inResponseTo instead of the request envelope's",
            new InsurerDefects { AnswersInResponseToSealJti = true }),
        new("never-refreshes-directory", "DIR-009", "keeps the directory it was configured with and never fetches the relay's",
            new InsurerDefects { SkippedDirectoryChecks = new HashSet<string> { "DIR-009" } }),
        new("skips-directory-signature-check", "DIR-010", "takes up a fetched directory without checking its header, key or signature",
            new InsurerDefects { SkippedDirectoryChecks = new HashSet<string> { "DIR-010" } }),
        new("trusts-self-vouching-directory", "DIR-011", "verifies a fetched directory with the relay keys that directory lists itself",
            new InsurerDefects { SkippedDirectoryChecks = new HashSet<string> { "DIR-011" } }),
        new("accepts-older-directory", "DIR-013", "takes up a directory issued before the one it holds",
            new InsurerDefects { SkippedDirectoryChecks = new HashSet<string> { "DIR-013" } }),
    ];
}

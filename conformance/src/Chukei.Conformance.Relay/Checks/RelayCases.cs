using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Envelopes;
using Chukei.Contracts.Problems;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// Every case of the relay suite, grouped by requirement. The NUnit tests draw their cases from here
/// (<see cref="For"/>), and the kit's self-tests and <c>chukei conformance relay</c> run the same bodies.
/// </summary>
public static class RelayCases
{
    public static IReadOnlyList<RelayCase> All { get; } =
    [
        new("DIR-001", "party-descriptors", DirectoryShapeChecks.DescriptorsAsync) { TakesNoPerson = true },
        new("DIR-002", "exactly-one-relay", DirectoryShapeChecks.OneRelayAsync) { TakesNoPerson = true },
        new("DIR-003", "public-p256-keys", DirectoryShapeChecks.PublicKeysAsync) { TakesNoPerson = true },
        new("DIR-004", "unique-kids", DirectoryShapeChecks.UniqueKidsAsync) { TakesNoPerson = true },
        new("DIR-007", "insurer-numbers", DirectoryShapeChecks.InsurerNumbersAsync) { TakesNoPerson = true },
        new("ID-008", "party-ids", DirectoryShapeChecks.PartyIdsAsync) { TakesNoPerson = true },
        new("DIR-010", "signed-directory", SurfaceChecks.DirectoryAsync),
        .. EnvelopeAttacks.Presentable.Select(m => new RelayCase(EnvelopeAttacks.RequirementOf(m), m.Name, (s, c) => EnvelopeChecks.PresentAsync(s, c, m.Name))),
        new("DIR-012", "relay-jwks", SurfaceChecks.JwksAsync),
        new("DIR-008", "answers-signed-with-the-first-active-key", AnswerEnvelopeChecks.FirstActiveKeyAsync) { TakesNoPerson = true },
        new("DIR-008", "published-documents-signed-with-the-first-active-key", AnswerEnvelopeChecks.PublishedDocumentsFirstActiveKeyAsync) { TakesNoPerson = true },
        new("AUTH-010", "answer-envelope-members", AnswerEnvelopeChecks.MembersAsync) { TakesNoPerson = true },
        new("AUTH-001", "json-body", SurfaceChecks.MediaTypeAsync),
        .. SurfaceChecks.RoleRefusals.Select(r => new RelayCase("AUTH-011", r.Name, (s, c) => SurfaceChecks.RoleNotAllowedAsync(s, c, r)) { TakesNoPerson = true }),
        new("ERR-001", "problem-form", SurfaceChecks.ProblemFormAsync),
        new("ERR-003", "body-too-large", SurfaceChecks.BodyTooLargeAsync),
        .. BodyChecks.Flaws.Select(f => new RelayCase("ERR-005", f.Name, (s, c) => BodyChecks.InvalidFieldAsync(s, c, f)) { TakesNoPerson = true }),
        new("ERR-009", "role-before-body", BodyChecks.RoleBeforeBodyAsync) { TakesNoPerson = true },
        new("ERR-006", "unknown-path", SurfaceChecks.UnknownPathAsync),
        new("ERR-010", "no-personal-data", SurfaceChecks.NoPersonalDataAsync),

        new("RLY-001", "found", LookupChecks.FoundAsync),
        new("RLY-001", "found-by-medical-insurer", LookupChecks.FoundByMedicalInsurerAsync),
        new("ID-007", "medical-subject-without-branch", LookupChecks.MedicalSubjectWithoutBranchAsync),
        .. LookupChecks.InvalidFieldCases.Select(n => new RelayCase("RLY-002", n, (s, c) => LookupChecks.InvalidFieldAsync(s, c, n))),
        .. LookupChecks.SubjectKindCountCases.Select(n => new RelayCase("RLY-003", n, (s, c) => LookupChecks.InvalidFieldAsync(s, c, n)) { TakesNoPerson = true }),
        new("RLY-003", "medical-subject-from-ltc-insurer", (s, c) => LookupChecks.SubjectNotOwnedAsync(s, c, "medical-subject-from-ltc-insurer")),
        new("RLY-004", "another-insurers-number", (s, c) => LookupChecks.SubjectNotOwnedAsync(s, c, "another-insurers-number")),
        new("RLY-005", "childbirth-lump-sum-from-ltc-insurer", LookupChecks.PurposeNotAllowedAsync),
        new("RLY-005", "purpose-before-subject", LookupChecks.PurposeBeforeSubjectAsync),
        new("RLY-006", "not-found", LookupChecks.NotFoundAsync),
        new("RLY-006", "no-current-coverage", LookupChecks.NoCurrentCoverageAsync),
        new("RLY-006", "subject-enrolment-lost", LookupChecks.SubjectEnrolmentLostAsync),
        new("RLY-007", "found-members", LookupChecks.FoundMembersAsync),
        new("RLY-007", "lookup-seal-not-routed", LookupChecks.LookupSealNotRoutedAsync),
        new("RLY-007", "other-outcome-members", LookupChecks.OtherMembersAsync),
        new("RLY-008", "two-current-medical-enrolments", LookupChecks.MultipleMatchesAsync),
        new("RLY-008", "two-persons-under-one-number", LookupChecks.TwoPersonsAsync),
        new("RLY-009", "nothing-in-clear", LookupChecks.NothingInClearAsync),
        new("ID-012", "no-person-id-to-insurers", SealIssueChecks.NoPersonIdAsync),
        .. IdentifierChecks.Cases.Select(i => new RelayCase(i.RequirementId, i.Name, (s, c) => IdentifierChecks.RefusedAsync(s, c, i)) { TakesNoPerson = true }),
        new("ELG-010", "lookup-as-of-is-registration-time", LookupChecks.AsOfIsRegistrationAsync),
        new("ELG-010", "routed-as-of-is-registration-time", RoutedChecks.AsOfIsRegistrationAsync),
        new("RLY-033", "registration-takes-effect-when-registered", LookupChecks.RegistrationTakesEffectAsync),
        new("RLY-033", "acquisition-effective-today", LookupChecks.AcquisitionEffectiveTodayAsync),
        new("RLY-033", "acquisition-effective-tomorrow", LookupChecks.FutureAcquisitionAsync),

        new("SEAL-001", "opens-at-the-target", SealIssueChecks.OpensAtTargetAsync),
        new("SEAL-001", "fresh-encryption-per-seal", SealIssueChecks.FreshEncryptionAsync),
        new("SEAL-002", "claim-members", SealIssueChecks.ClaimMembersAsync),
        new("SEAL-003", "headers", SealIssueChecks.HeadersAsync),
        new("SEAL-004", "insured-is-the-registered-number", SealIssueChecks.InsuredAsync),
        new("SEAL-005", "aud-is-the-target", SealIssueChecks.AudienceAsync),
        new("SEAL-006", "requester-and-purpose", SealIssueChecks.RequesterAndPurposeAsync),
        new("SEAL-007", "lifetime", SealIssueChecks.LifetimeAsync),
        new("SEAL-008", "txn-is-the-lookup-entry", SealIssueChecks.TransactionAsync),
        new("SEAL-009", "as-of-is-registration-time", SealIssueChecks.AsOfAsync),
        new("SEAL-010", "fresh-jti", SealIssueChecks.FreshJtiAsync),
        new("SEAL-011", "encrypted-to-the-target", SealIssueChecks.EncryptedToTargetAsync),

        new("RLY-020", "forwards-a-routed-seal", RoutedChecks.ForwardsAsync),
        new("RLY-020", "forwards-the-service-date", RoutedChecks.ForwardsServiceDateAsync),
        new("RLY-020", "items-not-allowed-at-the-relay", RoutedChecks.ItemsNotAllowedAtTheRelayAsync),
        .. RoutedChecks.MalformedItems.Select(m => new RelayCase("RLY-020", "routed-" + m.Name, (s, c) => RoutedChecks.MalformedItemsAsync(s, c, m.Name))),
        new("RLY-020", "seal-txn-is-the-routed-entry", RoutedChecks.SealNamesTheEntryAsync),
        new("RLY-020", "other-outcome-without-as-of", RoutedChecks.OtherOutcomeWithoutAsOfAsync),
        new("RLY-005", "items-before-subject", RoutedChecks.ItemsBeforeSubjectAsync),
        new("RLY-005", "purpose-before-items", RoutedChecks.PurposeBeforeItemsAsync),
        .. RoutedChecks.Unavailable.Select(b => new RelayCase("RLY-021", RoutedChecks.CaseName(b), (s, c) => RoutedChecks.TargetUnavailableAsync(s, c, b))),
        new("AUTH-012", "routed-request-envelope", RoutedChecks.RequestEnvelopeAsync),
        new("RLY-022", "target-refuses", (s, c) => RoutedChecks.TargetRefusesAsync(s, c, StandInBehaviour.Refuses)),
        new("RLY-022", "target-fails-with-a-problem-document", (s, c) => RoutedChecks.TargetRefusesAsync(s, c, StandInBehaviour.FailsWithProblem)),
        new("RLY-023", "answer-byte-for-byte", RoutedChecks.ForwardsAnswerUntouchedAsync),
        .. RoutedChecks.Unverifiable.Select(b => new RelayCase("RLY-024", RoutedChecks.CaseName(b), (s, c) => RoutedChecks.TargetUnavailableAsync(s, c, b))),

        .. new[] { "answer-of-another-insurer", "to-another-requester", "lookup-never-answered" }
            .Select(n => new RelayCase("ELG-018", n, (s, c) => NoticeChecks.EntryUnknownAsync(s, c, n))),
        new("ELG-019", "resent-notice-kept-once", NoticeChecks.ResentOnceAsync),
        new("ELG-019", "resent-notice-keeps-its-received-at", NoticeChecks.ResentKeepsReceivedAtAsync),
        .. NoticeChecks.MalformedNotices.Select(m => new RelayCase("ELG-018", m.Name, (s, c) => NoticeChecks.MalformedNoticeAsync(s, c, m.Name))),
        .. NoticeChecks.MalformedAcknowledgements.Select(m => new RelayCase("ELG-020", m.Name, (s, c) => NoticeChecks.MalformedAcknowledgementAsync(s, c, m.Name)) { TakesNoPerson = true }),
        new("ELG-020", "picked-up-by-its-requester-only", NoticeChecks.PickedUpByItsRequesterAsync),
        new("ELG-020", "acknowledged-by-another-party", NoticeChecks.AcknowledgedByAnotherPartyAsync),
        new("LOG-031", "notice-logged-for-the-person", NoticeChecks.LoggedAsync),

        new("RLY-030", "medical-and-ltc-in-one-update", EnrolmentChecks.BothRecordsAsync),
        .. new[] { "neither-medical-nor-ltc", "insurer-number-check-digit" }.Select(n => new RelayCase("RLY-030", n, (s, c) => EnrolmentChecks.InvalidUpdateAsync(s, c, n))),
        new("RLY-031", "another-insurers-number", (s, c) => EnrolmentChecks.NotOwnedAsync(s, c, "another-insurers-number")),
        new("RLY-031", "record-of-the-other-kind", (s, c) => EnrolmentChecks.NotOwnedAsync(s, c, "record-of-the-other-kind")),
        new("RLY-032", "registered", EnrolmentChecks.RegisteredAsync),
        new("RLY-032", "person-not-found", EnrolmentChecks.PersonNotFoundAsync),
        new("RLY-032", "no-such-enrolment", EnrolmentChecks.NoSuchEnrolmentAsync),
        new("RLY-034", "repeated-update", EnrolmentChecks.RepeatedAsync),

        new("CLN-001", "fresh-single-challenges", CardChecks.FreshChallengesAsync) { TakesNoPerson = true },
        new("CLN-001", "portal-asks-for-a-challenge", CardChecks.PortalAsksForAChallengeAsync) { TakesNoPerson = true },
        .. CardChecks.InvalidFieldCases.Select(n => new RelayCase("CLN-002", n, (s, c) => CardChecks.InvalidFieldAsync(s, c, n)) { TakesNoPerson = true }),
        new("CLN-002", "insurer-checks-a-card", CardChecks.InsurerChecksACardAsync) { TakesNoPerson = true },
        new("CLN-010", "challenge-never-issued", CardChecks.ChallengeNeverIssuedAsync) { TakesNoPerson = true },
        new("CLN-010", "challenge-issued-to-another-clinic", CardChecks.ChallengeIssuedToAnotherClinicAsync) { TakesNoPerson = true },
        new("CLN-011", "challenge-presented-after-60-seconds", CardChecks.ExpiredChallengeAsync) { TakesNoPerson = true },
        new("CLN-012", "answered-challenge-presented-again", CardChecks.AnsweredChallengeAgainAsync),
        new("CLN-012", "refused-challenge-presented-again", CardChecks.RefusedChallengeAgainAsync) { TakesNoPerson = true },
        new("CLN-013", "not-der", CardChecks.NotDerAsync) { TakesNoPerson = true },
        new("CLN-013", "rsa-1024-key", CardChecks.ShortKeyAsync) { TakesNoPerson = true },
        new("CLN-014", "same-name-other-key", CardChecks.SameNameOtherKeyAsync) { TakesNoPerson = true },
        .. CardChecks.OtherSchemeCases.Select(n => new RelayCase("CLN-003", n, (s, c) => CardChecks.BadSignatureAsync(s, c, n)) { TakesNoPerson = true }),
        .. CardChecks.BadSignatureCases.Select(n => new RelayCase("CLN-015", n, (s, c) => CardChecks.BadSignatureAsync(s, c, n)) { TakesNoPerson = true }),
        new("CLN-016", "not-before-tomorrow", (s, c) => CardChecks.ValidityRefusedAsync(s, c, CardChecks.Validity.NotYetValid, ProblemCodes.CardCertificateNotYetValid)) { TakesNoPerson = true },
        new("CLN-016", "not-before-within-skew", CardChecks.NotBeforeWithinSkewAsync) { TakesNoPerson = true },
        new("CLN-017", "expired-four-months-ago", (s, c) => CardChecks.ValidityRefusedAsync(s, c, CardChecks.Validity.ExpiredBeyondGrace, ProblemCodes.CardCertificateExpired)) { TakesNoPerson = true },
        new("CLN-018", "revoked", CardChecks.RevokedAsync),
        new("CLN-019", "registered-to-nobody", (s, c) => CardChecks.ValidityRefusedAsync(s, c, CardChecks.Validity.Valid, ProblemCodes.CardHolderUnknown)) { TakesNoPerson = true },
        new("CLN-020", "expired-within-grace", CardChecks.ExpiredWithinGraceAsync),
        new("CLN-021", "found-and-forwarded", CardChecks.FoundAsync),
        new("CLN-021", "no-medical-enrolment", CardChecks.NoMedicalEnrolmentAsync),
        new("CLN-021", "two-current-medical-enrolments", CardChecks.TwoMedicalEnrolmentsAsync),
        new("CLN-021", "service-date-before-the-enrolment", CardChecks.ServiceDateBeforeTheEnrolmentAsync),
        new("CLN-021", "target-refuses", CardChecks.TargetRefusesAsync),
        new("CLN-022", "target-answer-byte-for-byte", CardChecks.TargetAnswerUntouchedAsync),
        new("CLN-023", "refused-check-in-the-holders-log", CardChecks.RefusedCheckLoggedAsync),
        new("CLN-023", "answered-check-in-the-holders-log", CardChecks.AnsweredCheckLoggedAsync),

        new("LOG-001", "entries-unchanged-by-a-report", RelayLogChecks.EntriesUnchangedByAReportAsync),
        new("LOG-002", "found-lookup-entry-members", RelayLogChecks.EntryMembersAsync),
        new("LOG-003", "found-lookup", RelayLogChecks.LookupLoggedAsync),
        new("LOG-003", "no-current-coverage-lookup", RelayLogChecks.UnansweredLookupLoggedAsync),
        new("LOG-003", "refused-lookup", RelayLogChecks.RefusedLookupLoggedAsync),
        new("LOG-004", "routed-inquiry", RoutedChecks.LoggedAsync),
        new("LOG-004", "target-unavailable-second-entry", RoutedChecks.UnavailableLoggedTwiceAsync),
        new("LOG-005", "hashes-recompute", RelayLogChecks.HashesRecomputeAsync),
        new("LOG-006", "sequence", RelayLogChecks.SequenceAsync),
        new("LOG-006", "head-seq-is-the-entry-count", RelayLogChecks.HeadSeqIsTheEntryCountAsync),
        new("LOG-006", "next-link-after-the-head", RelayLogChecks.NextLinkAsync),
        new("LOG-011", "no-such-entry", (s, c) => RelayLogChecks.UnknownEntryRefusedAsync(s, c, "no-such-entry")),
        new("LOG-011", "entry-of-another-provider", (s, c) => RelayLogChecks.UnknownEntryRefusedAsync(s, c, "entry-of-another-provider")),
        new("LOG-012", "reported-record-appended", RelayLogChecks.ReportReconcilesAsync),
        new("LOG-013", "unreconciled-until-reported", RelayLogChecks.UnreconciledUntilReportedAsync),
        new("LOG-013", "routed-unreconciled-until-reported", RelayLogChecks.RoutedUnreconciledUntilReportedAsync),
        new("LOG-011", "malformed-record-refuses-the-report", RelayLogChecks.MalformedRecordAsync),
        new("LOG-014", "repeated-report", RelayLogChecks.RepeatedReportAsync),
        new("LOG-015", "unknown-person", RelayLogChecks.UnknownPersonAsync),
        new("LOG-016", "only-own-entries", RelayLogChecks.OnlyOwnEntriesAsync),
        new("LOG-016", "in-seq-order", RelayLogChecks.InSeqOrderAsync),
        new("LOG-020", "latest-checkpoint", (s, c) => RelayLogChecks.CheckpointAsync(s, c, afterPeriodic: false)),
        new("LOG-020", "after-a-periodic-checkpoint", (s, c) => RelayLogChecks.CheckpointAsync(s, c, afterPeriodic: true)),
        new("LOG-021", "chain-verifies", RelayLogChecks.VerificationAsync),
    ];

    /// <summary>The requirements that have cases, in catalogue order of their ids.</summary>
    public static IReadOnlyList<string> Requirements { get; } = All.Select(c => c.RequirementId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The case names of one requirement, as NUnit test cases (the argument of the test method).</summary>
    public static IEnumerable<TestCaseData> For(string requirementId) =>
        All.Where(c => c.RequirementId == requirementId).Select(c => new TestCaseData(c.Name));

    public static RelayCase Find(string requirementId, string name) =>
        All.Single(c => c.RequirementId == requirementId && c.Name == name);
}

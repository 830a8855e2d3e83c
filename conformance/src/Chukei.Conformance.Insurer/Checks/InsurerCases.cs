using Chukei.Conformance.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// Every case of the insurer suite, grouped by requirement. The NUnit tests draw their cases from here
/// (<see cref="For"/>), and the kit's self-tests run the same bodies against the reference and its mutants.
/// </summary>
public static class InsurerCases
{
    public static IReadOnlyList<InsurerCase> All { get; } =
    [
        .. EnvelopeAttacks.Presentable.Select(m => new InsurerCase(EnvelopeAttacks.RequirementOf(m), m.Name, (s, c) => EnvelopeChecks.PresentAsync(s, c, m.Name))),
        .. SealCaseGroups.OverHttp.Select(m => new InsurerCase(SealCaseGroups.RequirementOf(m), m.Name, (s, c) => SealChecks.PresentMutationAsync(s, c, m.Name))),
        new("INS-031", "benefits-for-childbirth-lump-sum", SealChecks.ItemNotAllowedForPurposeAsync),
        new("AUTH-001", "media-type-text-plain", (s, c) => SurfaceChecks.WrongMediaTypeAsync(s, c, "text/plain")),
        new("AUTH-001", "media-type-application-json", (s, c) => SurfaceChecks.WrongMediaTypeAsync(s, c, "application/json")),
        new("ERR-006", "get-on-inquiries", (s, c) => SurfaceChecks.WrongMethodAsync(s, c, "GET")),
        new("ERR-006", "put-on-inquiries", (s, c) => SurfaceChecks.WrongMethodAsync(s, c, "PUT")),
        new("AUTH-001", "body-member-repeated", SurfaceChecks.RepeatedBodyMemberAsync),
        new("ERR-001", "problem-document-after-the-body-was-read", SurfaceChecks.ProblemDocumentAsync),
        new("INS-028", "thief-does-not-burn-the-seal", SurfaceChecks.ThiefDoesNotBurnTheSealAsync),
        new("INS-003", "another-branch", (s, c) => SurfaceChecks.OtherPartOfTheNumberAsync(s, c, "branch 02 instead of 01", i => i with { Branch = "02" })),
        new("ID-001", "number-with-a-trailing-space", (s, c) => SurfaceChecks.OtherPartOfTheNumberAsync(s, c, "a space after the number", i => i with { Number = i.Number + " " })),
        new("ID-001", "symbol-with-a-leading-space", (s, c) => SurfaceChecks.OtherPartOfTheNumberAsync(s, c, "a space before the symbol", i => i with { Symbol = " " + i.Symbol })),
        new("ID-001", "number-in-full-width-digits", (s, c) => SurfaceChecks.OtherPartOfTheNumberAsync(s, c, "the number in full-width digits", i => i with { Number = string.Concat(i.Number.Select(d => (char)(d - '0' + '０'))) })),
        new("ELG-003", "as-of-across-records", SurfaceChecks.AsOfAcrossRecordsAsync),
        new("ELG-006", "date-answered-is-date-used", SurfaceChecks.DateAnsweredIsDateUsedAsync),
        new("ELG-009", "multiple-matches-picks-no-record", LagChecks.MultipleMatchesAsync),
        new("INS-030", "eligibility-check-for-an-ltc-insurer", (s, c) => SurfaceChecks.AllowedPurposeAsync(s, c, RequesterId, Purposes.EligibilityCheck, "ltc-insurer")),
        new("INS-030", "ltc-medical-combined-for-a-medical-insurer", (s, c) => SurfaceChecks.AllowedPurposeAsync(s, c, OtherInsurerId, Purposes.LtcMedicalCombined, "medical-insurer")),
        new("LOG-010", "reported-once-to-the-bare-path", SurfaceChecks.ReportedOnceAsync),
        new("DIR-012", "jwks-public-keys-only", SurfaceChecks.PublicKeysOnlyAsync),
        new("INS-001", "clinic-calls", (s, c) => RequestChecks.RoleNotAllowedAsync(s, c, ClinicId)),
        new("INS-001", "portal-calls", (s, c) => RequestChecks.RoleNotAllowedAsync(s, c, PortalId)),
        .. RequestChecks.MalformedBodies.Select(b => new InsurerCase("INS-002", b.Name, (s, c) => RequestChecks.MalformedBodyAsync(s, c, b))),
        .. RequestChecks.WrongTypeBodies.Select(b => new InsurerCase("ERR-005", b.Name, (s, c) => RequestChecks.MalformedBodyAsync(s, c, b))),
        new("ERR-009", "role-before-body", RequestChecks.RoleBeforeBodyAsync),
        new("INS-042", "eligibility-only", (s, c) => AnswerChecks.OnlyAskedItemsAsync(s, c, "eligibility-only", DataItems.Eligibility)),
        new("INS-042", "benefits-only", (s, c) => AnswerChecks.OnlyAskedItemsAsync(s, c, "benefits-only", DataItems.Benefits)),
        new("INS-041", "routed-answer-to-requester", AnswerChecks.RoutedAudienceAsync),
        new("ELG-001", "invalid-newer-qualification", LagChecks.NewerQualificationAsync),
        new("ELG-001", "multiple-matches", LagChecks.MultipleMatchesAsync),
        new("ELG-002", "after-loss", LagChecks.AfterLossAsync),
        new("ELG-003", "as-of-last-registration", LagChecks.AsOfAsync),
        new("ELG-004", "change-pending", LagChecks.PendingAsync),
        new("ELG-004", "no-change-pending", LagChecks.NotPendingAsync),
        new("ELG-006", "no-service-date", LagChecks.TodayAsync),
        new("ELG-007", "past-service-date", LagChecks.PastServiceDateAsync),
        new("ELG-008", "loss-date-and-reason", LagChecks.AfterLossAsync),
        new("ELG-009", "no-qualification", LagChecks.NoQualificationAsync),
        new("ELG-009", "valid-answer-is-the-held-record", LagChecks.HeldRecordAsync),
        new("INS-003", "another-insurers-number", LagChecks.OtherInsurersNumberAsync),
        new("ELG-011", "unregistered-change", LagChecks.UnregisteredChangeIgnoredAsync),
        new("ELG-023", "turning-40", LtcSecondaryChecks.TurningFortyAsync),
        new("ELG-023", "before-40", LtcSecondaryChecks.BeforeFortyAsync),
        new("ELG-023", "leap-day-at-65", LtcSecondaryChecks.LeapDayAtSixtyFiveAsync),
        new("ELG-023", "dependant", LtcSecondaryChecks.DependantAsync),
        new("ELG-023", "not-covered", LtcSecondaryChecks.NotCoveredAsync),
        new("ELG-012", "period-before-august", (s, c) => BenefitChecks.CalculationPeriodAsync(s, c, new DateOnly(2026, 3, 10), "period-before-august")),
        new("ELG-012", "no-month-in-the-period", BenefitChecks.NoMonthInPeriodAsync),
        new("ELG-012", "period-from-august", (s, c) => BenefitChecks.CalculationPeriodAsync(s, c, new DateOnly(2026, 8, 5), "period-from-august")),
        new("INS-043", "valid", AnswerChecks.LogIdsAsync),
        new("INS-050", "from-the-relay", FallThroughChecks.FromTheRelayAsync),
        new("INS-050", "resent", FallThroughChecks.ResentAsync),
        new("INS-050", "not-from-the-relay", FallThroughChecks.NotFromTheRelayAsync),
        new("DIR-009", "rotated-requester-key", DirectoryChecks.RotatedKeyAsync),
        new("DIR-009", "rotated-relay-key", DirectoryChecks.RotatedRelayKeyAsync),
        .. DirectoryChecks.Forgeries.Select(f => new InsurerCase(f.Requirement, f.Name, (s, c) => DirectoryChecks.ForgedAsync(s, c, f.Name))),
        new("DIR-013", "older-directory", DirectoryChecks.OlderAsync),
        new("AUTH-004", "key-revoked-after-it-was-accepted", DirectoryChecks.RevokedAfterAcceptedAsync),
        .. new[] { "requester-mismatch", "expired", "items-not-allowed" }
            .Select(n => new InsurerCase("ERR-010", n, (s, c) => AnswerChecks.NoPersonalDataInProblemsAsync(s, c, n))),
        new("LOG-009", "refused-after-signature-verified", (s, c) => AccessLogChecks.RelayEntryAsync(s, c, "expired-at-skew-limit")),
        new("LOG-009", "refused-unreadable-seal", (s, c) => AccessLogChecks.RelayEntryAsync(s, c, "garbage")),
        new("LOG-008", "answered", (s, c) => AccessLogChecks.RecordedAsync(s, c, SealMutations.Valid.Name)),
        new("LOG-008", "refused-unreadable-seal", (s, c) => AccessLogChecks.RecordedAsync(s, c, "garbage")),
        new("LOG-008", "refused-wrong-audience", (s, c) => AccessLogChecks.RecordedAsync(s, c, "aud-other-insurer")),
        new("LOG-008", "refused-expired", (s, c) => AccessLogChecks.RecordedAsync(s, c, "expired-at-skew-limit")),
        new("LOG-010", "answered", (s, c) => AccessLogChecks.ReportedFieldsAsync(s, c, RequesterId, null)),
        new("LOG-010", "refused", (s, c) => AccessLogChecks.ReportedFieldsAsync(s, c, OtherInsurerId, ProblemCodes.SealRequesterMismatch)),
        new("LOG-009", "refused-seal-for-another-insurer", (s, c) => AccessLogChecks.RelayEntryAsync(s, c, "aud-other-insurer")),
        new("LOG-008", "no-qualification", AccessLogChecks.NoQualificationRecordedAsync),
        new("INS-028", "concurrent-presentations", SealChecks.ConcurrentPresentationsAsync),
        new("INS-030", "requester-not-in-the-directory", SealChecks.UnlistedRequesterAsync),
        new("INS-022", "unknown-claims-ignored", SealChecks.UnknownClaimsIgnoredAsync),
        new("ERR-003", "body-too-large", SurfaceChecks.BodyTooLargeAsync),
        new("ERR-006", "unknown-path", SurfaceChecks.UnknownPathAsync),
        .. EnvelopeDutyChecks.LaterRefusals.Select(r => new InsurerCase("AUTH-008", "recorded-" + r.Name, (s, c) => EnvelopeDutyChecks.RecordedDespiteLaterRefusalAsync(s, c, r))),
        new("AUTH-008", "refused-envelope-not-recorded", EnvelopeDutyChecks.RefusedNotRecordedAsync),
        .. EnvelopeDutyChecks.BadHeaders.Select(h => new InsurerCase("AUTH-002", h.Name, (s, c) => EnvelopeDutyChecks.HeaderFieldAsync(s, c, h))),
        new("ERR-009", "envelope-before-role", EnvelopeDutyChecks.EnvelopeBeforeRoleAsync),
        new("ERR-004", "header-at-depth-16", (s, c) => EnvelopeDutyChecks.HeaderDepthAsync(s, c, 15)),
        new("ERR-004", "header-at-depth-17", (s, c) => EnvelopeDutyChecks.HeaderDepthAsync(s, c, 16)),
        .. EnvelopeDutyChecks.ReadableRefusals.Select(r => new InsurerCase("ID-013", "correlation-id-in-the-" + r.Name, (s, c) => EnvelopeDutyChecks.CorrelationIdInProblemAsync(s, c, r))),
        new("AUTH-010", "answer-without-htm-htu", EnvelopeDutyChecks.AnswerWithoutRequestBindingAsync),
        .. AccessLogChecks.RequesterCases.Select(r => new InsurerCase("LOG-018", r.Name, (s, c) => AccessLogChecks.RequesterAsync(s, c, r))),
    ];

    /// <summary>The requirements that have cases, in catalogue order of their ids.</summary>
    public static IReadOnlyList<string> Requirements { get; } = All.Select(c => c.RequirementId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The case names of one requirement, as NUnit test cases (the argument of the test method).</summary>
    public static IEnumerable<TestCaseData> For(string requirementId) =>
        All.Where(c => c.RequirementId == requirementId).Select(c => new TestCaseData(c.Name));

    public static InsurerCase Find(string requirementId, string name) =>
        All.Single(c => c.RequirementId == requirementId && c.Name == name);
}

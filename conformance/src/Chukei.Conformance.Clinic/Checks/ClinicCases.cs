using Chukei.Conformance.Clinic.Driver;
using Chukei.Contracts.Problems;
using Chukei.Conformance.Clinic.Kit;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>
/// Every case of the clinic suite, grouped by requirement. The NUnit tests draw their cases from here
/// (<see cref="For"/>), and the kit's self-tests run the same bodies.
/// </summary>
public static class ClinicCases
{
    public static IReadOnlyList<ClinicCase> All { get; } =
    [
        new("AUTH-014", "answer-to-another-request", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.InResponseToAnother, "answers another request (inResponseTo)")),
        new("AUTH-014", "answer-signed-by-another-party", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.SignedByAnotherParty, "was signed by the insurer, not the relay the clinic called")),
        new("AUTH-014", "answer-for-another-audience", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.ForAnotherAudience, "is addressed to another party (aud)")),
        new("AUTH-014", "answer-expired", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.Expired, "expired 15 minutes ago")),
        new("AUTH-014", "answer-typed-as-request", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TypedAsRequest, "is typed chukei-req+jwt")),
        new("AUTH-014", "challenge-answer-signature-broken", ForgedAnswerChecks.ChallengeForgedAsync),
        new("AUTH-014", "notice-pickup-answer-signature-broken", NoticeChecks.PickupAnswerForgedAsync),
        new("CLN-030", "pin-not-four-digits", PinChecks.PinFormatAsync),
        new("CLN-031", "pin-blocked", PinChecks.BlockedAsync),
        new("CLN-031", "pin-blocked-6983", (s, c) => PinChecks.BlockedAsync(s, c, 0x6983)),
        new("CLN-032", "wrong-pin", PinChecks.WrongPinAsync),
        new("CLN-033", "certificate-file-ends-early", (s, c) => CertificateChecks.FileEndsEarlyAsync(s, c, warns: true)),
        new("CLN-033", "certificate-file-ends-early-without-warning", (s, c) => CertificateChecks.FileEndsEarlyAsync(s, c, warns: false)),
        new("CLN-034", "removed-during-certificate-read", (s, c) => CardSessionChecks.RemovedAsync(s, c, CardSessionChecks.ReadBinary)),
        new("CLN-034", "removed-before-sign", (s, c) => CardSessionChecks.RemovedAsync(s, c, CardSessionChecks.Sign)),
        new("CLN-034", "reset-before-sign", CardSessionChecks.ResetBeforeSignAsync),
        new("CLN-035", "one-sign-per-check", CardSessionChecks.OneSignAsync),
        new("CLN-035", "sign-fails", CardSessionChecks.SignFailsAsync),
        new("CLN-035", "service-date-asked-for", ConclusionChecks.ServiceDateAskedForAsync),
        new("CLN-035", "new-challenge-per-signature", ConclusionChecks.NewChallengePerSignatureAsync),
        new("CLN-036", "answer-signature-broken", ConclusionChecks.TamperedAnswerAsync),
        new("CLN-037", "multiple-matches", (s, c) => ConclusionChecks.ForgedAnswerAsync(s, c, f => f.MultipleMatches, ClinicVerdictKind.NotEligible, "a verified answer saying multiple-matches")),
        new("CLN-037", "target-unavailable", (s, c) => ConclusionChecks.ForgedAnswerAsync(s, c, _ => _ => ForgedRelayAnswers.ListedProblem(ProblemCodes.TargetUnavailable), ClinicVerdictKind.RelayProblem, "502 target-unavailable")),
        new("CLN-037", "target-refused", (s, c) => ConclusionChecks.ForgedAnswerAsync(s, c, _ => _ => ForgedRelayAnswers.ListedProblem(ProblemCodes.TargetRefused), ClinicVerdictKind.RelayProblem, "502 target-refused")),
        new("CLN-037", "invalid-newer-qualification", (s, c) => ConclusionChecks.ForgedAnswerAsync(s, c, f => f.TargetAnswerWithStatus("invalid-newer-qualification"), ClinicVerdictKind.NotEligible,
            "a verified answer whose insurer answer says invalid-newer-qualification")),
        new("CLN-037", "no-qualification", (s, c) => ConclusionChecks.ForgedAnswerAsync(s, c, f => f.TargetAnswerWithStatus("no-qualification"), ClinicVerdictKind.NotEligible,
            "a verified answer whose insurer answer says no-qualification")),
        new("CLN-037", "card-holder-unknown", (s, c) => ConclusionChecks.ForgedAnswerAsync(s, c, _ => _ => ForgedRelayAnswers.ListedProblem(ProblemCodes.CardHolderUnknown), ClinicVerdictKind.CardProblem, "404 card-holder-unknown")),
        new("ERR-008", "unlisted-4xx-code", (s, c) => ConclusionChecks.ForgedAnswerAsync(s, c, _ => _ => ForgedRelayAnswers.UnlistedProblem(403, "Card blocked"), ClinicVerdictKind.RelayProblem,
            $"403 with the unlisted code {ForgedRelayAnswers.UnlistedCode} under the title \"Card blocked\" (only a card-* code is a card problem)")),
        new("CLN-037", "eligible", ConclusionChecks.EligibleAsync),
        new("CLN-041", "eligible-with-a-t0-card", ConclusionChecks.T0CardAsync),
        new("CLN-037", "certificate-expired-within-grace", ConclusionChecks.WithinGraceAsync),
        new("CLN-038", "renewal-alert-within-grace", ConclusionChecks.RenewalAlertWithinGraceAsync),
        new("CLN-037", "certificate-expired-beyond-grace", (s, c) => ConclusionChecks.RefusedCardAsync(s, c, ClinicKitWorld.Cards.Expired, "certificate expired beyond grace")),
        new("CLN-037", "certificate-revoked", (s, c) => ConclusionChecks.RefusedCardAsync(s, c, ClinicKitWorld.Cards.Revoked, "certificate revoked")),
        new("CLN-037", "no-current-coverage", (s, c) => ConclusionChecks.NotEligibleAsync(s, c, ClinicKitWorld.Cards.NoCoverage, "the person has no coverage on the service date")),
        new("CLN-037", "loss-the-relay-has-not-registered", (s, c) => ConclusionChecks.NotEligibleAsync(s, c, ClinicKitWorld.Cards.RetroactiveLoss, "the insurer registered a loss before the service date")),
        new("CLN-037", "relay-down", ConclusionChecks.RelayDownAsync),
        new("CLN-039", "pin-in-no-log", PinChecks.PinNotLoggedAsync),
        new("CLN-040", "relay-slow", ConclusionChecks.RelaySlowAsync),
        new("CLN-040", "relay-answers-after-11-seconds", ConclusionChecks.RelayBeyondTenSecondsAsync),
        new("CLN-040", "relay-fails-after-sign", ConclusionChecks.RelayFailsAsync),
        new("ELG-005", "change-pending", ConclusionChecks.ChangePendingAsync),
        new("ELG-021", "valid-answer-superseded", NoticeChecks.SupersededAsync),
        new("ELG-021", "notice-delivered-twice", NoticeChecks.DeliveredTwiceAsync),
        new("ELG-021", "notice-naming-another-log-entry", NoticeChecks.NamingAnotherLogEntryAsync),
        new("ERR-008", "code-not-title", ForgedAnswerChecks.CodeNotTitleAsync),
        new("ERR-008", "unlisted-code", ForgedAnswerChecks.UnlistedCodeAsync),
        new("RLY-025", "target-answer-by-another-insurer", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TargetAnswerByAnotherInsurer, "forwarded an insurer answer signed by another insurer than the target")),
        new("RLY-025", "target-answer-for-another-audience", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TargetAnswerForAnotherAudience, "forwarded an insurer answer addressed to the relay (aud)")),
        new("RLY-025", "target-answer-for-another-correlation", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TargetAnswerForAnotherCorrelation, "forwarded an insurer answer for another correlationId")),
        new("RLY-025", "target-answer-replayed", ForgedAnswerChecks.ReplayedTargetAnswerAsync),
        new("RLY-025", "target-answers-of-two-insurers-share-a-jti", ForgedAnswerChecks.TwoInsurersShareAJtiAsync),
        new("RLY-025", "target-answer-signature-broken", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TargetAnswerSignatureBroken, "forwarded an insurer answer whose own signature does not verify")),
        new("RLY-025", "target-answer-expired", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TargetAnswerExpired, "forwarded an insurer answer that expired 15 minutes ago")),
        new("ID-001", "target-answer-log-entry-in-another-case", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TargetAnswerLogEntryInAnotherCase, "forwarded an insurer answer whose relayLogEntryId is the answer's logEntryId in another letter case")),
        new("RLY-025", "target-answer-for-another-log-entry", (s, c) => ForgedAnswerChecks.UntrustedAsync(s, c, f => f.TargetAnswerForAnotherLogEntry, "forwarded an insurer answer whose relayLogEntryId is not the answer's logEntryId")),
    ];

    /// <summary>The requirements that have cases, in id order.</summary>
    public static IReadOnlyList<string> Requirements { get; } = All.Select(c => c.RequirementId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The case names of one requirement, as NUnit test cases (the argument of the test method).</summary>
    public static IEnumerable<TestCaseData> For(string requirementId) =>
        All.Where(c => c.RequirementId == requirementId).Select(c => new TestCaseData(c.Name));

    public static ClinicCase Find(string requirementId, string caseName) =>
        All.Single(c => c.RequirementId == requirementId && c.Name == caseName);
}

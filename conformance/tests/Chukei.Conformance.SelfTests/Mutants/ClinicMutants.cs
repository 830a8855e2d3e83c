using Chukei.Clinic.Reception;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>A deliberately broken reference clinic: one defect, and the requirement it breaks.</summary>
public sealed record ClinicMutant(string Name, string BreaksRequirement, string Defect, ClinicDefects Defects) : IMutant
{
    public override string ToString() => Name;
}

/// <summary>The mutants of the reference clinic the clinic suite must kill (docs/conformance-clinic-mutants.md).</summary>
public static class ClinicMutants
{
    public static IReadOnlyList<ClinicMutant> All { get; } =
    [
        new("sends-malformed-pin-to-card", "CLN-030", "skips the local 4-digit check and sends whatever PIN was entered to the card",
            new ClinicDefects { SkipsPinFormatCheck = true }),
        new("retries-verify-after-wrong-pin", "CLN-032", "sends the same PIN a second time after the card answered 63Cx",
            new ClinicDefects { RetriesVerifyAfterWrongPin = true }),
        new("verifies-blocked-pin", "CLN-031", "sends VERIFY with the PIN although the counter query said the PIN is blocked",
            new ClinicDefects { SendsVerifyToBlockedPin = true }),
        new("change-pending-is-final", "ELG-005", "concludes a valid answer with a change pending as final eligible",
            new ClinicDefects { TreatsChangePendingAsFinal = true }),
        new("skips-relay-signature-check", "CLN-036", "reads the relay's answers without verifying their signatures",
            new ClinicDefects { SkipsRelaySignatureCheck = true }),
        new("ignores-answer-in-response-to", "AUTH-014", "uses the relay's answer without comparing its inResponseTo with the request's jti",
            new ClinicDefects { SkippedAnswerChecks = new HashSet<string> { "AUTH-014:inResponseTo" } }),
        new("accepts-answers-from-any-party", "AUTH-014", "uses an answer signed by any party in the directory, not only the relay it called",
            new ClinicDefects { SkippedAnswerChecks = new HashSet<string> { "AUTH-014:iss" } }),
        new("skips-answer-audience-check", "AUTH-014", "uses answers addressed to another party (no aud check), the relay's and the forwarded insurer's",
            new ClinicDefects { SkippedAnswerChecks = new HashSet<string> { "AUTH-007" } }),
        new("accepts-expired-answers", "AUTH-014", "uses answers whatever their iat and exp",
            new ClinicDefects { SkippedAnswerChecks = new HashSet<string> { "AUTH-005" } }),
        new("accepts-any-answer-typ", "AUTH-014", "uses an answer whatever its typ, a request envelope's included",
            new ClinicDefects { SkippedAnswerChecks = new HashSet<string> { "AUTH-002" } }),
        new("accepts-target-answers-from-any-insurer", "RLY-025", "uses a forwarded answer signed by any party in the directory, not only the insurer named in target",
            new ClinicDefects { SkippedAnswerChecks = new HashSet<string> { "RLY-025:iss" } }),
        new("accepts-replayed-target-answers", "RLY-025", "uses a forwarded answer whose (iss, jti) it has already accepted",
            new ClinicDefects { SkippedAnswerChecks = new HashSet<string> { "RLY-025:replay" } }),
        new("ignores-target-answer-ids", "RLY-025", "uses a forwarded answer without comparing its correlationId and relayLogEntryId with its own check's",
            new ClinicDefects { IgnoresForwardedAnswerIds = true }),
        new("ignores-retroactive-notices", "ELG-021", "picks up and acknowledges retroactive-change notices without storing them against its records",
            new ClinicDefects { IgnoresRetroactiveNotices = true }),
        new("stores-resent-notices-again", "ELG-021", "stores a notice delivered again under the same logEntryId as a second notice",
            new ClinicDefects { StoresResentNoticesAgain = true }),
        new("decides-on-problem-title", "ERR-008", "reads a relay refusal as a card problem when its title mentions the card, whatever its code",
            new ClinicDefects { DecidesOnProblemTitle = true }),
        new("reuses-card-session-after-removal", "CLN-034", "keeps the certificate read before a removal and starts the next check without SELECT and READ BINARY",
            new ClinicDefects { ReusesCardSessionAfterRemoval = true }),
        new("uses-partial-certificate", "CLN-033", "stops reading EF 000A at the first short answer and sends the bytes read so far to the relay as the certificate",
            new ClinicDefects { UsesPartialCertificate = true }),
        new("logs-the-pin", "CLN-039", "writes the PIN entered into the check's card trace",
            new ClinicDefects { LogsThePin = true }),
        new("gives-up-on-a-slow-relay", "CLN-040", "stops waiting for the relay's card-eligibility answer after 1 second",
            new ClinicDefects { GivesUpOnASlowRelay = true }),
        new("retries-failed-relay-request", "CLN-040", "re-sends the card-eligibility request once on its own when the relay answers 5xx",
            new ClinicDefects { RetriesFailedRelayRequest = true }),
        new("alerts-only-before-expiry", "CLN-038", "shows the renewal alert only for a certificate not yet expired, not for one expired within grace",
            new ClinicDefects { AlertsOnlyBeforeExpiry = true }),
    ];
}

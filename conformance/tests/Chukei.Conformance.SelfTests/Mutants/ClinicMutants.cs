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

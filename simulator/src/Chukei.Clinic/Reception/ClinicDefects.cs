namespace Chukei.Clinic.Reception;

/// <summary>
/// For mutation testing only: deliberate defects the clinic conformance kit switches on to prove its tests can fail
/// (docs/conformance-clinic-mutants.md). <see cref="None"/> in every real use.
/// </summary>
public sealed record ClinicDefects
{
    public static ClinicDefects None { get; } = new();

    /// <summary>Breaks CLN-030: skips the local PIN format check and sends whatever was entered to the card.</summary>
    public bool SkipsPinFormatCheck { get; init; }

    /// <summary>Breaks CLN-039: writes the PIN entered into the check's card trace.</summary>
    public bool LogsThePin { get; init; }

    /// <summary>Breaks CLN-032: after a wrong PIN, sends the same PIN once more on its own.</summary>
    public bool RetriesVerifyAfterWrongPin { get; init; }

    /// <summary>Breaks CLN-031: sends VERIFY with the PIN even when the counter query said the PIN is blocked.</summary>
    public bool SendsVerifyToBlockedPin { get; init; }

    /// <summary>Breaks ELG-005: concludes a valid answer with a change pending as final eligible.</summary>
    public bool TreatsChangePendingAsFinal { get; init; }

    /// <summary>Breaks CLN-036: reads the relay's answers without verifying their signatures (AUTH-003 skipped).</summary>
    public bool SkipsRelaySignatureCheck { get; init; }

    /// <summary>
    /// Breaks AUTH-014 or RLY-025: the answer checks (<c>EnvelopeVerifier.SkippedChecks</c> names, such as AUTH-005,
    /// AUTH-014:inResponseTo or RLY-025:iss) the clinic's verifier skips.
    /// </summary>
    public IReadOnlySet<string> SkippedAnswerChecks { get; init; } = new HashSet<string>();

    /// <summary>Breaks RLY-025: uses a forwarded insurer answer without comparing its correlationId and relayLogEntryId with its own check's.</summary>
    public bool IgnoresForwardedAnswerIds { get; init; }

    /// <summary>Breaks ERR-008: reads a relay refusal as a card problem when its title mentions the card, whatever its code.</summary>
    public bool DecidesOnProblemTitle { get; init; }

    /// <summary>Breaks ELG-021: picks up and acknowledges retroactive-change notices without storing them, so no earlier answer is superseded.</summary>
    public bool IgnoresRetroactiveNotices { get; init; }

    /// <summary>Breaks ELG-021: stores a notice delivered again (same logEntryId) as a second notice.</summary>
    public bool StoresResentNoticesAgain { get; init; }

    /// <summary>Breaks CLN-034: keeps the certificate read before a removal and starts the next check without SELECT and READ BINARY.</summary>
    public bool ReusesCardSessionAfterRemoval { get; init; }

    /// <summary>Breaks CLN-033: stops reading EF 000A at the first short answer and uses the bytes read so far as the certificate, unparsed.</summary>
    public bool UsesPartialCertificate { get; init; }

    /// <summary>Breaks CLN-040: gives up on the relay's card-eligibility answer after 1 second instead of waiting at least 10.</summary>
    public bool GivesUpOnASlowRelay { get; init; }

    /// <summary>Breaks CLN-040: re-sends the card-eligibility request once on its own when the relay fails (an automatic HTTP retry).</summary>
    public bool RetriesFailedRelayRequest { get; init; }

    /// <summary>Breaks CLN-038: shows the renewal alert only for a certificate that has not expired yet, forgetting one expired within grace.</summary>
    public bool AlertsOnlyBeforeExpiry { get; init; }
}

namespace Chukei.Insurers;

/// <summary>
/// For mutation testing only: deliberate defects a mutant of the reference insurer carries, so the conformance kit
/// can prove each of its tests fails against an implementation that breaks its requirement
/// (docs/conformance-mutants.md). The reference insurer always runs with <see cref="None"/>.
/// </summary>
public sealed record InsurerDefects
{
    public static InsurerDefects None { get; } = new();

    /// <summary>Requirement ids of step ④ whose check is skipped (see <c>SealVerificationContext.SkippedChecks</c>).</summary>
    public IReadOnlySet<string> SkippedSealChecks { get; init; } = new HashSet<string>();

    /// <summary>Requirement ids of the envelope checks (AUTH-005, AUTH-007, AUTH-008) the insurer skips; given to its <c>PartyContext</c>.</summary>
    public IReadOnlySet<string> SkippedEnvelopeChecks { get; init; } = new HashSet<string>();

    /// <summary>Directory checks the insurer skips when it refreshes (DIR-009 … DIR-013; see <c>DirectoryRefresher.SkippedChecks</c>).</summary>
    public IReadOnlySet<string> SkippedDirectoryChecks { get; init; } = new HashSet<string>();

    /// <summary>Refused inquiries leave no access record and so are never reported (breaks LOG-008).</summary>
    public bool OmitsRefusalRecords { get; init; }

    /// <summary>Refusal records never name the relay's entry, even when the seal's signature verified (breaks LOG-009).</summary>
    public bool OmitsRelayEntryOnRefusal { get; init; }

    /// <summary>Answers to a routed seal are addressed to the relay that forwarded it, not the sealed requester (breaks INS-041).</summary>
    public bool AddressesRoutedAnswersToRelay { get; init; }

    /// <summary>Answers for today whatever service date was asked (breaks ELG-007).</summary>
    public bool IgnoresServiceDate { get; init; }

    /// <summary>Never says a change is pending (breaks ELG-004).</summary>
    public bool NeverReportsPending { get; init; }

    /// <summary>Says the data is as of the moment of answering, not of the last registration (breaks ELG-003).</summary>
    public bool AsOfIsNow { get; init; }

    /// <summary>Answers from notified changes as if they were registered (breaks ELG-011).</summary>
    public bool AppliesUnregisteredChanges { get; init; }

    /// <summary>A refusal's detail quotes the sealed insured number, as a careless "for debugging" message would (breaks ERR-010).</summary>
    public bool LeaksNumberInProblems { get; init; }

    /// <summary>Benefits are answered whether or not they were asked for (breaks INS-042).</summary>
    public bool AnswersUnaskedBenefits { get; init; }

    /// <summary>Counts the loss date itself as still covered (an off-by-one: the loss date is the first day not covered; breaks ELG-002).</summary>
    public bool CountsLossDateAsCovered { get; init; }

    /// <summary>An invalid answer's qualification never carries the registered reasonOfLoss (breaks ELG-008).</summary>
    public bool OmitsReasonOfLoss { get; init; }

    /// <summary>An ended record is answered invalid even when the person qualified again at this insurer (breaks ELG-001's invalid-newer-qualification).</summary>
    public bool IgnoresNewerQualifications { get; init; }

    /// <summary>A number registered for two people is answered from the first one's record as valid (breaks ELG-001's multiple-matches).</summary>
    public bool PicksFirstOfMultipleMatches { get; init; }

    /// <summary>Benefits are those of the fiscal year (April – March) containing the service date, not of the calculation period (breaks ELG-012).</summary>
    public bool BenefitsByFiscalYear { get; init; }

    /// <summary>Benefits are every month the insurer holds, whatever the service date (breaks ELG-012).</summary>
    public bool AnswersEveryBenefitMonth { get; init; }

    /// <summary>A number nobody holds is answered invalid, as if "not found" meant "not valid" (breaks ELG-009).</summary>
    public bool AnswersInvalidForUnknownNumbers { get; init; }

    /// <summary>The sealed person is looked up by number alone, whatever insurer number the seal names (breaks INS-003).</summary>
    public bool IgnoresSealedInsurerNumber { get; init; }

    /// <summary>insurerLogEntryId is a fresh id, not the id of the record the insurer reported (breaks INS-043).</summary>
    public bool AnswersUnrelatedEntryId { get; init; }

    /// <summary>The answer's inResponseTo names the seal's jti instead of the request envelope's (breaks INS-040, AUTH-010).</summary>
    public bool AnswersInResponseToSealJti { get; init; }

    /// <summary>Remembers no valid answer and sends no retroactive-change notice, however its records change (breaks ELG-015).</summary>
    public bool NeverNotifies { get; init; }

    /// <summary>Clinics may call the inquiry endpoint directly, as the insurers did before INS-001 was checked (breaks INS-001).</summary>
    public bool ServesInquiriesToClinics { get; init; }

    /// <summary>Fall-through notices are taken from insurers as well as from the relay (breaks INS-050).</summary>
    public bool TakesFallThroughNoticesFromInsurers { get; init; }

    /// <summary>A resent fall-through notice fails, as a unique key on noticeId would make it (breaks INS-050).</summary>
    public bool FailsOnResentFallThroughNotices { get; init; }

    /// <summary>A fall-through notice is acknowledged under an id of the insurer's own, not the notice's (breaks INS-050).</summary>
    public bool AcknowledgesUnderOwnNoticeId { get; init; }

    /// <summary>The seal is checked before the request body, so a malformed body with a bad seal is refused for its seal (breaks INS-002).</summary>
    public bool ChecksSealBeforeBody { get; init; }

    /// <summary>Counts the secondary LTC status from the 40th birthday to the 65th, not from the day before each (breaks ELG-023).</summary>
    public bool LtcSecondaryFromBirthday { get; init; }

    /// <summary>Dates an age as the anniversary less a day, which for 29 February is a day early in a year without one (breaks ELG-023).</summary>
    public bool AgesFromMovedBirthday { get; init; }

    /// <summary>Computes the secondary LTC status from the age today, not on the service date (breaks ELG-023).</summary>
    public bool LtcSecondaryByAgeToday { get; init; }

    /// <summary>Says a dependant (家族) is never a secondary LTC insured, as if only the insured person paid the premium (breaks ELG-023).</summary>
    public bool LtcSecondaryForInsuredOnly { get; init; }

    /// <summary>Derives the secondary LTC status from the age alone, also for a record that no longer covers the service date (breaks ELG-023).</summary>
    public bool LtcSecondaryWhateverCoverage { get; init; }
}

namespace Chukei.Relay;

/// <summary>
/// For mutation testing only: deliberate defects a mutant of the reference relay carries, so the conformance kit can
/// prove each test of the relay suite fails against an implementation that breaks its requirement
/// (docs/conformance-mutants.md). The reference relay always runs with <see cref="None"/>.
/// </summary>
public sealed record RelayDefects
{
    public static RelayDefects None { get; } = new();

    /// <summary>Requirement ids of the envelope checks (AUTH-005, AUTH-007, AUTH-008) the relay skips; given to its <c>PartyContext</c>.</summary>
    public IReadOnlySet<string> SkippedEnvelopeChecks { get; init; } = new HashSet<string>();

    /// <summary>
    /// Identifier rules of §2 (ID-001 … ID-009, ID-013) the relay skips when it validates lookups and enrolment updates;
    /// ID-001 makes it normalise width and trim before checking (see <c>RequestValidation</c>).
    /// </summary>
    public IReadOnlySet<string> SkippedIdentifierRules { get; init; } = new HashSet<string>();

    /// <summary>
    /// The requirement (DIR-001, DIR-002, DIR-003, DIR-004, DIR-007 or ID-008) the directory the relay publishes breaks:
    /// <see cref="DirectoryFlaws"/> changes the document that way before the relay signs it.
    /// </summary>
    public string? DirectoryFlaw { get; init; }

    /// <summary>Any purpose is accepted from any role (breaks RLY-005).</summary>
    public bool SkipsPurposeCheck { get; init; }

    /// <summary>A requester may name a person by another insurer's number (breaks RLY-004).</summary>
    public bool IgnoresSubjectOwnership { get; init; }

    /// <summary>Seals are encrypted to the requester's key instead of the target's, so the requester reads the number (breaks SEAL-011).</summary>
    public bool SealsToRequester { get; init; }

    /// <summary>Seals live 10 minutes instead of at most 5 (breaks SEAL-007).</summary>
    public bool IssuesLongLivedSeals { get; init; }

    /// <summary>Seals are signed with the relay's retired key instead of its first active one (breaks SEAL-003; insurers still accept them).</summary>
    public bool SignsSealsWithRetiredKey { get; init; }

    /// <summary>Seals carry the person identifier as an extra claim (breaks SEAL-002 and ID-012).</summary>
    public bool AddsPersonIdToSeals { get; init; }

    /// <summary>A person with two current enrolments of the target kind is sealed for the first one (breaks RLY-008).</summary>
    public bool ChoosesAmongCurrentEnrolments { get; init; }

    /// <summary>An insurer may register enrolments under any insurer number (breaks RLY-031).</summary>
    public bool IgnoresEnrolmentOwnership { get; init; }

    /// <summary>A query for a person nobody has answers an empty log instead of person-unknown (breaks LOG-015).</summary>
    public bool AnswersUnknownPersons { get; init; }

    /// <summary>A target's refusal is passed on as target-unavailable, losing its code (breaks RLY-022).</summary>
    public bool HidesTargetRefusals { get; init; }

    /// <summary>A target's 200 answer is forwarded without verifying it (breaks RLY-024).</summary>
    public bool ForwardsUnverifiedAnswers { get; init; }

    /// <summary>In routed mode the relay re-signs the target's answer with its own key instead of forwarding it (breaks RLY-023).</summary>
    public bool ResignsRoutedAnswers { get; init; }

    /// <summary>A report naming a relay entry that does not exist is appended anyway (breaks LOG-011).</summary>
    public bool AcceptsUnknownLogEntries { get; init; }

    /// <summary>A retroactive-change notice is accepted whatever relay entry it names (breaks ELG-018).</summary>
    public bool AcceptsNoticesForAnyEntry { get; init; }

    /// <summary>A retroactive-change notice is kept without an access-log entry (breaks LOG-031).</summary>
    public bool OmitsNoticeEntries { get; init; }

    /// <summary>A resent retroactive-change notice is logged and kept again (breaks ELG-019).</summary>
    public bool KeepsResentNoticesTwice { get; init; }

    /// <summary>A pickup hands the caller every waiting notice, whoever it is addressed to (breaks ELG-020).</summary>
    public bool HandsNoticesToAnyCaller { get; init; }

    /// <summary>Lookups are answered without an access-log entry; the seal's txn names an entry that was never written (breaks LOG-003).</summary>
    public bool OmitsLookupEntries { get; init; }

    /// <summary>Card certificates on the revocation list are accepted (breaks CLN-018).</summary>
    public bool SkipsCardRevocationCheck { get; init; }

    /// <summary>Card certificates expired any time ago are treated as within the grace period (breaks CLN-017).</summary>
    public bool IgnoresCardGraceLimit { get; init; }

    /// <summary>A challenge stays usable after it was presented (breaks CLN-012).</summary>
    public bool AcceptsReplayedCardChallenge { get; init; }

    /// <summary>A challenge presented with a check that is then refused becomes usable again (breaks CLN-012).</summary>
    public bool FreesRefusedCardChallenges { get; init; }

    /// <summary>A challenge is accepted however long ago it expired (breaks CLN-011).</summary>
    public bool CardChallengesNeverExpire { get; init; }

    /// <summary>Challenges expire five minutes after issue instead of 60 seconds (breaks CLN-001).</summary>
    public bool CardChallengesLiveFiveMinutes { get; init; }

    /// <summary>Both card-eligibility calls are served to any role, not to clinics only (breaks CLN-001 and CLN-002).</summary>
    public bool ServesCardChecksToAnyRole { get; init; }

    /// <summary>A service date after today in Japan is accepted (breaks CLN-002).</summary>
    public bool AcceptsFutureServiceDates { get; init; }

    /// <summary>A challenge the relay never issued is accepted as if it were fresh (breaks CLN-010).</summary>
    public bool AcceptsUnissuedCardChallenges { get; init; }

    /// <summary>Card certificates with an RSA key of 1024 bits are accepted (breaks CLN-013).</summary>
    public bool AcceptsShortCardKeys { get; init; }

    /// <summary>A card certificate is trusted when its issuer name is a trusted CA's, whoever signed it (breaks CLN-014).</summary>
    public bool TrustsCardCaByName { get; init; }

    /// <summary>A card signature that does not verify as RSA PKCS#1 v1.5 is also tried as RSA-PSS, and accepted if it verifies so (breaks CLN-003).</summary>
    public bool AcceptsPssCardSignatures { get; init; }

    /// <summary>A card signature that does not verify over SHA-256 is also tried over SHA-1, and accepted if it verifies so (breaks CLN-003).</summary>
    public bool AcceptsSha1CardSignatures { get; init; }

    /// <summary>The card's signature is checked over today's date instead of the request's serviceDate (breaks CLN-015).</summary>
    public bool BindsCardSignatureToToday { get; init; }

    /// <summary>A card certificate's notBefore is not checked (breaks CLN-016).</summary>
    public bool IgnoresCardNotBefore { get; init; }

    /// <summary>A card certificate whose notBefore is after now is refused even within the 60-second skew (breaks CLN-016).</summary>
    public bool AllowsNoSkewForCardNotBefore { get; init; }

    /// <summary>A card registered to nobody is answered no-current-coverage instead of card-holder-unknown (breaks CLN-019).</summary>
    public bool AnswersUnregisteredCardsNoCoverage { get; init; }

    /// <summary>A card certificate past its notAfter is refused even within the three-month grace (breaks CLN-020).</summary>
    public bool RefusesCardsWithinGrace { get; init; }

    /// <summary>The card check looks for enrolments covering today instead of the request's serviceDate (breaks CLN-021).</summary>
    public bool CardCheckCoversToday { get; init; }

    /// <summary>A card holder with two current medical enrolments is checked at the first one (breaks CLN-021).</summary>
    public bool CardCheckChoosesFirstEnrolment { get; init; }

    /// <summary>The insurer's answer to a card check is re-signed by the relay instead of forwarded byte for byte (breaks CLN-022).</summary>
    public bool ResignsCardTargetAnswers { get; init; }

    /// <summary>A refused card check is logged without the holder, so the person never sees it (breaks CLN-023).</summary>
    public bool HidesRefusedCardAttempts { get; init; }

    /// <summary>A card check is logged as a lookup, not as the routed inquiry it is (breaks CLN-023).</summary>
    public bool LogsCardChecksAsLookups { get; init; }

    /// <summary>An entry a report reconciled is shown rewritten with the insurer's record time, as if updated in place (breaks LOG-001).</summary>
    public bool RewritesReconciledEntries { get; init; }

    /// <summary>A person's log is answered with entries that leave out whose data they are (personId) (breaks LOG-002).</summary>
    public bool ShowsEntriesWithoutPersonId { get; init; }

    /// <summary>The JWK Set at /.well-known/jwks.json lists only active keys, not the retired and revoked ones the directory lists (breaks DIR-012).</summary>
    public bool JwksListsActiveKeysOnly { get; init; }

    /// <summary>The directory JWS is typed JWT, a JOSE library's default, instead of chukei-dir+jwt (breaks DIR-010).</summary>
    public bool TypesDirectoryAsJwt { get; init; }

    /// <summary>A seal's asOf is the moment of sealing, not when the enrolment was registered (breaks SEAL-009).</summary>
    public bool SealAsOfIsNow { get; init; }

    /// <summary>Seal jtis count up from 1 instead of carrying 128 random bits (breaks SEAL-010).</summary>
    public bool NumbersSealsSequentially { get; init; }

    /// <summary>A path the relay does not serve gets the framework's bare 404, with no problem document (breaks ERR-006).</summary>
    public bool AnswersUnknownPathsBare { get; init; }

    /// <summary>A refused lookup's detail quotes the subject's insured number (breaks ERR-010).</summary>
    public bool LeaksNumberInProblems { get; init; }

    /// <summary>A resent enrolment update is registered again with a new registeredAt (breaks RLY-034).</summary>
    public bool RegistersRepeatedUpdates { get; init; }

    /// <summary>A person with no current enrolment is answered not-found, as if unknown (breaks RLY-006).</summary>
    public bool ReportsNoCoverageAsNotFound { get; init; }

    /// <summary>A found lookup answer carries no asOf (breaks RLY-007).</summary>
    public bool OmitsLookupAsOf { get; init; }

    /// <summary>An acquisition registered with a future effective date is current at once (breaks RLY-033).</summary>
    public bool IgnoresFutureEffectiveDates { get; init; }

    /// <summary>A routed inquiry writes a lookup entry as well as its routed-inquiry entry (breaks LOG-004).</summary>
    public bool LogsRoutedInquiriesAsLookupsToo { get; init; }

    /// <summary>Seals are addressed to the target's insurer number instead of its party id (breaks SEAL-005).</summary>
    public bool AddressesSealsToInsurerNumber { get; init; }

    /// <summary>Every seal names the purpose eligibility-check, whatever the request's purpose (breaks SEAL-006).</summary>
    public bool SealsOnePurpose { get; init; }

    /// <summary>A loss of an enrolment the relay does not hold is answered registered, as if there were something to end (breaks RLY-032).</summary>
    public bool AnswersRegisteredForUnknownLosses { get; init; }

    /// <summary>A medical seal's insured leaves out the symbol (記号), as if it were optional (breaks SEAL-004).</summary>
    public bool OmitsSymbolFromSeals { get; init; }

    /// <summary>The checkpoint JWS is typed JWT instead of chukei-checkpoint+jwt (breaks LOG-020).</summary>
    public bool TypesCheckpointsAsJwt { get; init; }

    /// <summary>GET checkpoints/latest serves the last stored checkpoint (signed every 100 entries) instead of signing one (breaks LOG-020).</summary>
    public bool ServesStoredCheckpoint { get; init; }

    /// <summary>Serves lookups to LTC insurers only, reading figure 5 as one-way (breaks RLY-001).</summary>
    public bool ServesLookupsToLtcInsurersOnly { get; init; }

    /// <summary>A found lookup's asOf is the time of the answer, not when the relay registered the enrolment (breaks ELG-010).</summary>
    public bool LookupAsOfIsNow { get; init; }

    /// <summary>A person query's unreconciled member is always empty (breaks LOG-013).</summary>
    public bool ListsNothingUnreconciled { get; init; }
}

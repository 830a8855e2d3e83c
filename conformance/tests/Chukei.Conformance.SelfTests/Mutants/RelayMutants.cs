using Chukei.Relay;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>A deliberately broken reference relay: one defect, and the requirement it breaks.</summary>
public sealed record RelayMutant(string Name, string BreaksRequirement, string Defect, RelayDefects Defects) : IMutant
{
    public override string ToString() => Name;
}

/// <summary>The mutants of the reference relay the relay suite must kill (docs/conformance-relay-mutants.md).</summary>
public static class RelayMutants
{
    public static IReadOnlyList<RelayMutant> All { get; } =
    [
        .. InsurerMutants.EnvelopeChecks.Select(m => new RelayMutant("relay-" + m.Name, m.Requirement, m.Defect,
            new RelayDefects { SkippedEnvelopeChecks = new HashSet<string> { m.Requirement } })),
        new("skips-purpose-check", "RLY-005", "looks up for any purpose, whatever the caller's role",
            new RelayDefects { SkipsPurposeCheck = true }),
        new("ignores-subject-ownership", "RLY-004", "lets a requester name a person by another insurer's number",
            new RelayDefects { IgnoresSubjectOwnership = true }),
        new("seals-to-requester", "SEAL-011", "encrypts the seal to the requester's key, so the requester reads the target's number",
            new RelayDefects { SealsToRequester = true }),
        new("long-lived-seals", "SEAL-007", "issues seals that live 10 minutes",
            new RelayDefects { IssuesLongLivedSeals = true }),
        new("signs-seals-with-retired-key", "SEAL-003", "signs seals with its retired key, which insurers still accept",
            new RelayDefects { SignsSealsWithRetiredKey = true }),
        new("adds-person-id-to-seals", "SEAL-002", "puts the person identifier into the seal as an extra claim",
            new RelayDefects { AddsPersonIdToSeals = true }),
        new("chooses-among-current-enrolments", "RLY-008", "seals for the first of two current medical enrolments instead of answering multiple-matches",
            new RelayDefects { ChoosesAmongCurrentEnrolments = true }),
        new("ignores-enrolment-ownership", "RLY-031", "registers enrolments under any insurer number",
            new RelayDefects { IgnoresEnrolmentOwnership = true }),
        new("answers-unknown-persons", "LOG-015", "answers an empty log for a person id nobody has",
            new RelayDefects { AnswersUnknownPersons = true }),
        new("hides-target-refusals", "RLY-022", "passes a target's refusal on as target-unavailable, losing its code",
            new RelayDefects { HidesTargetRefusals = true }),
        new("forwards-unverified-answers", "RLY-024", "forwards a target's 200 answer without verifying it",
            new RelayDefects { ForwardsUnverifiedAnswers = true }),
        new("resigns-routed-answers", "RLY-023", "re-signs the target's answer with its own key instead of forwarding it",
            new RelayDefects { ResignsRoutedAnswers = true }),
        new("accepts-unknown-log-entries", "LOG-011", "appends reports naming relay entries that do not exist or are another insurer's",
            new RelayDefects { AcceptsUnknownLogEntries = true }),
        new("accepts-notices-for-any-entry", "ELG-018", "accepts a retroactive-change notice whatever relay entry it names",
            new RelayDefects { AcceptsNoticesForAnyEntry = true }),
        new("omits-notice-entries", "LOG-031", "keeps a retroactive-change notice without logging it in the person's history",
            new RelayDefects { OmitsNoticeEntries = true }),
        new("keeps-resent-notices-twice", "ELG-019", "logs and keeps a resent retroactive-change notice again",
            new RelayDefects { KeepsResentNoticesTwice = true }),
        new("hands-notices-to-any-caller", "ELG-020", "hands every waiting retroactive-change notice to whoever picks up",
            new RelayDefects { HandsNoticesToAnyCaller = true }),
        new("omits-lookup-entries", "LOG-003", "answers lookups without writing an access-log entry",
            new RelayDefects { OmitsLookupEntries = true }),
        new("answers-errors-as-plain-text", "ERR-001", "answers refusals as text/plain instead of a problem document",
            new RelayDefects { SkippedEnvelopeChecks = new HashSet<string> { "ERR-001" } }),
        new("sets-no-body-limit", "ERR-003", "reads a request body of any size instead of refusing one over 65 536 bytes",
            new RelayDefects { SkippedEnvelopeChecks = new HashSet<string> { "ERR-003" } }),
        new("jwks-lists-active-keys-only", "DIR-012", "serves only its active keys at /.well-known/jwks.json, not the retired and revoked ones",
            new RelayDefects { JwksListsActiveKeysOnly = true }),
        new("types-directory-as-jwt", "DIR-010", "signs its directory typed JWT instead of chukei-dir+jwt",
            new RelayDefects { TypesDirectoryAsJwt = true }),
        new("seal-as-of-now", "SEAL-009", "puts the moment of sealing in a seal's asOf, not when the enrolment was registered",
            new RelayDefects { SealAsOfIsNow = true }),
        new("numbers-seals-sequentially", "SEAL-010", "gives seals jtis counting up from 1",
            new RelayDefects { NumbersSealsSequentially = true }),
        new("answers-unknown-paths-bare", "ERR-006", "answers a path it does not serve with a bare 404 and no problem document",
            new RelayDefects { AnswersUnknownPathsBare = true }),
        new("leaks-number-in-problems", "ERR-010", "quotes the subject's insured number in a refusal's detail",
            new RelayDefects { LeaksNumberInProblems = true }),
        new("reports-no-coverage-as-not-found", "RLY-006", "answers not-found for a known person with no current enrolment",
            new RelayDefects { ReportsNoCoverageAsNotFound = true }),
        new("omits-lookup-as-of", "RLY-007", "leaves asOf out of a found lookup answer",
            new RelayDefects { OmitsLookupAsOf = true }),
        new("ignores-future-effective-dates", "RLY-033", "treats an acquisition effective tomorrow as current today",
            new RelayDefects { IgnoresFutureEffectiveDates = true }),
        new("logs-routed-inquiries-as-lookups-too", "LOG-004", "writes a lookup entry besides the routed-inquiry entry",
            new RelayDefects { LogsRoutedInquiriesAsLookupsToo = true }),
        new("addresses-seals-to-insurer-number", "SEAL-005", "puts the target's insurer number in a seal's aud instead of its party id",
            new RelayDefects { AddressesSealsToInsurerNumber = true }),
        new("seals-one-purpose", "SEAL-006", "names eligibility-check in every seal, whatever the request's purpose",
            new RelayDefects { SealsOnePurpose = true }),
        new("registers-repeated-updates", "RLY-034", "registers a resent enrolment update a second time",
            new RelayDefects { RegistersRepeatedUpdates = true }),
    ];
}

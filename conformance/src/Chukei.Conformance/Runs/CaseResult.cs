using Chukei.Conformance.Evidence;

namespace Chukei.Conformance.Runs;

/// <summary>
/// The verdict on one case of a suite in a command-line run: the requirement it checks (and that requirement's
/// level), the case name, the outcome, why, and every exchange with the target.
/// </summary>
public sealed record CaseResult(string RequirementId, string Level, string CaseName, CaseOutcome Outcome, string? Reason,
    IReadOnlyList<EvidenceItem> Exchanges, TimeSpan Duration)
{
    /// <summary>"INS-024 aud-other-insurer": unique within a suite, what <c>--filter</c> and the expected-failures file accept.</summary>
    public string FullName => $"{RequirementId} {CaseName}";

    /// <summary>
    /// For a failed case, the requirement the target broke, when it is not the case's own: a case reads an answer
    /// whose envelope is broken (AUTH-010) or sees a second VERIFY (CLN-032) on its way to what it checks, and the
    /// failure is reported under the rule that was broken. Null otherwise.
    /// </summary>
    public string? ViolatedRequirementId { get; init; }

    /// <summary>True when the case could not run because the target did not answer at all (connection refused, reset, timed out).</summary>
    public bool TargetUnreachable { get; init; }

    /// <summary>Whether this outcome fails the run: a MUST violated that is not expected, or an expected failure that now passes.</summary>
    public bool FailsRun => Outcome is CaseOutcome.Failed or CaseOutcome.UnexpectedPass;

    /// <summary>
    /// A MUST case the kit could not check (its precondition did not hold, or the target stopped answering): not a
    /// pass, so the run cannot say the target conforms, unless the vendor lists the case as a known gap.
    /// </summary>
    public bool LeavesMustUnchecked => Outcome == CaseOutcome.Inconclusive && Level == "MUST";
}

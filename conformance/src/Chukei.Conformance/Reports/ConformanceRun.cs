using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Reports;

/// <summary>
/// One command-line run of a suite against a target, as the reports show it: the suite, the target, when it started,
/// how long it took, every case's result, and the one-line command that re-runs a given case against the same target.
/// </summary>
public sealed record ConformanceRun(string Suite, string TargetUrl, DateTimeOffset StartedAt, TimeSpan Duration,
    IReadOnlyList<CaseResult> Results, Func<CaseResult, string> RerunCommand)
{
    public int CountOf(CaseOutcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>
    /// What the run shows: a MUST violated (or a stale expected failure) → not conformant; else the target stopped
    /// answering → no verdict; else a MUST case the kit could not check → not shown conformant (an unchecked MUST is
    /// never read as held); else conformant.
    /// </summary>
    public RunVerdict Verdict =>
        Results.Any(r => r.FailsRun) ? RunVerdict.NotConformant
        : Results.Any(r => r.TargetUnreachable) ? RunVerdict.NoVerdict
        : Results.Any(r => r.LeavesMustUnchecked) ? RunVerdict.NotShownConformant
        : RunVerdict.Conformant;

    /// <summary>The verdict as the console, the HTML title and results.json say it.</summary>
    public string VerdictText => Verdict switch
    {
        RunVerdict.Conformant => "conformant: every MUST held",
        RunVerdict.NotConformant => "NOT conformant: a MUST was violated (or an expected failure now passes)",
        RunVerdict.NoVerdict => "NO VERDICT: the target stopped answering during the run",
        _ => $"NOT SHOWN CONFORMANT: {Results.Count(r => r.LeavesMustUnchecked)} MUST case(s) could not be checked, and an unchecked MUST is not a pass "
            + "(each says why; list a known gap in the expected-failures file)",
    };

    /// <summary>The requirements in id order, each with the worst outcome of its cases (failed beats inconclusive beats warning beats not claimed beats passed).</summary>
    public IReadOnlyList<(string RequirementId, CaseOutcome Outcome, IReadOnlyList<CaseResult> Cases)> ByRequirement() =>
        Results.GroupBy(r => r.RequirementId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Max(r => r.Outcome), (IReadOnlyList<CaseResult>)g.ToList()))
            .ToList();

    public static string Symbol(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Passed => "✔",
        CaseOutcome.NotClaimed => "–",
        CaseOutcome.Warning => "!",
        CaseOutcome.Inconclusive => "?",
        CaseOutcome.ExpectedFailure => "✘ (expected)",
        CaseOutcome.UnexpectedPass => "✔ (listed as expected failure)",
        _ => "✘",
    };
}

/// <summary>What a run shows about the target, worst first after <see cref="Conformant"/>.</summary>
public enum RunVerdict
{
    /// <summary>Every MUST case held (listed known gaps aside).</summary>
    Conformant,

    /// <summary>A MUST was violated, or an expected failure now passes.</summary>
    NotConformant,

    /// <summary>The target stopped answering: nothing can be concluded.</summary>
    NoVerdict,

    /// <summary>Nothing was violated, but a MUST case could not be checked, so conformance is not shown.</summary>
    NotShownConformant,
}

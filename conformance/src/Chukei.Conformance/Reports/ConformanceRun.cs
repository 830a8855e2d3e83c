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

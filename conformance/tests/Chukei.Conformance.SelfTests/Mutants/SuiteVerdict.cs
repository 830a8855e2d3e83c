namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>A suite's verdict on one target (the reference or a mutant): its failed cases (a SHOULD's warning included) and inconclusive ones.</summary>
public sealed record SuiteVerdict(string TargetName, IReadOnlyList<CaseFailure> Failures, IReadOnlyList<string> Inconclusive)
{
    /// <summary>The requirements whose tests failed, in id order.</summary>
    public IReadOnlyList<string> FailedRequirements => Failures.Select(f => f.RequirementId).Distinct().Order(StringComparer.Ordinal).ToList();

    public int FailuresOf(string requirementId) => Failures.Count(f => f.RequirementId == requirementId);
}

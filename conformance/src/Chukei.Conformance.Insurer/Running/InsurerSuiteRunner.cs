using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Insurer.Running;

/// <summary>
/// Runs cases of the insurer suite as plain async methods (no NUnit at run time) against a started session, one after
/// another, each with its own evidence: what <c>chukei conformance insurer</c> does.
/// </summary>
public static class InsurerSuiteRunner
{
    /// <summary>
    /// The cases <paramref name="filter"/> selects: a requirement id (all its cases), a case name (under every
    /// requirement that has one of that name) or "<c>REQ case</c>" (exactly one); null selects all. Empty when nothing matches.
    /// </summary>
    public static IReadOnlyList<InsurerCase> Select(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return InsurerCases.All;
        var wanted = filter.Trim();
        return InsurerCases.All.Where(c => c.RequirementId == wanted || c.Name == wanted || c.ToString() == wanted).ToList();
    }

    /// <summary>
    /// Runs <paramref name="cases"/> in order, handing each result to <paramref name="progress"/> as it comes. Throws
    /// <see cref="TargetUnreachableException"/> when the target does not answer the first case at all.
    /// </summary>
    public static async Task<IReadOnlyList<CaseResult>> RunAsync(InsurerSession session, IReadOnlyList<InsurerCase> cases,
        Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<CaseResult>(cases.Count);
        foreach (var @case in cases)
        {
            ct.ThrowIfCancellationRequested();
            var result = await CaseRunner.RunAsync(@case.RequirementId, @case.Name, check => @case.Body(session, check));
            if (results.Count == 0 && result.TargetUnreachable)
                throw new TargetUnreachableException($"the target {session.Target.Target.BaseUrl} did not answer: {result.Reason}");
            results.Add(result);
            progress?.Invoke(result);
        }
        return results;
    }
}

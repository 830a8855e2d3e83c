using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Runs;

/// <summary>
/// One case of a suite: the requirement it checks, its name (the NUnit test-case argument) and its body. The body is
/// a plain async method given the suite's session, so the kit's self-tests and the CLI run it without NUnit.
/// </summary>
public record ConformanceCase<TSession>(string RequirementId, string Name, Func<TSession, CheckContext, Task> Body)
{
    public override string ToString() => $"{RequirementId} {Name}";
}

/// <summary>Selecting and running a suite's cases outside NUnit: what <c>chukei conformance &lt;role&gt;</c> does.</summary>
public static class SuiteCases
{
    /// <summary>
    /// The cases <paramref name="filter"/> selects: a requirement id (all its cases), a case name (under every
    /// requirement that has one of that name) or "<c>REQ case</c>" (exactly one); null selects all. Empty when nothing matches.
    /// </summary>
    public static IReadOnlyList<ConformanceCase<TSession>> Select<TSession>(IReadOnlyList<ConformanceCase<TSession>> all, string? filter)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (string.IsNullOrWhiteSpace(filter)) return all;
        var wanted = filter.Trim();
        return all.Where(c => c.RequirementId == wanted || c.Name == wanted || c.ToString() == wanted).ToList();
    }

    /// <summary>
    /// Runs <paramref name="cases"/> in order, handing each result to <paramref name="progress"/> as it comes. Throws
    /// <see cref="TargetUnreachableException"/> when the target does not answer the first case at all.
    /// </summary>
    public static Task<IReadOnlyList<CaseResult>> RunAsync<TSession>(TSession session, IReadOnlyList<ConformanceCase<TSession>> cases,
        Uri targetUrl, Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(targetUrl);
        return RunAsync(session, cases, $"the target {targetUrl}", progress, ct);
    }

    /// <summary>As above, for a target that is not a URL (<paramref name="target"/>: "the clinic's driver command '…'").</summary>
    public static async Task<IReadOnlyList<CaseResult>> RunAsync<TSession>(TSession session, IReadOnlyList<ConformanceCase<TSession>> cases,
        string target, Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<CaseResult>(cases.Count);
        foreach (var @case in cases)
        {
            ct.ThrowIfCancellationRequested();
            var result = await CaseRunner.RunAsync(@case.RequirementId, @case.Name, check => @case.Body(session, check));
            if (results.Count == 0 && result.TargetUnreachable)
                throw new TargetUnreachableException($"{target} did not answer: {result.Reason}");
            results.Add(result);
            progress?.Invoke(result);
        }
        return results;
    }
}

namespace Chukei.Conformance.Runs;

/// <summary>
/// A vendor's list of known gaps: one case per line (<c>INS-024 aud-other-insurer</c>, or a bare case name, which
/// lists it under every requirement that has a case of that name), each with a <c>#</c> comment saying why, either
/// at the end of the line or on the comment line(s) directly above it. An entry without a comment, or one naming no
/// case of the suite, rejects the whole file (a configuration error): the list must explain itself and stay honest.
/// </summary>
public sealed class ExpectedFailures
{
    private readonly Dictionary<string, string> _reasons;

    private ExpectedFailures(Dictionary<string, string> reasons) => _reasons = reasons;

    public static ExpectedFailures None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Parses <paramref name="lines"/> against the suite's cases; throws <see cref="FormatException"/> naming the line that is wrong.</summary>
    public static ExpectedFailures Parse(IEnumerable<string> lines, IReadOnlyList<(string RequirementId, string CaseName)> cases)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(cases);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        string? pendingComment = null;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                pendingComment = null;
                continue;
            }
            if (line.StartsWith('#'))
            {
                var text = line.TrimStart('#').Trim();
                pendingComment = pendingComment is null ? text : pendingComment + " " + text;
                continue;
            }
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var entry = (hash < 0 ? line : line[..hash]).Trim();
            var comment = hash < 0 ? pendingComment : line[(hash + 1)..].Trim();
            if (string.IsNullOrWhiteSpace(comment))
                throw new FormatException($"line {number}: '{entry}' has no comment; say why it is expected to fail with '# …' at the end of the line or on the line above");
            var matches = cases.Where(c => entry == $"{c.RequirementId} {c.CaseName}" || entry == c.CaseName).ToList();
            if (matches.Count == 0)
                throw new FormatException($"line {number}: '{entry}' names no case of the suite (write '<requirement> <case>', e.g. 'INS-024 aud-other-insurer')");
            foreach (var (requirementId, caseName) in matches) reasons[$"{requirementId} {caseName}"] = comment;
        }
        return new ExpectedFailures(reasons);
    }

    public int Count => _reasons.Count;

    /// <summary>The comment of the entry listing the case, or null when the case is not listed.</summary>
    public string? ReasonFor(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _reasons.GetValueOrDefault(result.FullName);
    }

    /// <summary>
    /// Applies the list: a listed failure, or a listed case the kit could not check, becomes an expected failure; a
    /// listed case that passed an unexpected pass.
    /// </summary>
    public CaseResult Apply(CaseResult result)
    {
        var listed = ReasonFor(result);
        if (listed is null) return result;
        return result.Outcome switch
        {
            CaseOutcome.Failed or CaseOutcome.Inconclusive when !result.TargetUnreachable =>
                result with { Outcome = CaseOutcome.ExpectedFailure, Reason = $"{result.Reason}{Environment.NewLine}  expected failure: {listed}" },
            CaseOutcome.Passed or CaseOutcome.Warning => result with
            {
                Outcome = CaseOutcome.UnexpectedPass,
                Reason = $"expected failure now passes — remove it from the list ({listed})",
            },
            _ => result,
        };
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Chukei.Conformance.Requirements;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Reports;

/// <summary>
/// The run as one self-contained HTML page: a summary, a table rolled up per requirement (the worst outcome of its
/// cases wins), then for each case that needs attention (failed, stale expected failure, inconclusive, warning,
/// known gap) the requirement's text from the catalogue, the reason, the exchanged messages and a one-line command
/// that re-runs exactly that case against the same target.
/// </summary>
public static class HtmlReport
{
    public static string Render(ConformanceRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>chukei conformance ").Append(E(run.Suite)).AppendLine("</title>");
        html.AppendLine("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
            + ".failed,.unexpectedpass{background:#fdd}.inconclusive{background:#eee}.warning{background:#ffd}.expectedfailure{background:#def}.passed{background:#dfd}.notclaimed{background:#f4f4f4}"
            + "pre{background:#f6f6f6;padding:8px;white-space:pre-wrap;word-break:break-all}code.cmd{display:block;background:#222;color:#eee;padding:6px}</style></head><body>");
        html.Append("<h1>chukei conformance ").Append(E(run.Suite)).Append(": ").Append(E(run.VerdictText)).AppendLine("</h1>");
        html.Append("<p>Target <code>").Append(E(run.TargetUrl)).Append("</code>, started ")
            .Append(E(run.StartedAt.ToString("u", CultureInfo.InvariantCulture))).Append(", ")
            .Append(run.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s, ")
            .Append(run.Results.Count).Append(" cases: ")
            .Append(string.Join(", ", Enum.GetValues<CaseOutcome>().Where(o => run.CountOf(o) > 0).Select(o => $"{run.CountOf(o)} {Label(o)}")))
            .AppendLine("</p>");

        html.AppendLine("<h2>Requirements</h2><table><tr><th>Requirement</th><th>Level</th><th>Outcome</th><th>Cases</th><th>Text</th></tr>");
        foreach (var (requirementId, outcome, cases) in run.ByRequirement())
        {
            var requirement = RequirementCatalogue.Contains(requirementId) ? RequirementCatalogue.Get(requirementId) : null;
            html.Append("<tr class=\"").Append(Css(outcome)).Append("\"><td><a href=\"#").Append(E(requirementId)).Append("\">")
                .Append(E(requirementId)).Append("</a></td><td>").Append(E(requirement?.Level ?? "?")).Append("</td><td>")
                .Append(E(Label(outcome))).Append("</td><td>").Append(cases.Count(c => c.Outcome == CaseOutcome.Passed)).Append('/')
                .Append(cases.Count).Append(" passed</td><td>").Append(E(requirement?.Text ?? "")).AppendLine("</td></tr>");
        }
        html.AppendLine("</table>");

        html.AppendLine("<h2>Cases that need attention</h2>");
        var attention = run.Results.Where(r => r.Outcome != CaseOutcome.Passed).OrderByDescending(r => r.Outcome).ToList();
        if (attention.Count == 0) html.AppendLine("<p>None: every case passed.</p>");
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in attention)
        {
            var requirement = RequirementCatalogue.Contains(result.RequirementId) ? RequirementCatalogue.Get(result.RequirementId) : null;
            html.Append("<section class=\"").Append(Css(result.Outcome)).Append('"');
            if (anchored.Add(result.RequirementId)) html.Append(" id=\"").Append(E(result.RequirementId)).Append('"');
            html.Append("><h3>").Append(E(ConformanceRun.Symbol(result.Outcome))).Append(' ').Append(E(result.FullName))
                .Append(" — ").Append(E(Label(result.Outcome))).AppendLine("</h3>");
            if (requirement is not null)
            {
                html.Append("<p><strong>").Append(E(requirement.Id)).Append(" (").Append(E(requirement.Level)).Append(", protocol §")
                    .Append(E(requirement.Section)).Append(")</strong>: ").Append(E(requirement.Text)).AppendLine("</p>");
            }
            if (result.ViolatedRequirementId is { } violated)
                html.Append("<p>Breaks <strong>").Append(E(violated)).Append("</strong>, seen by this case of ").Append(E(result.RequirementId)).AppendLine(".</p>");
            html.Append("<pre>").Append(E(result.Reason ?? "")).AppendLine("</pre>");
            html.Append("<p>Re-run exactly this case:</p><code class=\"cmd\">").Append(E(run.RerunCommand(result))).AppendLine("</code>");
            html.Append("<details").Append(result.FailsRun || result.LeavesMustUnchecked ? " open" : "").Append("><summary>Exchanged messages (")
                .Append(result.Exchanges.Count).Append(")</summary><pre>").Append(E(ExchangeText.Format(result.Exchanges))).AppendLine("</pre></details></section>");
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    public static string Label(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.ExpectedFailure => "expected failure",
        CaseOutcome.NotClaimed => "not claimed",
        CaseOutcome.UnexpectedPass => "expected failure now passes",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Css(CaseOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

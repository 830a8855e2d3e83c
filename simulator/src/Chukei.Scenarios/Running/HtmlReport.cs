using System.Globalization;
using System.Net;
using System.Text;
using Chukei.Contracts;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Running;

/// <summary>
/// The run as one self-contained HTML page: every step with what it printed and each expectation, and for each person
/// involved in a failed step a timeline picture of what happened and when each party knew it.
/// </summary>
public static class HtmlReport
{
    public static string Render(Scenario scenario, ScenarioResult result, IReadOnlyList<TimelineEntry> timeline)
    {
        var html = new StringBuilder();
        var failed = result.Steps.Count(s => !s.Passed);
        var broken = result.Invariants.Count(i => !i.Held);
        html.Append("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>").Append(E(scenario.Title)).Append("</title><style>")
            .Append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:72em}h1{font-size:1.4em}.pass{color:#176b2c}.fail{color:#b3261e}")
            .Append("section{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:.8em 0}section.fail{border-color:#b3261e}")
            .Append("pre{white-space:pre-wrap;background:#f7f7f7;padding:.5em;margin:.4em 0}table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left}")
            .Append("svg text{font:11px system-ui,sans-serif}</style>");
        html.Append("<h1>").Append(E(scenario.Title)).Append("</h1><p>").Append(E(scenario.Id)).Append(" · seed ").Append(E(scenario.Seed)).Append(" · ")
            .Append(failed == 0 && broken == 0 ? "<b class=pass>PASS</b>" : $"<b class=fail>FAIL: {failed} of {result.Steps.Count} steps{(result.Invariants.Count > 0 ? $", {broken} of {result.Invariants.Count} invariants" : "")}</b>").Append("</p>");
        if (scenario.Description is { } d) html.Append("<p>").Append(E(d)).Append("</p>");
        if (result.Invariants.Count > 0)
        {
            html.Append("<section class=").Append(broken == 0 ? "pass" : "fail").Append("><h2>Invariants</h2><table><tr><th>invariant</th><th>verdict</th><th>checks</th></tr>");
            foreach (var i in result.Invariants)
                html.Append("<tr class=").Append(i.Held ? "pass" : "fail").Append("><td>").Append(E(i.Name)).Append("</td><td>")
                    .Append(i.Held ? "held throughout" : E($"broken {i.Where} ({Jst(i.BrokenAt!.Value)}): {i.Detail}"))
                    .Append("</td><td>").Append(i.Checks.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
            html.Append("</table></section>");
        }

        foreach (var person in result.Steps.Where(s => !s.Passed && s.Person is not null).Select(s => s.Person!).Distinct())
            AppendTimeline(html, person, timeline.Where(t => t.PersonId == person).ToList(), result.Steps.Where(s => s.Person == person).ToList());

        foreach (var step in result.Steps)
        {
            html.Append("<section class=").Append(step.Passed ? "pass" : "fail").Append("><h2>").Append(step.Passed ? "✔ " : "✘ ").Append(E(step.Id))
                .Append("</h2><p>").Append(E(step.Title ?? step.Action)).Append(" — ").Append(E(Jst(step.At))).Append("</p><pre>")
                .Append(E(string.Join('\n', step.Lines))).Append("</pre>");
            if (step.Expectations.Count > 0)
            {
                html.Append("<table><tr><th>expectation</th><th>expected</th><th>actual</th></tr>");
                foreach (var e in step.Expectations)
                    html.Append("<tr class=").Append(e.Holds ? "pass" : "fail").Append("><td>").Append(E(e.Name)).Append("</td><td>").Append(E(e.Expected))
                        .Append("</td><td>").Append(E(e.Actual)).Append("</td></tr>");
                html.Append("</table>");
            }
            if (step.Error is { } error) html.Append("<p class=fail>").Append(E(error)).Append("</p>");
            html.Append("</section>");
        }
        return html.Append("</html>").ToString();
    }

    /// <summary>One row per change: when it happened, the insurer was told, registered it, and the relay registered it; step instants as lines.</summary>
    private static void AppendTimeline(StringBuilder html, string person, List<TimelineEntry> entries, List<StepResult> steps)
    {
        html.Append("<section><h2>Timeline of ").Append(E(person)).Append("</h2>");
        var instants = entries.SelectMany(e => new[] { e.Happened, e.AtRelay }).Concat(steps.Select(s => s.At)).ToList();
        if (instants.Count == 0) { html.Append("<p>No changes in the timeline.</p></section>"); return; }
        var (min, max) = (instants.Min().AddDays(-1), instants.Max().AddDays(1));
        const int width = 900, left = 170, rowHeight = 28;
        double X(DateTimeOffset t) => left + (t - min).TotalSeconds / (max - min).TotalSeconds * (width - left - 20);
        const int top = 46;
        var height = top + rowHeight * entries.Count;
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{height}\" role=\"img\">");
        for (var n = 0; n < steps.Count; n++)
        {
            // Labels alternate between two lines so steps close in time stay readable.
            var (s, x, labelY) = (steps[n], X(steps[n].At), 11 + 13 * (n % 2));
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F0}\" y1=\"{labelY + 2}\" x2=\"{x:F0}\" y2=\"{height}\" stroke=\"{(s.Passed ? "#176b2c" : "#b3261e")}\" stroke-dasharray=\"3 3\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 2:F0}\" y=\"{labelY}\">{E(s.Id)}</text>");
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var y = top + i * rowHeight;
            if (e.Milestone is { } milestone)
            {
                // An age reached: one mark, as every party that answers from the birth date knows it that day.
                var (mx, uninsured) = (X(e.Happened), e.InsurerId.Length == 0);
                var meaning = uninsured
                    ? $"{milestone} reached with no medical insurance: not a secondary LTC insured"
                    : $"{milestone} reached: a secondary LTC insured; {e.InsurerId} answers so from the birth date it holds, nobody is notified";
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 4}\">{(uninsured ? "uninsured" : E(e.InsurerId))} {E(milestone)} {e.Date:yyyy-MM-dd}</text>")
                    .Append(CultureInfo.InvariantCulture, $"<path d=\"M{mx:F0} {y - 6}l6 6l-6 6l-6 -6z\" fill=\"#6b4bb3\"><title>{E(meaning)}</title></path>");
                continue;
            }
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 4}\">{E(e.InsurerId)} {(e.Acquire ? "acquire" : "loss")} {e.Date:yyyy-MM-dd}</text>");
            Segment(html, X(e.Happened), X(e.Notified), y, "#d0d0d0", "nobody knows yet");
            Segment(html, X(e.Notified), X(e.Registered), y, "#f2b950", "insurer notified, not registered: change pending");
            Segment(html, X(e.Registered), X(e.AtRelay), y, "#7fb3e6", "insurer registered, relay not yet");
            html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(e.AtRelay):F0}\" cy=\"{y}\" r=\"4\" fill=\"#176b2c\"><title>relay registered {Jst(e.AtRelay)}</title></circle>");
        }
        html.Append("</svg><p>grey: nobody knows yet · amber: the insurer was told, change pending · blue: the insurer registered it, the relay not yet · green dot: the relay registered it · violet diamond: an age reached, answered from the birth date · dashed lines: steps</p></section>");
    }

    private static void Segment(StringBuilder html, double x1, double x2, int y, string colour, string title) =>
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:F0}\" y1=\"{y}\" x2=\"{Math.Max(x2, x1 + 1):F0}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"8\"><title>{E(title)}</title></line>");

    private static string Jst(DateTimeOffset t) => t.ToOffset(ProtocolConstants.JapanOffset).ToString("yyyy-MM-dd HH:mm 'JST'", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

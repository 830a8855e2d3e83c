using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Reports;

/// <summary>
/// The run as JUnit XML: one <c>testsuite</c> per requirement, one <c>testcase</c> per case named
/// "<c>REQ case</c>"; a MUST violated (or a stale expected failure) is a <c>failure</c> whose message names the
/// requirement and the reason; a MUST case the kit could not check is an <c>error</c> (CI shows it red: it is not a
/// pass); a SHOULD case left inconclusive, a feature not claimed or a known gap is <c>skipped</c>; and <c>system-out</c>
/// holds the exchanged messages.
/// </summary>
public static class JunitReport
{
    /// <summary>Writes the report as UTF-8 without a byte-order mark, which some CI parsers reject.</summary>
    public static async Task WriteAsync(ConformanceRun run, Stream stream, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true, Async = true };
        await using var writer = XmlWriter.Create(stream, settings);
        await Render(run).SaveAsync(writer, ct);
    }

    public static XDocument Render(ConformanceRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var suites = new XElement("testsuites",
            new XAttribute("name", $"chukei conformance {run.Suite}"),
            new XAttribute("tests", run.Results.Count),
            new XAttribute("failures", run.Results.Count(r => r.FailsRun)),
            new XAttribute("errors", run.Results.Count(r => r.LeavesMustUnchecked)),
            new XAttribute("time", Seconds(run.Duration)));
        foreach (var (requirementId, _, cases) in run.ByRequirement())
        {
            suites.Add(new XElement("testsuite",
                new XAttribute("name", requirementId),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.FailsRun)),
                new XAttribute("errors", cases.Count(c => c.LeavesMustUnchecked)),
                new XAttribute("skipped", cases.Count(c => !c.LeavesMustUnchecked && c.Outcome is CaseOutcome.Inconclusive or CaseOutcome.ExpectedFailure or CaseOutcome.NotClaimed)),
                new XAttribute("time", Seconds(TimeSpan.FromTicks(cases.Sum(c => c.Duration.Ticks)))),
                new XAttribute("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
                cases.Select(Case)));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    private static XElement Case(CaseResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("name", result.FullName),
            new XAttribute("classname", $"chukei.conformance.{result.RequirementId}"),
            new XAttribute("time", Seconds(result.Duration)));
        var reason = result.Reason ?? "";
        switch (result.Outcome)
        {
            case CaseOutcome.Failed:
            case CaseOutcome.UnexpectedPass:
                element.Add(new XElement("failure", new XAttribute("message", XmlSafe(Prefixed(result, FirstLine(reason)))),
                    new XAttribute("type", result.Outcome.ToString()), XmlSafe(reason)));
                break;
            case CaseOutcome.Inconclusive when result.LeavesMustUnchecked:
                element.Add(new XElement("error", new XAttribute("message", XmlSafe(Prefixed(result, FirstLine(reason)))),
                    new XAttribute("type", "MustNotChecked"), XmlSafe(reason)));
                break;
            case CaseOutcome.Inconclusive:
            case CaseOutcome.ExpectedFailure:
            case CaseOutcome.NotClaimed:
                element.Add(new XElement("skipped", new XAttribute("message", XmlSafe($"{result.Outcome}: {FirstLine(reason)}"))));
                break;
        }
        var output = result.Outcome == CaseOutcome.Warning ? reason + Environment.NewLine + Environment.NewLine : "";
        element.Add(new XElement("system-out", XmlSafe(output + ExchangeText.Format(result.Exchanges))));
        return element;
    }

    /// <summary>Attack payloads carry control characters XML 1.0 cannot hold; they are written as \uXXXX instead.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text[i]).Append(text[++i]);
            else safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
        }
        return safe.ToString();
    }

    /// <summary>The reason names its requirement already ("INS-024 (MUST) violated: …"); a stale expected failure's does not.</summary>
    private static string Prefixed(CaseResult result, string line) =>
        line.StartsWith(result.RequirementId, StringComparison.Ordinal) ? line : $"{result.RequirementId} ({result.Level}): {line}";

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}

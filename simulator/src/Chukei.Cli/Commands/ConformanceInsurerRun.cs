using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Chukei.Conformance.Insurer;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Insurer.Running;
using Chukei.Conformance.Reports;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Cli.Commands;

/// <summary>
/// One run of <c>chukei conformance insurer</c>: validates the options (exit 2), starts the kit's relay stand-in,
/// runs the selected cases one line each (exit 3 when the target does not answer), applies the expected-failures list,
/// writes the three reports and returns 0 or 1.
/// </summary>
public sealed class ConformanceInsurerRun(ConformanceInsurerOptions options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!TryHttpUrl(options.Target, out var targetUrl)) return Usage($"--target '{options.Target}' is not an absolute http(s) URL");
        if (!TryHttpUrl(options.RelayUrl, out _)) return Usage($"--relay-url '{options.RelayUrl}' is not an absolute http(s) URL");
        if (options.ReportWaitSeconds is not (> 0 and <= 300)) return Usage($"--report-wait {options.ReportWaitSeconds} is not a number of seconds in (0, 300]");
        var cases = InsurerSuiteRunner.Select(options.Filter);
        if (cases.Count == 0) return Usage($"--filter '{options.Filter}' matches no case (give a requirement id such as INS-024, a case name, or 'INS-024 aud-other-insurer')");
        ExpectedFailures expected;
        try
        {
            expected = options.ExpectedFailures is null ? ExpectedFailures.None
                : ExpectedFailures.Parse(await File.ReadAllLinesAsync(options.ExpectedFailures.FullName, ct),
                    Conformance.Insurer.Checks.InsurerCases.All.Select(c => (c.RequirementId, c.Name)).ToList());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return Usage($"--expected-failures '{options.ExpectedFailures?.FullName}': {ex.Message}");
        }

        var startedAt = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"chukei conformance insurer: {cases.Count} cases against {targetUrl} (party {options.Party}); relay stand-in at {options.RelayUrl}");
        IReadOnlyList<CaseResult> results;
        try
        {
            var session = await InsurerSession.StartAsync(options.RelayUrl,
                _ => ValueTask.FromResult<InsurerTarget?>(new InsurerTarget(new ConformanceTarget(targetUrl, options.Party)) { ReportWait = TimeSpan.FromSeconds(options.ReportWaitSeconds) }));
            await using (session!)
            {
                results = await InsurerSuiteRunner.RunAsync(session!, cases, r => Print(expected.Apply(r)), ct);
            }
        }
        catch (TargetUnreachableException ex)
        {
            await Console.Error.WriteLineAsync($"chukei: {ex.Message}");
            return ExitCodes.Unreachable;
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            await Console.Error.WriteLineAsync($"chukei: the kit's relay stand-in could not start at {options.RelayUrl}: {ex.Message}");
            return ExitCodes.Unreachable;
        }
        results = results.Select(expected.Apply).ToList();
        var run = new ConformanceRun("insurer", targetUrl.ToString(), startedAt, watch.Elapsed, results, RerunCommand);
        await WriteReportsAsync(run, ct);

        var failed = results.Any(r => r.FailsRun);
        var unreachable = results.Any(r => r.TargetUnreachable);
        Console.WriteLine();
        Console.WriteLine($"{results.Count} cases in {watch.Elapsed.TotalSeconds:0.0} s: "
            + string.Join(", ", Enum.GetValues<CaseOutcome>().Where(o => run.CountOf(o) > 0).Select(o => $"{run.CountOf(o)} {HtmlReport.Label(o)}")));
        Console.WriteLine(failed ? "NOT conformant: a MUST was violated (or an expected failure now passes); see report.html"
            : unreachable ? "NO VERDICT: the target stopped answering during the run"
            : "conformant: every MUST held");
        Console.WriteLine($"reports: {Path.Combine(options.Out.FullName, "junit.xml")}, results.json, report.html");
        return failed ? ExitCodes.Failed : unreachable ? ExitCodes.Unreachable : ExitCodes.Ok;
    }

    /// <summary>The one-line command that re-runs exactly <paramref name="result"/> against the same target (and relay stand-in, and party).</summary>
    public string RerunCommand(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = new StringBuilder("chukei conformance insurer --target ").Append(options.Target);
        if (options.Party != SealFixture.TargetId) command.Append(" --party ").Append(options.Party);
        if (options.RelayUrl != ConformanceInsurerCommand.DefaultRelayUrl) command.Append(" --relay-url ").Append(options.RelayUrl);
        return command.Append(" --filter \"").Append(result.FullName).Append('"').ToString();
    }

    private async Task WriteReportsAsync(ConformanceRun run, CancellationToken ct)
    {
        Directory.CreateDirectory(options.Out.FullName);
        await using (var junit = File.Create(Path.Combine(options.Out.FullName, "junit.xml")))
        {
            await JunitReport.Render(run).SaveAsync(junit, System.Xml.Linq.SaveOptions.None, ct);
        }
        await File.WriteAllTextAsync(Path.Combine(options.Out.FullName, "results.json"), JsonReport.Render(run), ct);
        await File.WriteAllTextAsync(Path.Combine(options.Out.FullName, "report.html"), HtmlReport.Render(run), ct);
    }

    private static void Print(CaseResult result)
    {
        var reason = result.Outcome == CaseOutcome.Passed || result.Reason is null ? "" : " — " + result.Reason.Split('\n')[0].TrimEnd('\r');
        Console.WriteLine($"{ConformanceRun.Symbol(result.Outcome)} {result.RequirementId} {result.CaseName}{reason}");
    }

    private static bool TryHttpUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"chukei: {message}");
        return ExitCodes.Invalid;
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using Chukei.Conformance.Reports;
using Chukei.Conformance.Runs;

namespace Chukei.Cli.Commands;

/// <summary>What differs between the suites <c>chukei conformance &lt;role&gt;</c> runs: everything else is <see cref="ConformanceSuiteRun{TSession}"/>.</summary>
/// <param name="Role">"insurer" or "relay": the subcommand and the report's title.</param>
/// <param name="Cases">Every case of the suite (the expected-failures file may name only these).</param>
/// <param name="Headline">What the first line says about the target and the kit's stand-ins.</param>
/// <param name="StandIn">The kit's own listener ("relay stand-in"), named when it cannot start.</param>
/// <param name="StandInUrl">Where that listener listens.</param>
/// <param name="StartAsync">Starts the kit's stand-ins and the session against the target.</param>
/// <param name="RunAsync">Runs the selected cases, reporting each as it finishes.</param>
/// <param name="RerunCommand">The one-line command that re-runs exactly one case against the same target.</param>
public sealed record SuiteDefinition<TSession>(
    string Role,
    IReadOnlyList<ConformanceCase<TSession>> Cases,
    string Headline,
    string StandIn,
    string StandInUrl,
    Func<Task<TSession>> StartAsync,
    Func<TSession, IReadOnlyList<ConformanceCase<TSession>>, Action<CaseResult>, CancellationToken, Task<IReadOnlyList<CaseResult>>> RunAsync,
    Func<CaseResult, string> RerunCommand)
    where TSession : IAsyncDisposable;

/// <summary>
/// One run of a suite from the command line: selects the cases (exit 2 when the filter matches none), reads the
/// expected-failures list (exit 2 when it is unreadable or uncommented), starts the kit's stand-ins, runs the cases one
/// line each (exit 3 when the target does not answer), writes junit.xml, results.json and report.html, and returns 0 or 1.
/// </summary>
public sealed class ConformanceSuiteRun<TSession>(SuiteDefinition<TSession> suite, string target, DirectoryInfo output, string? filter, FileInfo? expectedFailures)
    where TSession : IAsyncDisposable
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cases = SuiteCases.Select(suite.Cases, filter);
        if (cases.Count == 0)
            return ConformanceOptions.Usage($"--filter '{filter}' matches no case (give a requirement id such as {suite.Cases[0].RequirementId}, a case name, or '{suite.Cases[0]}')");
        ExpectedFailures expected;
        try
        {
            expected = expectedFailures is null ? ExpectedFailures.None
                : ExpectedFailures.Parse(await File.ReadAllLinesAsync(expectedFailures.FullName, ct), suite.Cases.Select(c => (c.RequirementId, c.Name)).ToList());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return ConformanceOptions.Usage($"--expected-failures '{expectedFailures?.FullName}': {ex.Message}");
        }

        var startedAt = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"chukei conformance {suite.Role}: {cases.Count} cases against {suite.Headline}");
        IReadOnlyList<CaseResult> results;
        try
        {
            var session = await suite.StartAsync();
            await using (session)
            {
                results = await suite.RunAsync(session, cases, r => Print(expected.Apply(r)), ct);
            }
        }
        catch (TargetUnreachableException ex)
        {
            await Console.Error.WriteLineAsync($"chukei: {ex.Message}");
            return ExitCodes.Unreachable;
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            await Console.Error.WriteLineAsync($"chukei: the kit's {suite.StandIn} could not start at {suite.StandInUrl}: {ex.Message}");
            return ExitCodes.Unreachable;
        }
        results = results.Select(expected.Apply).ToList();
        var run = new ConformanceRun(suite.Role, target, startedAt, watch.Elapsed, results, suite.RerunCommand);
        await WriteReportsAsync(run, ct);

        Console.WriteLine();
        Console.WriteLine($"{results.Count} cases in {watch.Elapsed.TotalSeconds:0.0} s: "
            + string.Join(", ", Enum.GetValues<CaseOutcome>().Where(o => run.CountOf(o) > 0).Select(o => $"{run.CountOf(o)} {HtmlReport.Label(o)}")));
        Console.WriteLine(run.Verdict == RunVerdict.Conformant ? run.VerdictText : run.VerdictText + "; see report.html");
        Console.WriteLine($"reports: {Path.Combine(output.FullName, "junit.xml")}, results.json, report.html");
        return run.Verdict switch
        {
            RunVerdict.Conformant => ExitCodes.Ok,
            RunVerdict.NotConformant => ExitCodes.Failed,
            RunVerdict.NoVerdict => ExitCodes.Unreachable,
            _ => ExitCodes.NotShown,
        };
    }

    private async Task WriteReportsAsync(ConformanceRun run, CancellationToken ct)
    {
        Directory.CreateDirectory(output.FullName);
        await using (var junit = File.Create(Path.Combine(output.FullName, "junit.xml")))
        {
            await JunitReport.WriteAsync(run, junit, ct);
        }
        await File.WriteAllTextAsync(Path.Combine(output.FullName, "results.json"), JsonReport.Render(run), ct);
        await File.WriteAllTextAsync(Path.Combine(output.FullName, "report.html"), HtmlReport.Render(run), ct);
    }

    private static void Print(CaseResult result)
    {
        var reason = result.Outcome == CaseOutcome.Passed || result.Reason is null ? "" : " — " + result.Reason.Split('\n')[0].TrimEnd('\r');
        Console.WriteLine($"{ConformanceRun.Symbol(result.Outcome)} {result.RequirementId} {result.CaseName}{reason}");
    }
}

/// <summary>Option checks shared by the conformance subcommands.</summary>
public static class ConformanceOptions
{
    public static bool TryHttpUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    public static int Usage(string message)
    {
        Console.Error.WriteLine($"chukei: {message}");
        return ExitCodes.Invalid;
    }
}

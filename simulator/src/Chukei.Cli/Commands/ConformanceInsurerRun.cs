using System.Text;
using Chukei.Conformance.Insurer;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Insurer.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Cli.Commands;

/// <summary>One run of <c>chukei conformance insurer</c>: validates the options (exit 2), then runs the suite with the kit's relay stand-in.</summary>
public sealed class ConformanceInsurerRun(ConformanceInsurerOptions options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!ConformanceOptions.TryHttpUrl(options.Target, out var targetUrl)) return ConformanceOptions.Usage($"--target '{options.Target}' is not an absolute http(s) URL");
        if (!ConformanceOptions.TryHttpUrl(options.RelayUrl, out _)) return ConformanceOptions.Usage($"--relay-url '{options.RelayUrl}' is not an absolute http(s) URL");
        if (options.ReportWaitSeconds is not (> 0 and <= 300)) return ConformanceOptions.Usage($"--report-wait {options.ReportWaitSeconds} is not a number of seconds in (0, 300]");
        if (options.DirectoryWaitSeconds is not (> 0 and <= 300)) return ConformanceOptions.Usage($"--directory-wait {options.DirectoryWaitSeconds} is not a number of seconds in (0, 300]");
        var target = new InsurerTarget(new ConformanceTarget(targetUrl, options.Party))
        {
            ReportWait = TimeSpan.FromSeconds(options.ReportWaitSeconds),
            DirectoryWait = TimeSpan.FromSeconds(options.DirectoryWaitSeconds),
            ServesFallThroughNotices = options.FallThroughNotices,
        };
        var suite = new SuiteDefinition<InsurerSession>("insurer", InsurerCases.All,
            $"{targetUrl} (party {options.Party}); relay stand-in at {options.RelayUrl}", "relay stand-in", options.RelayUrl,
            async () => (await InsurerSession.StartAsync(options.RelayUrl, _ => ValueTask.FromResult<InsurerTarget?>(target)))!,
            (session, cases, progress, token) => InsurerSuiteRunner.RunAsync(session, cases, progress, token),
            RerunCommand);
        return await new ConformanceSuiteRun<InsurerSession>(suite, targetUrl.ToString(), options.Out, options.Filter, options.ExpectedFailures).RunAsync(ct);
    }

    /// <summary>The one-line command that re-runs exactly <paramref name="result"/> against the same target (and relay stand-in, and party).</summary>
    public string RerunCommand(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = new StringBuilder("chukei conformance insurer --target ").Append(options.Target);
        if (options.Party != SealFixture.TargetId) command.Append(" --party ").Append(options.Party);
        if (options.RelayUrl != ConformanceInsurerCommand.DefaultRelayUrl) command.Append(" --relay-url ").Append(options.RelayUrl);
        if (options.FallThroughNotices) command.Append(" --fall-through-notices");
        return command.Append(" --filter \"").Append(result.FullName).Append('"').ToString();
    }
}

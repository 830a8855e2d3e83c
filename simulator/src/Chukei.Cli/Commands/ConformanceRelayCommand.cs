using System.CommandLine;
using System.Text;
using Chukei.Conformance.Relay;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Configured;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Relay.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Cli.Commands;

/// <summary><c>chukei conformance relay --target &lt;url&gt;</c>: the relay suite against a vendor's relay, with the kit's stand-in insurers.</summary>
public static class ConformanceRelayCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "The relay's base URL (the suite posts to {target}/v1/lookups and the other relay endpoints)", Required = true };
        var standIn = new Option<string>("--stand-in-url")
        {
            Description = "Where the kit's stand-in insurers listen; configure {stand-in-url}/kenpo-a.chukei.test and {stand-in-url}/kenpo-c.chukei.test as their baseUrl in your relay",
            DefaultValueFactory = _ => ConfiguredRelayConformance.DefaultStandInUrl,
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where junit.xml, results.json and report.html are written", DefaultValueFactory = _ => new DirectoryInfo(ConformanceInsurerCommand.DefaultOut) };
        var filter = new Option<string?>("--filter") { Description = "Run only a requirement ('RLY-004'), a case name ('not-found') or one case ('RLY-006 not-found')" };
        var expected = new Option<FileInfo?>("--expected-failures")
        {
            Description = "Known gaps: one case per line ('RLY-034 repeated-update'), each with a '# why' comment (see `chukei conformance insurer --help`).",
        };
        var challengeWait = new Option<double>("--challenge-wait")
        {
            Description = "Seconds CLN-011 waits on the relay's clock before presenting a challenge: 61 (its 60 s lifetime and a second) up to 300, or 0 to leave the case out",
            DefaultValueFactory = _ => RelayTarget.DefaultChallengeWait.TotalSeconds,
        };
        var command = new Command("relay",
            $"Run the relay suite against --target. The relay must hold the people of {ProvisionedPeople.DocumentPath} and use the published test keys and directory (conformance/README.md). " +
            ConformanceCommand.ExitCodeHelp)
        {
            target, standIn, output, filter, expected, challengeWait,
        };
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(target)!, parse.GetValue(standIn)!, parse.GetValue(output)!, parse.GetValue(filter), parse.GetValue(expected),
            parse.GetValue(challengeWait), ct));
        return command;
    }

    private static async Task<int> RunAsync(string target, string standIn, DirectoryInfo output, string? filter, FileInfo? expected, double challengeWait, CancellationToken ct)
    {
        if (!ConfiguredRelayConformance.IsChallengeWait(challengeWait)) return ConformanceOptions.Usage($"--challenge-wait {challengeWait} is not 0 or a number of seconds in [61, 300]");
        if (!ConformanceOptions.TryHttpUrl(target, out var targetUrl)) return ConformanceOptions.Usage($"--target '{target}' is not an absolute http(s) URL");
        if (!ConformanceOptions.TryHttpUrl(standIn, out _)) return ConformanceOptions.Usage($"--stand-in-url '{standIn}' is not an absolute http(s) URL");
        var suite = new SuiteDefinition<RelaySession>("relay", RelayCases.All,
            $"{targetUrl}; stand-in insurers at {standIn}", "stand-in insurers", standIn,
            async () => (await RelaySession.StartAsync(standIn, _ => ValueTask.FromResult<RelayTarget?>(new RelayTarget(new ConformanceTarget(targetUrl, SealFixture.RelayId)) { ChallengeWait = TimeSpan.FromSeconds(challengeWait) })))!,
            (session, cases, progress, token) => RelaySuiteRunner.RunAsync(session, cases, progress, token),
            result =>
            {
                var command = new StringBuilder("chukei conformance relay --target ").Append(target);
                if (standIn != ConfiguredRelayConformance.DefaultStandInUrl) command.Append(" --stand-in-url ").Append(standIn);
                if (challengeWait != RelayTarget.DefaultChallengeWait.TotalSeconds)
                    command.Append(" --challenge-wait ").Append(challengeWait.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return command.Append(" --filter \"").Append(result.FullName).Append('"').ToString();
            });
        return await new ConformanceSuiteRun<RelaySession>(suite, targetUrl.ToString(), output, filter, expected).RunAsync(ct);
    }
}

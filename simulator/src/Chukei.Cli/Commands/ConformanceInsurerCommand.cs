using System.CommandLine;
using Chukei.Conformance.Insurer;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Cli.Commands;

/// <summary><c>chukei conformance insurer --target &lt;url&gt;</c>: the insurer suite against a vendor's insurer, with the kit's relay stand-in.</summary>
public static class ConformanceInsurerCommand
{
    public const string DefaultRelayUrl = "http://127.0.0.1:5380";
    public const string DefaultOut = "chukei-conformance";

    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "The insurer's base URL (the suite posts to {target}/v1/inquiries)", Required = true };
        var party = new Option<string>("--party") { Description = "The insurer's party id (its published test keys are kenpo-a's)", DefaultValueFactory = _ => SealFixture.TargetId };
        var relayUrl = new Option<string>("--relay-url") { Description = "Where the kit's relay stand-in listens; configure it as the relay's baseUrl in your insurer", DefaultValueFactory = _ => DefaultRelayUrl };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where junit.xml, results.json and report.html are written", DefaultValueFactory = _ => new DirectoryInfo(DefaultOut) };
        var filter = new Option<string?>("--filter") { Description = "Run only a requirement ('INS-024'), a case name ('aud-other-insurer') or one case ('INS-024 aud-other-insurer')" };
        var expected = new Option<FileInfo?>("--expected-failures")
        {
            Description = "Known gaps: one case per line ('INS-024 aud-other-insurer'), each with a '# why' comment at the end of the line or on the line above " +
                "(an entry without a comment, or naming no case, is a configuration error, exit 2). A listed case that fails does not fail the run; " +
                "a listed case that passes fails it, so the list stays honest.",
        };
        var reportWait = new Option<double>("--report-wait")
        {
            Description = "Seconds the kit waits for an access-log report the insurer owes the relay (LOG-010 allows 5 minutes; raise it for a batch reporter)",
            DefaultValueFactory = _ => InsurerTarget.DefaultReportWait.TotalSeconds,
        };
        var directoryWait = new Option<double>("--directory-wait")
        {
            Description = "Seconds a directory case waits for the insurer to fetch the kit's new directory after an unknown kid (its DIR-009 rate limit plus a margin)",
            DefaultValueFactory = _ => InsurerTarget.DefaultDirectoryWait.TotalSeconds,
        };
        var fallThrough = new Option<bool>("--fall-through-notices")
        {
            Description = "The insurer serves the fall-through notices the relay sends a municipal NHI (INS-050); without it those cases are not run",
        };
        var command = new Command("insurer", "Run the insurer suite against --target. " + ConformanceCommand.ExitCodeHelp)
        {
            target, party, relayUrl, output, filter, expected, reportWait, directoryWait, fallThrough,
        };
        command.SetAction(async (parse, ct) => await new ConformanceInsurerRun(new ConformanceInsurerOptions(
            parse.GetValue(target)!, parse.GetValue(party)!, parse.GetValue(relayUrl)!, parse.GetValue(output)!,
            parse.GetValue(filter), parse.GetValue(expected)) 
            {
                ReportWaitSeconds = parse.GetValue(reportWait), DirectoryWaitSeconds = parse.GetValue(directoryWait), FallThroughNotices = parse.GetValue(fallThrough),
            }).RunAsync(ct));
        return command;
    }
}

using System.CommandLine;

namespace Chukei.Cli.Commands;

/// <summary><c>chukei conformance &lt;role&gt;</c>: run a conformance suite against a vendor's implementation.</summary>
public static class ConformanceCommand
{
    public const string ExitCodeHelp =
        "Exit codes: 0 conformant (every MUST held; listed expected failures do not count), 1 not conformant (a MUST violated, " +
        "or an expected failure now passes), 2 usage or configuration error (bad URL, unknown filter, unreadable or uncommented " +
        "expected-failures file), 3 target unreachable (no answer to the first case, or it stopped answering) or another " +
        "infrastructure error (the relay stand-in cannot listen), 4 not shown conformant (nothing violated, but a MUST case could not " +
        "be checked: an unchecked MUST is not a pass; list it in the expected-failures file as a known gap if you must).";

    public static Command Create()
    {
        var command = new Command("conformance", "Run a conformance suite against your implementation and write JUnit XML, JSON and HTML reports. " + ExitCodeHelp);
        command.Subcommands.Add(ConformanceInsurerCommand.Create());
        command.Subcommands.Add(ConformanceRelayCommand.Create());
        command.Subcommands.Add(ConformanceClinicCommand.Create());
        command.Subcommands.Add(ConformanceReferenceCommand.Create());
        return command;
    }
}

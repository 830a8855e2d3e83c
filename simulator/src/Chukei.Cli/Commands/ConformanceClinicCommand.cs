using System.CommandLine;

namespace Chukei.Cli.Commands;

/// <summary>
/// <c>chukei conformance clinic --driver-url &lt;url&gt; | --driver-command "&lt;cmd&gt;"</c>: the clinic suite against a
/// vendor's clinic driven through the driver contract; the kit plays the relay, the insurers and the card.
/// </summary>
public static class ConformanceClinicCommand
{
    public static Command Create()
    {
        var driverUrl = new Option<string?>("--driver-url") { Description = "Your clinic's driver endpoint: the kit posts each check to {driver-url}/checks (conformance/README.md, 'The clinic driver contract')" };
        var driverCommand = new Option<string?>("--driver-command")
        {
            Description = "A command run by the shell for each check instead: the check as JSON on standard input, the verdict as JSON on standard output, exit 0; standard error is the clinic's log",
        };
        var pickupCommand = new Option<string?>("--driver-pickup-command")
        {
            Description = "With --driver-command: a command run by the shell when the kit has your clinic pick up its retroactive-change notices (ELG-021): " +
                "{\"relayUrl\": …} on standard input, {\"notices\": […]} on standard output, exit 0. Without it those cases are not run",
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where junit.xml, results.json and report.html are written", DefaultValueFactory = _ => new DirectoryInfo(ConformanceInsurerCommand.DefaultOut) };
        var filter = new Option<string?>("--filter") { Description = "Run only a requirement ('CLN-032'), a case name ('wrong-pin') or one case ('CLN-032 wrong-pin')" };
        var expected = new Option<FileInfo?>("--expected-failures")
        {
            Description = "Known gaps: one case per line ('CLN-034 reset-before-sign'), each with a '# why' comment (see `chukei conformance insurer --help`).",
        };
        var timeout = new Option<double>("--check-timeout") { Description = "Seconds one check may take before the kit gives up on the driver (the case is then inconclusive)", DefaultValueFactory = _ => 30 };
        var command = new Command("clinic",
            "Run the clinic suite against your clinic through the driver contract: give --driver-url or --driver-command. The kit plays the relay, the insurers and the card (a card reader on loopback). " +
            ConformanceCommand.ExitCodeHelp)
        {
            driverUrl, driverCommand, pickupCommand, output, filter, expected, timeout,
        };
        command.SetAction(async (parse, ct) => await new ConformanceClinicRun(new ConformanceClinicOptions(
            parse.GetValue(driverUrl), parse.GetValue(driverCommand), parse.GetValue(output)!, parse.GetValue(filter), parse.GetValue(expected))
        {
            CheckTimeoutSeconds = parse.GetValue(timeout),
            DriverPickupCommand = parse.GetValue(pickupCommand),
        }).RunAsync(ct));
        return command;
    }
}

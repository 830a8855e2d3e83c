using System.Text;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Clinic.Running;
using Chukei.Conformance.Runs;

namespace Chukei.Cli.Commands;

/// <summary>One run of <c>chukei conformance clinic</c>: validates the options (exit 2), then runs the suite through the HTTP or command driver.</summary>
public sealed class ConformanceClinicRun(ConformanceClinicOptions options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var (url, command) = (Blank(options.DriverUrl), Blank(options.DriverCommand));
        if ((url is null) == (command is null)) return ConformanceOptions.Usage("give exactly one of --driver-url and --driver-command");
        Uri? driverUrl = null;
        if (url is not null && !ConformanceOptions.TryHttpUrl(url, out driverUrl)) return ConformanceOptions.Usage($"--driver-url '{url}' is not an absolute http(s) URL");
        var pickup = Blank(options.DriverPickupCommand);
        if (pickup is not null && command is null) return ConformanceOptions.Usage("--driver-pickup-command goes with --driver-command (over HTTP the kit posts to {driver-url}/notice-pickups)");
        if (options.CheckTimeoutSeconds is not (> 0 and <= 300)) return ConformanceOptions.Usage($"--check-timeout {options.CheckTimeoutSeconds} is not a number of seconds in (0, 300]");
        var timeout = TimeSpan.FromSeconds(options.CheckTimeoutSeconds);
        var target = driverUrl is not null ? $"{driverUrl.ToString().TrimEnd('/')}/checks" : $"command '{command}'";

        var suite = new SuiteDefinition<ClinicSession>("clinic", ClinicCases.All,
            $"the clinic driven by {target}; the kit's relay, insurers and card reader on loopback", "relay, insurers and card reader", "127.0.0.1 (free ports)",
            async () => (await ClinicSession.StartAsync(async _ => driverUrl is not null
                ? await HttpClinicDriver.StartAsync(driverUrl, timeout: timeout)
                : (IClinicDriver)await CommandClinicDriver.StartAsync(command!, timeout: timeout, pickupCommand: pickup)))!,
            (session, cases, progress, token) => ClinicSuiteRunner.RunAsync(session, cases, progress, token),
            RerunCommand);
        return await new ConformanceSuiteRun<ClinicSession>(suite, target, options.Out, options.Filter, options.ExpectedFailures).RunAsync(ct);
    }

    /// <summary>The one-line command that re-runs exactly <paramref name="result"/> against the same clinic.</summary>
    public string RerunCommand(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = new StringBuilder("chukei conformance clinic ");
        if (Blank(options.DriverUrl) is { } url) line.Append("--driver-url ").Append(url);
        else line.Append("--driver-command ").Append(Quoted(options.DriverCommand!));
        if (Blank(options.DriverPickupCommand) is { } pickup) line.Append(" --driver-pickup-command ").Append(Quoted(pickup));
        if (options.CheckTimeoutSeconds != 30) line.Append(" --check-timeout ").Append(options.CheckTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return line.Append(" --filter \"").Append(result.FullName).Append('"').ToString();
    }

    /// <summary>A shell single-quoted word.</summary>
    private static string Quoted(string text) => "'" + text.Trim().Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Clinic.Fixtures;
using Chukei.Conformance.Targets;

namespace Chukei.Conformance.Clinic.Configured;

/// <summary>
/// What `dotnet test` on the suite project itself runs: the clinic behind the HTTP driver (<c>clinicDriverUrl</c> /
/// <c>CHUKEI_CLINIC_DRIVER_URL</c>) or the command driver (<c>clinicDriverCommand</c> / <c>CHUKEI_CLINIC_DRIVER_COMMAND</c>);
/// with neither set, every test is skipped (Ignored) with the way to plug a clinic in.
/// </summary>
[TestFixture]
public sealed class ConfiguredClinicConformance : ClinicConformance
{
    public static readonly TargetSetting DriverUrl = new("clinicDriverUrl", "CHUKEI_CLINIC_DRIVER_URL");
    public static readonly TargetSetting DriverCommand = new("clinicDriverCommand", "CHUKEI_CLINIC_DRIVER_COMMAND");
    public static readonly TargetSetting DriverPickupCommand = new("clinicDriverPickupCommand", "CHUKEI_CLINIC_DRIVER_PICKUP_COMMAND");

    protected override string? NotConfiguredReason =>
        TargetSettings.Read(DriverUrl) is null && TargetSettings.Read(DriverCommand) is null
            ? $"no clinic to test: set {DriverUrl.EnvironmentVariable} or {DriverCommand.EnvironmentVariable} (the driver contract), " +
              "or implement IClinicDriver in an adapter project and subclass ClinicConformance; see conformance/README.md, 'The clinic suite'"
            : null;

    protected override async ValueTask<IClinicDriver> CreateDriverAsync(ClinicParties parties)
    {
        var (url, command) = (TargetSettings.Read(DriverUrl), TargetSettings.Read(DriverCommand));
        if (url is not null && command is not null)
            throw new TargetConfigurationException($"set one of {DriverUrl.EnvironmentVariable} and {DriverCommand.EnvironmentVariable}, not both");
        if (command is not null) return await CommandClinicDriver.StartAsync(command, pickupCommand: TargetSettings.Read(DriverPickupCommand));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var driverUrl) || (driverUrl.Scheme != Uri.UriSchemeHttp && driverUrl.Scheme != Uri.UriSchemeHttps))
            throw new TargetConfigurationException($"{DriverUrl.EnvironmentVariable} '{url}' is not an absolute http(s) URL");
        return await HttpClinicDriver.StartAsync(driverUrl);
    }
}

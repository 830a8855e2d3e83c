using System.Globalization;
using Chukei.Conformance.Insurer.Fixtures;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer.Configured;

/// <summary>
/// The insurer suite against the target described by settings (<see cref="TargetSettings"/>: NUnit test parameters
/// or CHUKEI_* environment variables). With no target configured every test is skipped (Ignored), so building and
/// testing the whole solution never attacks anything by accident; a half or invalid configuration fails.
/// </summary>
[TestFixture]
public sealed class ConfiguredInsurerConformance : InsurerConformance
{
    /// <summary>The fixed default where the relay stand-in listens: the relay base URL a vendor configures in their insurer.</summary>
    public const string DefaultRelayUrl = "http://127.0.0.1:5380";

    protected override string RelayListenUrl => TargetSettings.Read(TargetSettings.RelayUrl) ?? DefaultRelayUrl;

    protected override ValueTask<InsurerTarget> CreateTargetAsync()
    {
        var role = TargetSettings.Read(TargetSettings.TargetRole);
        if (role is not null && role != "insurer")
            Assert.Ignore($"the configured target is a {role}, not an insurer ({TargetSettings.TargetRole.EnvironmentVariable})");
        var target = ConformanceTarget.FromSettings(SealFixture.TargetId);
        if (target is null)
            Assert.Ignore($"no target configured: set {TargetSettings.TargetUrl.EnvironmentVariable} (or the NUnit parameter {TargetSettings.TargetUrl.Parameter}); see conformance/README.md");
        return ValueTask.FromResult(new InsurerTarget(target)
        {
            ReportWait = Seconds(TargetSettings.ReportWaitSeconds, InsurerTarget.DefaultReportWait),
            DirectoryWait = Seconds(TargetSettings.DirectoryWaitSeconds, InsurerTarget.DefaultDirectoryWait),
            ServesFallThroughNotices = Flag(TargetSettings.FallThroughNotices),
        });
    }

    private static bool Flag(TargetSetting setting) => TargetSettings.Read(setting) switch
    {
        null => false,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new TargetConfigurationException($"{setting} '{text}' is not true or false"),
    };

    private static TimeSpan Seconds(TargetSetting setting, TimeSpan fallback)
    {
        var text = TargetSettings.Read(setting);
        return text is null ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 300 ? TimeSpan.FromSeconds(seconds)
            : throw new TargetConfigurationException($"{setting} '{text}' is not a number of seconds in (0, 300]");
    }
}

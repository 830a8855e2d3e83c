using System.Globalization;
using Chukei.Conformance.Relay.Fixtures;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Relay.Configured;

/// <summary>
/// The relay suite against the target described by settings (<see cref="TargetSettings"/>: NUnit test parameters or
/// CHUKEI_* environment variables, with CHUKEI_TARGET_ROLE=relay). With no relay target configured every test is
/// skipped (Ignored), so building and testing the whole solution never attacks anything by accident.
/// </summary>
[TestFixture]
public sealed class ConfiguredRelayConformance : RelayConformance
{
    /// <summary>The fixed default where the stand-in insurers listen: the base URL a vendor configures for kenpo-a and kenpo-c.</summary>
    public const string DefaultStandInUrl = "http://127.0.0.1:5381";

    protected override string StandInListenUrl => TargetSettings.Read(TargetSettings.StandInUrl) ?? DefaultStandInUrl;

    protected override ValueTask<RelayTarget> CreateTargetAsync()
    {
        if (TargetSettings.Read(TargetSettings.TargetRole) != "relay")
            Assert.Ignore($"no relay target configured: set {TargetSettings.TargetRole.EnvironmentVariable}=relay and {TargetSettings.TargetUrl.EnvironmentVariable}; see conformance/README.md");
        var target = ConformanceTarget.FromSettings(SealFixture.RelayId)
            ?? throw new TargetConfigurationException($"{TargetSettings.TargetRole} is relay but {TargetSettings.TargetUrl} is not set");
        return ValueTask.FromResult(new RelayTarget(target) { ChallengeWait = ChallengeWait(TargetSettings.Read(TargetSettings.ChallengeWaitSeconds)) });
    }

    /// <summary>The CLN-011 wait from its setting: 0 (the case is not run) or 61 to 300 seconds; unset is 61.</summary>
    public static TimeSpan ChallengeWait(string? text) =>
        text is null ? RelayTarget.DefaultChallengeWait
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && IsChallengeWait(seconds) ? TimeSpan.FromSeconds(seconds)
        : throw new TargetConfigurationException($"{TargetSettings.ChallengeWaitSeconds} '{text}' is not 0 or a number of seconds in [61, 300]");

    /// <summary>0 leaves CLN-011 out; anything shorter than 61 s could not tell an expired challenge from a live one.</summary>
    public static bool IsChallengeWait(double seconds) => seconds == 0 || seconds is >= 61 and <= 300;
}

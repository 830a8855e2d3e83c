namespace Chukei.Conformance.Targets;

/// <summary>
/// Reads the kit's settings: an NUnit test parameter (<c>dotnet test -- TestRunParameters.Parameter(name="targetUrl",
/// value="…")</c> or a .runsettings file) wins over the environment variable of the same setting.
/// </summary>
public static class TargetSettings
{
    /// <summary>The target's base URL: its endpoints are relative to it (<c>{baseUrl}/v1/inquiries</c>).</summary>
    public static readonly TargetSetting TargetUrl = new("targetUrl", "CHUKEI_TARGET_URL");

    /// <summary>The target's party id in the kit's directory.</summary>
    public static readonly TargetSetting TargetParty = new("targetParty", "CHUKEI_TARGET_PARTY");

    /// <summary>Where the kit's stand-in for the relay listens (the relay base URL the target is configured with).</summary>
    public static readonly TargetSetting RelayUrl = new("relayUrl", "CHUKEI_RELAY_URL");

    /// <summary>How long the kit waits for a report the target owes the relay, in seconds.</summary>
    public static readonly TargetSetting ReportWaitSeconds = new("reportWaitSeconds", "CHUKEI_REPORT_WAIT_SECONDS");

    /// <summary>How long a directory case waits for the target to fetch a new directory, in seconds (its DIR-009 rate limit plus a margin).</summary>
    public static readonly TargetSetting DirectoryWaitSeconds = new("directoryWaitSeconds", "CHUKEI_DIRECTORY_WAIT_SECONDS");

    /// <summary>How long the relay suite's CLN-011 case waits before presenting a challenge, in seconds: 0, or 61 to 300 (default 61).</summary>
    public static readonly TargetSetting ChallengeWaitSeconds = new("challengeWaitSeconds", "CHUKEI_CHALLENGE_WAIT_SECONDS");

    /// <summary>Whether the insurer under test serves fall-through notices as a municipal NHI does (INS-050): true or false (default).</summary>
    public static readonly TargetSetting FallThroughNotices = new("fallThroughNotices", "CHUKEI_FALL_THROUGH_NOTICES");

    /// <summary>Which suite the target is for (insurer or relay), so one set of variables never runs the other suite against it.</summary>
    public static readonly TargetSetting TargetRole = new("targetRole", "CHUKEI_TARGET_ROLE");

    /// <summary>Where the kit's stand-in insurers listen (the base URL the relay under test is configured with for kenpo-a and kenpo-c).</summary>
    public static readonly TargetSetting StandInUrl = new("standInUrl", "CHUKEI_STAND_IN_URL");

    public static IReadOnlyList<TargetSetting> All { get; } = [TargetUrl, TargetParty, TargetRole, RelayUrl, StandInUrl, ReportWaitSeconds, DirectoryWaitSeconds, ChallengeWaitSeconds, FallThroughNotices];

    /// <summary>The setting's value, or null when neither the test parameter nor the environment variable is set.</summary>
    public static string? Read(TargetSetting setting)
    {
        var parameter = TestContext.Parameters.Get(setting.Parameter);
        if (!string.IsNullOrWhiteSpace(parameter)) return parameter.Trim();
        var environment = Environment.GetEnvironmentVariable(setting.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(environment) ? null : environment.Trim();
    }
}

namespace Chukei.Card.Tests.PcscStack;

/// <summary>
/// The real PC/SC stack the test drives the card through: pcscd with vsmartcard's vpcd driver, OpenSC's opensc-tool as
/// the client application, openssl to check what came back. None of it is downloaded at test time.
/// </summary>
internal sealed record PcscToolchain(string Pcscd, string OpenscTool, string Openssl)
{
    public const string AptInstall = "apt-get install -y pcscd vsmartcard-vpcd opensc openssl";

    /// <summary>vsmartcard-vpcd's reader configuration: without it pcscd has no virtual reader to offer.</summary>
    public const string VpcdReaderConfiguration = "/etc/reader.conf.d/vpcd";

    /// <summary>The tools, or the test stops here: failed under CI (which must have them), ignored on a developer machine.</summary>
    public static PcscToolchain Require()
    {
        string? pcscd = ExternalTool.Find("pcscd");
        string? openscTool = ExternalTool.Find("opensc-tool");
        string? openssl = ExternalTool.Find("openssl");
        var missing = new List<string>();
        if (pcscd is null)
        {
            missing.Add("pcscd");
        }

        if (!File.Exists(VpcdReaderConfiguration))
        {
            missing.Add($"the vpcd driver ({VpcdReaderConfiguration})");
        }

        if (openscTool is null)
        {
            missing.Add("opensc-tool");
        }

        if (openssl is null)
        {
            missing.Add("openssl");
        }

        if (missing.Count > 0)
        {
            Unmet($"the real PC/SC test needs {string.Join(", ", missing)}; install them with: sudo {AptInstall}");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            // pcscd's socket and pid file live under /run/pcscd, which only root may create.
            Unmet("the real PC/SC test starts its own pcscd, which needs root (it writes /run/pcscd); run the tests as root");
        }

        return new PcscToolchain(pcscd!, openscTool!, openssl!);
    }

    /// <summary>A precondition the test cannot establish: CI (env CI set) must provide it, so there it is a failure.</summary>
    public static void Unmet(string why)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"{why} (CI is set, so this is a failure rather than a skip)");
        }

        Assert.Ignore(why);
    }
}

namespace Chukei.Card.Tests.PcscStack;

/// <summary>
/// The real PC/SC stack the test drives the card through: pcscd with vsmartcard's vpcd driver, OpenSC's opensc-tool as
/// the client application (raw APDUs) and OpenSC's PKCS#11 module through pkcs11-tool as the middleware, openssl to
/// check what came back. None of it is downloaded at test time.
/// </summary>
/// <param name="AsRoot">Empty when the test runs as root; otherwise the passwordless-sudo prefix that starts and stops pcscd.</param>
internal sealed record PcscToolchain(string Pcscd, string OpenscTool, string Openssl, string Pkcs11Tool, string Pkcs11Module, IReadOnlyList<string> AsRoot)
{
    public const string AptInstall = "apt-get install -y pcscd vsmartcard-vpcd opensc openssl";

    /// <summary>vsmartcard-vpcd's reader configuration: without it pcscd has no virtual reader to offer.</summary>
    public const string VpcdReaderConfiguration = "/etc/reader.conf.d/vpcd";

    /// <summary>The tools, or the test stops here: failed under CI (which must have them), ignored on a developer machine.</summary>
    public static async Task<PcscToolchain> RequireAsync()
    {
        string? pcscd = ExternalTool.Find("pcscd");
        string? openscTool = ExternalTool.Find("opensc-tool");
        string? openssl = ExternalTool.Find("openssl");
        string? pkcs11Tool = ExternalTool.Find("pkcs11-tool");
        string? pkcs11Module = FindPkcs11Module();
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

        if (pkcs11Tool is null || pkcs11Module is null)
        {
            missing.Add("pkcs11-tool and opensc-pkcs11.so (package opensc)");
        }

        if (missing.Count > 0)
        {
            Unmet($"the real PC/SC test needs {string.Join(", ", missing)}; install them with: sudo {AptInstall}");
        }

        string[] asRoot = [];
        if (!Environment.IsPrivilegedProcess)
        {
            // pcscd's socket and pid file live under /run/pcscd, which only root may create; CI runners usually offer
            // passwordless sudo instead of root.
            string? sudo = ExternalTool.Find("sudo");
            if (sudo is null || (await ExternalTool.RunAsync(sudo, ["-n", "true"])).ExitCode != 0)
            {
                Unmet("the real PC/SC test starts its own pcscd, which needs root (it writes /run/pcscd); run the tests as root or with passwordless sudo");
            }

            asRoot = [sudo!, "-n"];
        }

        return new PcscToolchain(pcscd!, openscTool!, openssl!, pkcs11Tool!, pkcs11Module!, asRoot);
    }

    /// <summary>Runs <paramref name="program"/> as root: directly when the test is root, through sudo otherwise.</summary>
    public Task<ToolResult> RunAsRootAsync(string program, params string[] arguments) =>
        AsRoot.Count == 0 ? ExternalTool.RunAsync(program, arguments) : ExternalTool.RunAsync(AsRoot[0], [.. AsRoot.Skip(1), program, .. arguments]);

    /// <summary>OpenSC's PKCS#11 module: in the multiarch library directory on Debian, elsewhere directly under lib.</summary>
    private static string? FindPkcs11Module()
    {
        string[] roots = ["/usr/lib", "/usr/lib64", "/usr/local/lib"];
        return roots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateDirectories(root).Prepend(root))
            .Select(directory => Path.Combine(directory, "opensc-pkcs11.so"))
            .FirstOrDefault(File.Exists);
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

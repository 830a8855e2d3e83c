using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using Chukei.Clinic.Reception;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.References;

namespace Chukei.Cli.Tests;

/// <summary>
/// <c>chukei conformance clinic</c> as a vendor's CI sees it: the reference clinic served over the HTTP driver contract,
/// configured from the kit's published parties as a clinic started before the kit would be, and a mutant of it.
/// </summary>
public sealed class ConformanceClinicCommandTests : ConsoleTest
{
    private string Output => Out.ToString() + Err;

    private static string FreeLocalUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    private async Task<int> RunAgainstReferenceAsync(ClinicDefects defects, params string[] extra)
    {
        await using var clinic = await ReferenceClinicHost.StartAsync(ClinicKitWorld.PublishedParties(TimeProvider.System), defects);
        return await ChukeiCommand.InvokeAsync(["conformance", "clinic", "--driver-url", clinic.Url.ToString(), "--out", Dir, .. extra]);
    }

    [Test]
    public async Task Clinic_AgainstTheReferenceOverHttp_ExitsZeroWithEveryCaseInTheReport()
    {
        var exit = await RunAgainstReferenceAsync(ClinicDefects.None);

        Assert.That(exit, Is.EqualTo(0), Output);
        await TestContext.Out.WriteLineAsync(Out.ToString().Split('\n').First(l => l.Contains(" cases in ", StringComparison.Ordinal)));
        Assert.That(Out.ToString(), Does.Contain("✔ CLN-034 removed-before-sign").And.Contain("✔ ELG-005 change-pending").And.Contain("conformant: every MUST held"));
        var junit = XDocument.Load(Path.Combine(Dir, "junit.xml"));
        Assert.That(junit.Descendants("testcase").ToList(), Has.Count.EqualTo(ClinicCases.All.Count));
        Assert.That(junit.Descendants("failure"), Is.Empty);
    }

    [Test]
    public async Task Clinic_AgainstAMutant_ExitsOneNamingTheRequirementAndTheRerunCommand()
    {
        var exit = await RunAgainstReferenceAsync(new ClinicDefects { RetriesVerifyAfterWrongPin = true }, "--filter", "CLN-032");

        Assert.That(exit, Is.EqualTo(1), Output);
        Assert.That(Out.ToString(), Does.Contain("✘ CLN-032 wrong-pin — CLN-032 (MUST) violated: expected at most one VERIFY"));
        var html = await File.ReadAllTextAsync(Path.Combine(Dir, "report.html"));
        Assert.That(html, Does.Contain("chukei conformance clinic --driver-url http://127.0.0.1:").And.Contain("--filter &quot;CLN-032 wrong-pin&quot;"));
        var results = await File.ReadAllTextAsync(Path.Combine(Dir, "results.json"));
        Assert.That(results, Does.Contain("VERIFY").And.Not.Contain("9999"), "the evidence carries the card's log with the PIN masked");
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "POSIX shell command")]
    public async Task Clinic_CommandDriverThatCrashes_ExitsOneWithCln037NamingTheCommand()
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "clinic", "--driver-command", "cat >/dev/null; echo 'clinic crashed' >&2; exit 3", "--filter", "CLN-037 eligible", "--out", Dir]);

        Assert.That(exit, Is.EqualTo(1), Output);
        Assert.That(Out.ToString(), Does.Contain("✘ CLN-037 eligible — CLN-037 (MUST) violated: the clinic reached no conclusion: its driver command 'cat >/dev/null; echo 'clinic crashed' >&2; exit 3' exited 3"));
        var html = await File.ReadAllTextAsync(Path.Combine(Dir, "report.html"));
        Assert.That(html, Does.Contain("chukei conformance clinic --driver-command &#39;cat &gt;/dev/null; echo &#39;\\&#39;&#39;clinic crashed&#39;\\&#39;&#39; &gt;&amp;2; exit 3&#39; --filter &quot;CLN-037 eligible&quot;"));
    }

    [Test]
    public async Task Clinic_DriverUnreachable_ExitsThreeNamingTheDriver()
    {
        var driver = FreeLocalUrl();

        var exit = await ChukeiCommand.InvokeAsync(["conformance", "clinic", "--driver-url", driver, "--out", Dir]);

        Assert.That(exit, Is.EqualTo(3), Output);
        Assert.That(Err.ToString(), Does.Contain($"the clinic's driver POST {driver}/checks did not answer"));
    }

    [TestCase(new[] { "--out", "x" }, "give exactly one of --driver-url and --driver-command")]
    [TestCase(new[] { "--driver-url", "http://127.0.0.1:9", "--driver-command", "true" }, "give exactly one of --driver-url and --driver-command")]
    [TestCase(new[] { "--driver-url", "127.0.0.1:9" }, "--driver-url '127.0.0.1:9' is not an absolute http(s) URL")]
    [TestCase(new[] { "--driver-url", "http://127.0.0.1:9", "--check-timeout", "0" }, "--check-timeout 0 is not a number of seconds in (0, 300]")]
    [TestCase(new[] { "--driver-url", "http://127.0.0.1:9", "--filter", "CLN-999" }, "--filter 'CLN-999' matches no case")]
    [TestCase(new[] { "--driver-url", "http://127.0.0.1:9", "--driver-pickup-command", "true" }, "--driver-pickup-command goes with --driver-command")]
    public async Task Clinic_WithBadOptions_ExitsTwoSayingWhy(string[] options, string expected)
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "clinic", .. options]);

        Assert.That(exit, Is.EqualTo(2), Output);
        Assert.That(Err.ToString(), Does.Contain(expected));
    }
}

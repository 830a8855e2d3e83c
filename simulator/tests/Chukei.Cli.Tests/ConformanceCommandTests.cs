using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Xml.Linq;
using Chukei.Conformance.References;
using Chukei.Insurers;

namespace Chukei.Cli.Tests;

/// <summary>
/// <c>chukei conformance insurer</c> as a vendor's CI sees it: against the reference insurer (started in-process as the
/// conformance self-tests start it, reporting to the relay stand-in the command starts) and a mutant of it, the exit
/// code, the console lines and the three reports.
/// </summary>
public sealed class ConformanceCommandTests : ConsoleTest
{
    private const string AudienceCase = "INS-024 aud-other-insurer";
    private static readonly InsurerDefects SkipsAudienceCheck = new() { SkippedSealChecks = new HashSet<string> { "INS-024" } };


    private string Output => Out.ToString() + Err;

    private static string FreeLocalUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>Starts the reference insurer (with <paramref name="defects"/>) reporting to a free relay URL and runs the command against it.</summary>
    private async Task<int> RunAgainstReferenceAsync(InsurerDefects defects, params string[] extra)
    {
        var relay = FreeLocalUrl();
        var target = await ReferenceInsurer.StartAsync(new Uri(relay), defects);
        try
        {
            return await ChukeiCommand.InvokeAsync(["conformance", "insurer", "--target", target.Target.BaseUrl.ToString(), "--relay-url", relay, "--out", Dir, .. extra]);
        }
        finally
        {
            await target.Owner!.DisposeAsync();
        }
    }

    [Test]
    public async Task Insurer_AgainstTheReference_ExitsZeroAndWritesWellFormedReports()
    {
        var exit = await RunAgainstReferenceAsync(InsurerDefects.None);

        Assert.That(exit, Is.EqualTo(0), Output);
        await TestContext.Out.WriteLineAsync(Out.ToString().Split('\n').First(l => l.Contains(" cases in ", StringComparison.Ordinal)));
        Assert.That(Out.ToString(), Does.Contain("✔ INS-024 aud-other-insurer").And.Contain("conformant: every MUST held"));
        var junit = XDocument.Load(Path.Combine(Dir, "junit.xml"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.That(cases, Has.Count.EqualTo(Conformance.Insurer.Checks.InsurerCases.All.Count));
        Assert.That(cases.Select(c => (string)c.Attribute("name")!), Does.Contain(AudienceCase));
        Assert.That(junit.Descendants("failure"), Is.Empty);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Dir, "results.json")));
        Assert.That(json.RootElement.GetProperty("conformant").GetBoolean(), Is.True);
        var first = json.RootElement.GetProperty("cases")[0];
        Assert.That(first.GetProperty("outcome").GetString(), Is.EqualTo("passed"));
        Assert.That(first.GetProperty("level").GetString(), Is.EqualTo("MUST"));
        Assert.That(first.GetProperty("exchanges").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(Dir, "report.html")), Does.Contain("conformant").And.Contain("INS-024"));
    }

    [Test]
    public async Task Insurer_AgainstAMutant_ExitsOneAndTheReportNamesTheBrokenRequirementAndHowToRerunIt()
    {
        var exit = await RunAgainstReferenceAsync(SkipsAudienceCheck);

        Assert.That(exit, Is.EqualTo(1), Output);
        Assert.That(Out.ToString(), Does.Contain("✘ INS-024 aud-other-insurer — INS-024 (MUST) violated"));
        var html = await File.ReadAllTextAsync(Path.Combine(Dir, "report.html"));
        Assert.That(html, Does.Contain("NOT conformant").And.Contain("INS-024 (MUST, protocol §"));
        Assert.That(html, Does.Contain("chukei conformance insurer --target http://127.0.0.1:").And.Contain("--filter &quot;INS-024 aud-other-insurer&quot;"));
        var junit = XDocument.Load(Path.Combine(Dir, "junit.xml"));
        var failure = junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == AudienceCase).Element("failure");
        Assert.That((string?)failure?.Attribute("message"), Does.StartWith("INS-024 (MUST)"));
    }

    [Test]
    public async Task Insurer_FallThroughNotices_AreRunOnlyWhenClaimedAndTheRerunKeepsTheClaim()
    {
        // Unclaimed: the INS-050 cases are not run, which does not fail the run.
        var unclaimed = await RunAgainstReferenceAsync(InsurerDefects.None, "--filter", "INS-050");
        Assert.That(unclaimed, Is.EqualTo(0), Output);
        Assert.That(Out.ToString(), Does.Contain("– INS-050 from-the-relay"));
        Out.GetStringBuilder().Clear();

        // Claimed, against an insurer that acknowledges under its own id: caught, and the rerun command claims it too.
        var claimed = await RunAgainstReferenceAsync(new InsurerDefects { AcknowledgesUnderOwnNoticeId = true }, "--filter", "INS-050", "--fall-through-notices");
        Assert.That(claimed, Is.EqualTo(1), Output);
        Assert.That(Out.ToString(), Does.Contain("✘ INS-050 from-the-relay — INS-050 (MUST) violated"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(Dir, "report.html")), Does.Contain("--fall-through-notices --filter &quot;INS-050 from-the-relay&quot;"));
    }

    [Test]
    public async Task Insurer_ClosedPort_ExitsThree()
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "insurer", "--target", FreeLocalUrl(), "--relay-url", FreeLocalUrl(), "--out", Dir]);

        Assert.That(exit, Is.EqualTo(3), Output);
        Assert.That(Err.ToString(), Does.Contain("did not answer"));
    }

    [TestCase("--target", "not a url")]
    [TestCase("--target", "ftp://127.0.0.1/")]
    [TestCase("--relay-url", "127.0.0.1:5380")]
    [TestCase("--filter", "INS-999")]
    [TestCase("--report-wait", "0")]
    [TestCase("--directory-wait", "301")]
    public async Task Insurer_BadOption_ExitsTwo(string option, string value)
    {
        string[] args = ["conformance", "insurer", "--target", "http://127.0.0.1:9/", "--out", Dir];
        var exit = await ChukeiCommand.InvokeAsync([.. args.Where((_, i) => option != "--target" || i is not (2 or 3)), option, value]);

        Assert.That(exit, Is.EqualTo(2), Output);
    }

    [Test]
    public async Task Insurer_RelayPortTaken_ExitsThree()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var relay = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var exit = await ChukeiCommand.InvokeAsync(["conformance", "insurer", "--target", FreeLocalUrl(), "--relay-url", relay, "--out", Dir]);

        Assert.That(exit, Is.EqualTo(3), Output);
        Assert.That(Err.ToString(), Does.Contain("relay stand-in could not start"));
    }

    [TestCase("INS-024 aud-other-insurer\n", "has no comment")]
    [TestCase("INS-024 no-such-case # why\n", "names no case")]
    public async Task Insurer_BadExpectedFailuresFile_ExitsTwo(string content, string message)
    {
        var list = Path.Combine(Dir, "expected.txt");
        await File.WriteAllTextAsync(list, content);

        var exit = await ChukeiCommand.InvokeAsync(["conformance", "insurer", "--target", "http://127.0.0.1:9/", "--expected-failures", list]);

        Assert.That(exit, Is.EqualTo(2), Output);
        Assert.That(Err.ToString(), Does.Contain(message));
    }

    [Test]
    public async Task Insurer_UnreadableExpectedFailuresFile_ExitsTwo()
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "insurer", "--target", "http://127.0.0.1:9/", "--expected-failures", Path.Combine(Dir, "missing.txt")]);

        Assert.That(exit, Is.EqualTo(2), Output);
    }

    [Test]
    public async Task Insurer_ListedFailure_DoesNotFailTheRun()
    {
        var list = Path.Combine(Dir, "expected.txt");
        await File.WriteAllTextAsync(list, "# audience check arrives in 2.1\nINS-024 aud-other-insurer\n");

        var exit = await RunAgainstReferenceAsync(SkipsAudienceCheck, "--filter", "INS-024", "--expected-failures", list);

        Assert.That(exit, Is.EqualTo(0), Output);
        Assert.That(Out.ToString(), Does.Contain("✘ (expected) INS-024 aud-other-insurer").And.Contain("1 expected failure"));
    }

    [Test]
    public async Task Insurer_ListedCaseThatPasses_FailsTheRunSoTheListStaysHonest()
    {
        var list = Path.Combine(Dir, "expected.txt");
        await File.WriteAllTextAsync(list, "INS-024 aud-other-insurer  # audience check arrives in 2.1\n");

        var exit = await RunAgainstReferenceAsync(InsurerDefects.None, "--filter", AudienceCase, "--expected-failures", list);

        Assert.That(exit, Is.EqualTo(1), Output);
        Assert.That(Out.ToString(), Does.Contain("expected failure now passes — remove it from the list"));
    }

    [Test]
    public async Task ConformanceHelp_DocumentsTheExitCodes()
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "--help"]);

        Assert.That(exit, Is.EqualTo(0), Output);
        Assert.That(Out.ToString(), Does.Contain("3 target unreachable"));
    }
}

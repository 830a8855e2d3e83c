using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.References;
using Chukei.Relay;

namespace Chukei.Cli.Tests;

/// <summary>
/// <c>chukei conformance relay</c> as a vendor's CI sees it: against the reference relay (started in-process, its
/// directory pointing kenpo-a and kenpo-c at the stand-in URL the command is given) and a mutant of it.
/// </summary>
public sealed class ConformanceRelayCommandTests : ConsoleTest
{
    private string Output => Out.ToString() + Err;

    private static string FreeLocalUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    private async Task<int> RunAgainstReferenceAsync(RelayDefects defects, params string[] extra)
    {
        var standIn = FreeLocalUrl();
        var target = await ReferenceRelay.StartAsync(new Uri(standIn), defects);
        try
        {
            return await ChukeiCommand.InvokeAsync(["conformance", "relay", "--target", target.Target.BaseUrl.ToString(), "--stand-in-url", standIn, "--out", Dir, .. extra]);
        }
        finally
        {
            await target.Owner!.DisposeAsync();
        }
    }

    [Test]
    public async Task Relay_AgainstTheReference_ExitsZeroWithEveryCaseInTheReport()
    {
        // CLN-011 would wait 61 s on this relay's clock, which the command cannot move; the self-tests run it in process.
        var exit = await RunAgainstReferenceAsync(RelayDefects.None, "--challenge-wait", "0");

        Assert.That(exit, Is.EqualTo(0), Output);
        await TestContext.Out.WriteLineAsync(Out.ToString().Split('\n').First(l => l.Contains(" cases in ", StringComparison.Ordinal)));
        Assert.That(Out.ToString(), Does.Contain("✔ RLY-023 answer-byte-for-byte").And.Contain("conformant: every MUST held"));
        var junit = XDocument.Load(Path.Combine(Dir, "junit.xml"));
        Assert.That(junit.Descendants("testcase").ToList(), Has.Count.EqualTo(RelayCases.All.Count));
        Assert.That(junit.Descendants("failure"), Is.Empty);
    }

    [Test]
    public async Task Relay_AgainstAMutant_ExitsOneNamingTheRequirementAndTheRerunCommand()
    {
        var exit = await RunAgainstReferenceAsync(new RelayDefects { ResignsRoutedAnswers = true }, "--filter", "RLY-023");

        Assert.That(exit, Is.EqualTo(1), Output);
        Assert.That(Out.ToString(), Does.Contain("✘ RLY-023 answer-byte-for-byte — RLY-023 (MUST) violated"));
        var html = await File.ReadAllTextAsync(Path.Combine(Dir, "report.html"));
        Assert.That(html, Does.Contain("chukei conformance relay --target http://127.0.0.1:").And.Contain("--filter &quot;RLY-023 answer-byte-for-byte&quot;"));
    }

    [Test]
    public async Task Relay_WithAFilterMatchingNothing_ExitsTwo()
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "relay", "--target", "http://127.0.0.1:9", "--filter", "RLY-999", "--out", Dir]);

        Assert.That(exit, Is.EqualTo(2), Output);
        Assert.That(Err.ToString(), Does.Contain("--filter 'RLY-999' matches no case"));
    }

    [Test]
    public async Task Relay_WithAChallengeWaitShorterThanTheLifetime_ExitsTwo()
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "relay", "--target", "http://127.0.0.1:9", "--challenge-wait", "30", "--out", Dir]);

        Assert.That(exit, Is.EqualTo(2), Output);
        Assert.That(Err.ToString(), Does.Contain("--challenge-wait 30 is not 0 or a number of seconds in [61, 300]"));
    }

    [Test]
    public async Task Relay_Unreachable_ExitsThree()
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "relay", "--target", FreeLocalUrl(), "--stand-in-url", FreeLocalUrl(), "--out", Dir]);

        Assert.That(exit, Is.EqualTo(3), Output);
        Assert.That(Err.ToString(), Does.Contain("did not answer"));
    }
}

/// <summary><c>chukei conformance reference</c>: argument errors exit 2 before anything listens.</summary>
public sealed class ConformanceReferenceCommandTests : ConsoleTest
{
    [TestCase("relay", "--listen", "not a url")]
    [TestCase("relay", "--stand-in-url", "ftp://127.0.0.1:1")]
    [TestCase("insurer", "--listen", "127.0.0.1:8080")]
    [TestCase("insurer", "--relay-url", "relay")]
    [TestCase("clinic", "--listen", "localhost")]
    public async Task Reference_WithABadUrl_ExitsTwoNamingTheOption(string role, string option, string value)
    {
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "reference", role, option, value]);

        Assert.That(exit, Is.EqualTo(2), Out.ToString() + Err);
        Assert.That(Err.ToString(), Does.Contain($"{option} '{value}' is not an absolute http(s) URL"));
    }
}

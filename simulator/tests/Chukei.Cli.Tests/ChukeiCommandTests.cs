using System.Text.Json;

namespace Chukei.Cli.Tests;

/// <summary>The command line as CI scripts see it: exit codes, what is printed, the results file.</summary>
public sealed class ChukeiCommandTests : ConsoleTest
{

    private static string Scenario(string name) => Path.Combine(Chukei.Scenarios.Tests.RepositoryFiles.Root, "scenarios", name);

    [Test]
    public async Task Run_Figure5_ExitsZeroAndWritesTheResults()
    {
        var results = Path.Combine(Dir, "results.json");

        var exit = await ChukeiCommand.InvokeAsync(["run", Scenario("figure5-ltc-to-medical.yaml"), "--results", results]);

        Assert.That(exit, Is.EqualTo(0), Out.ToString() + Err);
        Assert.That(Out.ToString(), Does.Contain("PASS figure5-ltc-to-medical"));
        using var doc = JsonDocument.Parse(File.ReadAllText(results));
        Assert.That(doc.RootElement.GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(doc.RootElement.GetProperty("steps").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task Run_ExpectationThatFails_ExitsOne()
    {
        var file = Path.Combine(Dir, "wrong.yaml");
        File.WriteAllText(file, File.ReadAllText(Scenario("figure5-ltc-to-medical.yaml")).Replace("      copaymentRatio: 30\n      benefits", "      copaymentRatio: 10\n      benefits", StringComparison.Ordinal));

        var report = Path.Combine(Dir, "report.html");

        var exit = await ChukeiCommand.InvokeAsync(["run", file, "--report", report]);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(Out.ToString(), Does.Contain("✘ copaymentRatio: expected 10, got 30"));
        Assert.That(File.ReadAllText(report), Does.Contain("FAIL: 1 of 3 steps").And.Contain("Timeline of hanako"));
    }

    [Test]
    public async Task Run_InvalidScenario_ExitsTwoAndSaysFileLineColumn()
    {
        var file = Path.Combine(Dir, "broken.yaml");
        File.WriteAllText(file, "chukei: 1\nid: x\ntitle: [oops\n");

        var exit = await ChukeiCommand.InvokeAsync(["run", file]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Err.ToString(), Does.Match(@"broken\.yaml:\d+:\d+: "));
        Assert.That(Err.ToString(), Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Lint_ShippedAndBrokenFiles_ExitsTwoAndReportsOnlyTheBrokenOne()
    {
        var broken = Path.Combine(Dir, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(Scenario("figure5-routed.yaml")).Replace("action: routed", "action: teleport", StringComparison.Ordinal));

        var exit = await ChukeiCommand.InvokeAsync(["lint", Scenario("figure5-routed.yaml"), broken]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Out.ToString(), Does.Contain("figure5-routed.yaml: ok").And.Contain("broken.yaml: 1 problem(s)"));
        Assert.That(Err.ToString(), Does.Match(@"broken\.yaml:\d+:\d+: /steps/0/action"));
    }

    [TestCase("", TestName = "NoVerb_ExitsTwo")]
    [TestCase("run", TestName = "RunWithoutScenario_ExitsTwo")]
    [TestCase("frobnicate", TestName = "UnknownVerb_ExitsTwo")]
    [TestCase("run a.yaml --bogus", TestName = "UnknownOption_ExitsTwo")]
    public async Task Invoke_BadArguments_ExitsTwoWithAHint(string commandLine)
    {
        var exit = await ChukeiCommand.InvokeAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Err.ToString(), Does.StartWith("chukei: "));
    }

    [Test]
    public async Task Serve_NonHttpUrl_ExitsTwoBeforeStartingAnything()
    {
        var exit = await ChukeiCommand.InvokeAsync(["serve", Scenario("figure5-ltc-to-medical.yaml"), "--relay-url", "ftp://127.0.0.1:1"]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(Err.ToString(), Does.Contain("is not an http URL"));
    }
}

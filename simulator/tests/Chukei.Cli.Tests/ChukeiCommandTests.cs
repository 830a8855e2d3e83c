using System.Text.Json;

namespace Chukei.Cli.Tests;

/// <summary>The command line as CI scripts see it: exit codes, what is printed, the results file.</summary>
[NonParallelizable]
public sealed class ChukeiCommandTests
{
    private StringWriter _out = null!;
    private StringWriter _err = null!;
    private TextWriter _consoleOut = null!;
    private TextWriter _consoleErr = null!;
    private string _dir = null!;

    [SetUp]
    public void CaptureConsole()
    {
        (_consoleOut, _consoleErr) = (Console.Out, Console.Error);
        (_out, _err) = (new StringWriter(), new StringWriter());
        Console.SetOut(_out);
        Console.SetError(_err);
        _dir = Directory.CreateTempSubdirectory("chukei-cli-").FullName;
    }

    [TearDown]
    public void RestoreConsole()
    {
        Console.SetOut(_consoleOut);
        Console.SetError(_consoleErr);
        _out.Dispose();
        _err.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Scenario(string name) => Path.Combine(Chukei.Scenarios.Tests.RepositoryFiles.Root, "scenarios", name);

    [Test]
    public async Task Run_Figure5_ExitsZeroAndWritesTheResults()
    {
        var results = Path.Combine(_dir, "results.json");

        var exit = await ChukeiCommand.InvokeAsync(["run", Scenario("figure5-ltc-to-medical.yaml"), "--results", results]);

        Assert.That(exit, Is.EqualTo(0), _out.ToString() + _err);
        Assert.That(_out.ToString(), Does.Contain("PASS figure5-ltc-to-medical"));
        using var doc = JsonDocument.Parse(File.ReadAllText(results));
        Assert.That(doc.RootElement.GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(doc.RootElement.GetProperty("steps").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task Run_ExpectationThatFails_ExitsOne()
    {
        var file = Path.Combine(_dir, "wrong.yaml");
        File.WriteAllText(file, File.ReadAllText(Scenario("figure5-ltc-to-medical.yaml")).Replace("      copaymentRatio: 30\n      benefits", "      copaymentRatio: 10\n      benefits", StringComparison.Ordinal));

        var report = Path.Combine(_dir, "report.html");

        var exit = await ChukeiCommand.InvokeAsync(["run", file, "--report", report]);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(_out.ToString(), Does.Contain("✘ copaymentRatio: expected 10, got 30"));
        Assert.That(File.ReadAllText(report), Does.Contain("FAIL: 1 of 3 steps").And.Contain("Timeline of hanako"));
    }

    [Test]
    public async Task Run_InvalidScenario_ExitsTwoAndSaysFileLineColumn()
    {
        var file = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(file, "chukei: 1\nid: x\ntitle: [oops\n");

        var exit = await ChukeiCommand.InvokeAsync(["run", file]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(_err.ToString(), Does.Match(@"broken\.yaml:\d+:\d+: "));
        Assert.That(_err.ToString(), Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public async Task Lint_ShippedAndBrokenFiles_ExitsTwoAndReportsOnlyTheBrokenOne()
    {
        var broken = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(Scenario("figure5-routed.yaml")).Replace("action: routed", "action: teleport", StringComparison.Ordinal));

        var exit = await ChukeiCommand.InvokeAsync(["lint", Scenario("figure5-routed.yaml"), broken]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(_out.ToString(), Does.Contain("figure5-routed.yaml: ok").And.Contain("broken.yaml: 1 problem(s)"));
        Assert.That(_err.ToString(), Does.Match(@"broken\.yaml:\d+:\d+: /steps/0/action"));
    }

    [TestCase("", TestName = "NoVerb_ExitsTwo")]
    [TestCase("run", TestName = "RunWithoutScenario_ExitsTwo")]
    [TestCase("frobnicate", TestName = "UnknownVerb_ExitsTwo")]
    [TestCase("run a.yaml --bogus", TestName = "UnknownOption_ExitsTwo")]
    public async Task Invoke_BadArguments_ExitsTwoWithAHint(string commandLine)
    {
        var exit = await ChukeiCommand.InvokeAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(_err.ToString(), Does.StartWith("chukei: "));
    }

    [Test]
    public async Task Serve_NonHttpUrl_ExitsTwoBeforeStartingAnything()
    {
        var exit = await ChukeiCommand.InvokeAsync(["serve", Scenario("figure5-ltc-to-medical.yaml"), "--relay-url", "ftp://127.0.0.1:1"]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(_err.ToString(), Does.Contain("is not an http URL"));
    }
}

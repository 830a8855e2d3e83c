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
    public async Task Run_InvariantThatBreaks_ExitsOneAndTheResultsAndReportSayWhere()
    {
        // Hanako's medical insurance ended before the run and the relay runs no fall-through detection: nobody is told.
        var file = Path.Combine(Dir, "silent.yaml");
        File.WriteAllText(file, """
            chukei: 1
            id: silent-fall-through
            title: Nobody is told
            clock: { start: "2026-08-03T09:00:00+09:00" }
            insurers:
              - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
              - { id: nhi-chiyoda, kind: nhi, name: 千代田区国民健康保険, number: "138107" }
            people:
              - id: hanako
                name: 山田 花子
                basicPensionNumber: "1234567890"
                residence: nhi-chiyoda
                enrolments:
                  - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "00", from: 2018-04-01, to: 2026-07-01 }
            invariants:
              - { check: no-silent-fall-through, days: 14 }
              - { check: log-chain-valid }
            steps:
              - { id: chain, action: verify-log, expect: { chainValid: true } }
            """);
        var results = Path.Combine(Dir, "results.json");
        var report = Path.Combine(Dir, "report.html");

        var exit = await ChukeiCommand.InvokeAsync(["run", file, "--results", results, "--report", report]);

        Assert.That(exit, Is.EqualTo(1), Out.ToString() + Err);
        Assert.That(Out.ToString(), Does.Contain("✘ invariant no-silent-fall-through (days 14) broken after step chain"));
        using var doc = JsonDocument.Parse(File.ReadAllText(results));
        var broken = doc.RootElement.GetProperty("invariants").EnumerateArray().Single(i => i.GetProperty("check").GetString() == "no-silent-fall-through");
        Assert.That(broken.GetProperty("held").GetBoolean(), Is.False);
        Assert.That(broken.GetProperty("detail").GetString(), Does.Contain("since 2026-07-01"));
        Assert.That(File.ReadAllText(report), Does.Contain("<h2>Invariants</h2>").And.Contain("broken after step chain"));
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

using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Tests.Running;

/// <summary>Every scenario the repository ships runs green, and a wrong expectation makes a run fail.</summary>
public sealed class ShippedScenarioTests
{
    private static IEnumerable<TestCaseData> Files() =>
        RepositoryFiles.Scenarios().Select(f => new TestCaseData(f).SetName("Run_" + Path.GetFileNameWithoutExtension(f) + "_AllExpectationsHold"));

    [TestCaseSource(nameof(Files))]
    public async Task Run_ShippedScenario_AllExpectationsHold(string file)
    {
        var scenario = ScenarioLoader.LoadFile(file);
        var (result, output) = await RunAsync(scenario);

        Assert.That(result.Passed, Is.True, output);
        Assert.That(result.Steps.Sum(s => s.Expectations.Count), Is.GreaterThan(0), "a scenario that checks nothing proves nothing");
    }

    private static IEnumerable<TestCaseData> Repeats() =>
        RepositoryFiles.Scenarios().Select(f => new TestCaseData(f).SetName("RunTwice_" + Path.GetFileNameWithoutExtension(f) + "_GivesIdenticalResults"));

    [TestCaseSource(nameof(Repeats))]
    public async Task RunTwice_ShippedScenario_GivesIdenticalResults(string file)
    {
        var scenario = ScenarioLoader.LoadFile(file);

        var (first, firstOutput) = await RunAsync(scenario);
        var (second, secondOutput) = await RunAsync(scenario);

        Assert.That(System.Text.Json.JsonSerializer.Serialize(second), Is.EqualTo(System.Text.Json.JsonSerializer.Serialize(first)));
        Assert.That(Lines(secondOutput), Is.EqualTo(Lines(firstOutput)), "same scenario, same seed: the same run");
    }

    /// <summary>The printed run without the header line that names the (OS-chosen) ports.</summary>
    private static IEnumerable<string> Lines(string output) => output.Split('\n').Where(l => !l.StartsWith("relay http", StringComparison.Ordinal));

    [Test]
    public async Task Run_Figure5_PrintsEveryStepOfTheFlow()
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(RepositoryFiles.Root, "scenarios", "figure5-ltc-to-medical.yaml"));

        var (_, output) = await RunAsync(scenario);

        foreach (var mark in new[] { "①", "②", "③", "④", "⑤", "⑥" })
            Assert.That(output, Does.Contain(mark + " "), $"step {mark} is printed");
    }

    [Test]
    public async Task Run_ExpectationThatDoesNotHold_FailsTheRunAndSaysWhatHappened()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scenarios", "figure5-ltc-to-medical.yaml"))
            .Replace("      status: valid", "      status: invalid", StringComparison.Ordinal);
        var scenario = ScenarioLoader.Load(yaml, "wrong.yaml");

        var (result, output) = await RunAsync(scenario);

        Assert.That(result.Passed, Is.False);
        Assert.That(output, Does.Contain("✘ status: expected invalid, got valid"));
    }

    private static async Task<(ScenarioResult Result, string Output)> RunAsync(Model.Scenario scenario)
    {
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock);
        using var output = new StringWriter();
        var result = await new ScenarioRunner(network, clock, output).RunAsync();
        return (result, output.ToString());
    }
}

using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Tests.Running;

public sealed class HtmlReportTests
{
    [Test]
    public async Task Render_FailedStep_ShowsTheStepAndTheTimelineOfItsPerson()
    {
        // Arrange, act: the job-change scenario with one expectation made wrong.
        var (result, html) = await RenderWithWrongExpectationAsync(Path.Combine("lag", "job-change-with-notification-lag.yaml"),
            "expect: { lookup: found, status: valid, changePending: true }", "expect: { lookup: found, status: valid, changePending: false }");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(html, Does.Contain("FAIL: 1 of 6 steps"));
            Assert.That(html, Does.Contain("Timeline of hanako"));
            Assert.That(html, Does.Contain("<svg"));
            Assert.That(html, Does.Contain("kenpo-chukei loss 2026-09-01").And.Contain("kyokai-tokyo acquire 2026-09-01"));
            Assert.That(html, Does.Contain("✘ notified-not-registered"));
            Assert.That(html, Does.Contain("<td>changePending</td><td>false</td><td>true</td>"));
        });
    }

    [Test]
    public async Task Render_FailedStepAfterTurning40_MarksTheDayAge40IsReachedInThePersonsTimeline()
    {
        var (result, html) = await RenderWithWrongExpectationAsync(Path.Combine("life", "turning-40.yaml"),
            "serviceDate: 2026-05-31\n    expect: { lookup: found, status: valid, ltcSecondaryInsured: true }",
            "serviceDate: 2026-05-31\n    expect: { lookup: found, status: valid, ltcSecondaryInsured: false }");

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False, "the expectation was made wrong");
            Assert.That(html, Does.Contain("<td>ltcSecondaryInsured</td><td>false</td><td>true</td>"));
            Assert.That(html, Does.Contain("Timeline of kenji"));
            Assert.That(html, Does.Contain("kyokai-tokyo age 40 2026-05-31").And.Contain("age 40 reached: a secondary LTC insured; kyokai-tokyo answers so"));
            Assert.That(html, Does.Not.Contain("Timeline of yumi"), "only people involved in a failure");
        });
    }

    /// <summary>Runs a shipped scenario with <paramref name="right"/> replaced by <paramref name="wrong"/>, and renders its report.</summary>
    private static async Task<(ScenarioResult Result, string Html)> RenderWithWrongExpectationAsync(string file, string right, string wrong)
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scenarios", file));
        Assert.That(yaml, Does.Contain(right), "the expectation to make wrong is in the file");
        var scenario = ScenarioLoader.Load(yaml.Replace(right, wrong, StringComparison.Ordinal), "wrong.yaml");
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock);
        var runner = new ScenarioRunner(network, clock, TextWriter.Null);
        var result = await runner.RunAsync();
        return (result, HtmlReport.Render(scenario, result, runner.TimelineEntries));
    }
}

using Chukei.Conformance.Reports;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.SelfTests.Runs;

/// <summary>How a case body's verdict becomes an outcome, and how the reports show an optional feature not claimed.</summary>
public sealed class CaseRunnerTests
{
    [Test]
    public async Task RunAsync_FeatureNotClaimed_IsSkippedAndDoesNotFailTheRun()
    {
        // Act
        var result = await CaseRunner.RunAsync("CLN-038", "renewal-alert-within-grace",
            check => throw check.NotClaimed("the clinic's answer does not say whether it showed a renewal alert"));
        var run = new ConformanceRun("clinic", "http://127.0.0.1:1", DateTimeOffset.UnixEpoch, TimeSpan.Zero, [result], _ => "rerun");
        var junit = JunitReport.Render(run).ToString();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.NotClaimed));
            Assert.That(result.Reason, Does.StartWith("CLN-038: not claimed: "));
            Assert.That(result.FailsRun, Is.False);
            Assert.That(junit, Does.Contain("skipped=\"1\"").And.Contain("<skipped message=\"NotClaimed: CLN-038: not claimed"));
            Assert.That(HtmlReport.Render(run), Does.Contain("not claimed"));
        });
    }

    [Test]
    public async Task RunAsync_ShouldNotFollowed_IsAWarningNotAFailure()
    {
        // Act
        var result = await CaseRunner.RunAsync("CLN-038", "renewal-alert-within-grace",
            check =>
            {
                check.Should("CLN-038", false, "no renewal alert");
                return Task.CompletedTask;
            });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Warning));
            Assert.That(result.FailsRun, Is.False);
        });
    }
}

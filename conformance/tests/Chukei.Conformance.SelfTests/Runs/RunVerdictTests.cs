using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Reports;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.SelfTests.Runs;

/// <summary>
/// Issue 21 §1: a MUST case the kit could not check is not a pass. The run's verdict, results.json, the HTML title and
/// the JUnit file all say conformance is not shown; a SHOULD case left inconclusive, or an unchecked case the vendor
/// lists as a known gap, does not stand in the way.
/// </summary>
public sealed class RunVerdictTests
{
    private static Task<CaseResult> PassedAsync(string requirementId = "INS-024") =>
        CaseRunner.RunAsync(requirementId, "passes", _ => Task.CompletedTask);

    private static Task<CaseResult> UncheckedAsync(string requirementId) =>
        CaseRunner.RunAsync(requirementId, "unchecked", check => throw check.Unreachable("the earlier presentation was refused"));

    private static ConformanceRun Run(params CaseResult[] results) =>
        new("insurer", "http://127.0.0.1:1", DateTimeOffset.UnixEpoch, TimeSpan.Zero, results, _ => "rerun");

    [Test]
    public async Task Verdict_EveryCasePassed_IsConformant()
    {
        // Act
        var run = Run(await PassedAsync());

        // Assert
        Assert.That(run.Verdict, Is.EqualTo(RunVerdict.Conformant));
    }

    [Test]
    public async Task Verdict_AMustCaseUnchecked_IsNotShownConformantInEveryReport()
    {
        // Arrange
        var @unchecked = await UncheckedAsync("INS-028");

        // Act
        var run = Run(await PassedAsync(), @unchecked);
        var junit = JunitReport.Render(run);
        using var json = JsonDocument.Parse(JsonReport.Render(run));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(@unchecked.LeavesMustUnchecked, Is.True);
            Assert.That(run.Verdict, Is.EqualTo(RunVerdict.NotShownConformant));
            Assert.That(run.VerdictText, Does.StartWith("NOT SHOWN CONFORMANT: 1 MUST case(s) could not be checked"));
            Assert.That(json.RootElement.GetProperty("conformant").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("verdict").GetString(), Is.EqualTo("notShownConformant"));
            Assert.That(HtmlReport.Render(run), Does.Contain("<h1>chukei conformance insurer: NOT SHOWN CONFORMANT"));
            var error = junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "INS-028 unchecked").Element("error");
            Assert.That((string?)error?.Attribute("message"), Is.EqualTo("INS-028: not checked: the earlier presentation was refused"));
            Assert.That((string?)junit.Root!.Attribute("errors"), Is.EqualTo("1"));
            Assert.That(junit.Descendants("skipped"), Is.Empty);
        });
    }

    [Test]
    public async Task Verdict_AShouldCaseUnchecked_IsConformantAndSkippedInJunit()
    {
        // Act
        var run = Run(await PassedAsync(), await UncheckedAsync("DIR-009"));
        var junit = JunitReport.Render(run);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(run.Verdict, Is.EqualTo(RunVerdict.Conformant));
            Assert.That(junit.Descendants("error"), Is.Empty);
            Assert.That(junit.Descendants("skipped").Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Verdict_AViolationAndAnUncheckedMust_IsNotConformant()
    {
        // Act
        var violated = await CaseRunner.RunAsync("INS-024", "violated", check => { check.Must(false, "accepted a seal for another insurer"); return Task.CompletedTask; });
        var run = Run(violated, await UncheckedAsync("INS-028"));

        // Assert
        Assert.That(run.Verdict, Is.EqualTo(RunVerdict.NotConformant));
    }

    [Test]
    public async Task ExpectedFailures_AnUncheckedMustListedAsAKnownGap_DoesNotStandInTheWay()
    {
        // Arrange
        var list = ExpectedFailures.Parse(["INS-028 unchecked  # our replay cache cannot be driven by the kit yet"], [("INS-028", "unchecked")]);

        // Act
        var listed = list.Apply(await UncheckedAsync("INS-028"));
        var run = Run(await PassedAsync(), listed);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(listed.Outcome, Is.EqualTo(CaseOutcome.ExpectedFailure));
            Assert.That(listed.Reason, Does.Contain("expected failure: our replay cache"));
            Assert.That(run.Verdict, Is.EqualTo(RunVerdict.Conformant));
        });
    }

    [Test]
    public async Task RunAsync_AnotherRequirementBroken_IsReportedUnderTheRuleThatWasBroken()
    {
        // Act: a case of INS-042 reads an answer whose envelope is wrong.
        var result = await CaseRunner.RunAsync("INS-042", "eligibility-only", _ =>
        {
            CheckContext.Must("AUTH-010", false, "the 200 answer is not a valid response envelope");
            return Task.CompletedTask;
        });
        var html = HtmlReport.Render(Run(result));
        using var json = JsonDocument.Parse(JsonReport.Render(Run(result)));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.ViolatedRequirementId, Is.EqualTo("AUTH-010"));
            Assert.That(result.Reason, Does.StartWith("AUTH-010 (MUST) violated"));
            Assert.That(html, Does.Contain("Breaks <strong>AUTH-010</strong>, seen by this case of INS-042"));
            Assert.That(json.RootElement.GetProperty("cases")[0].GetProperty("violates").GetString(), Is.EqualTo("AUTH-010"));
        });
    }

    [Test]
    public async Task Junit_FailureMessage_NamesTheRequirementOnceAndTheFileHasNoByteOrderMark()
    {
        // Arrange
        var violated = await CaseRunner.RunAsync("INS-024", "violated", check => { check.Must(false, "accepted a seal for another insurer"); return Task.CompletedTask; });
        using var stream = new MemoryStream();

        // Act
        await JunitReport.WriteAsync(Run(violated), stream);
        var bytes = stream.ToArray();
        var document = XDocument.Parse(Encoding.UTF8.GetString(bytes));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(Encoding.UTF8.GetString(bytes), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
            Assert.That((string?)document.Descendants("failure").Single().Attribute("message"),
                Is.EqualTo("INS-024 (MUST) violated: accepted a seal for another insurer"));
        });
    }
}

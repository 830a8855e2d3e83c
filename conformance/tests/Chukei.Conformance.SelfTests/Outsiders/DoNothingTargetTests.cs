using Chukei.Conformance.Insurer;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Insurer.Running;
using Chukei.Conformance.Relay;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Relay.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// Issue 21's floor: a target that does nothing passes no case. Each suite runs whole against a target that answers
/// 404 to everything and one that answers an empty 200 to everything; every case must end failed, inconclusive or not
/// claimed, never passed (nor warned: a warning is a pass of every MUST of the case).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class DoNothingTargetTests
{
    [TestCase(DoNothingTarget.Answer.NotFound)]
    [TestCase(DoNothingTarget.Answer.EmptyOk)]
    public async Task InsurerSuite_PassesNoCase(DoNothingTarget.Answer answer)
    {
        // Arrange
        await using var target = await DoNothingTarget.StartAsync(answer);
        var session = await InsurerSession.StartAsync("http://127.0.0.1:0", _ => ValueTask.FromResult<InsurerTarget?>(
            new InsurerTarget(new ConformanceTarget(target.Url, SealFixture.TargetId)) { ReportWait = TimeSpan.FromMilliseconds(200), DirectoryWait = TimeSpan.FromSeconds(1) }))
            ?? throw new InvalidOperationException("the insurer session did not start");

        // Act
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await InsurerSuiteRunner.RunAsync(session, InsurerCases.All);
        }

        // Assert
        Assert.That(Passed(results), Is.Empty);
    }

    [TestCase(DoNothingTarget.Answer.NotFound)]
    [TestCase(DoNothingTarget.Answer.EmptyOk)]
    public async Task RelaySuite_PassesNoCase(DoNothingTarget.Answer answer)
    {
        // Arrange
        await using var target = await DoNothingTarget.StartAsync(answer);
        var session = await RelaySession.StartAsync("http://127.0.0.1:0", _ => ValueTask.FromResult<RelayTarget?>(
            new RelayTarget(new ConformanceTarget(target.Url, SealFixture.RelayId)) { ChallengeWait = TimeSpan.Zero }))
            ?? throw new InvalidOperationException("the relay session did not start");

        // Act
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await RelaySuiteRunner.RunAsync(session, RelayCases.All);
        }

        // Assert
        Assert.That(Passed(results), Is.Empty);
    }

    private static List<string> Passed(IReadOnlyList<CaseResult> results) =>
        results.Where(r => r.Outcome is CaseOutcome.Passed or CaseOutcome.Warning).Select(r => $"{r.FullName}: {r.Outcome}").ToList();
}

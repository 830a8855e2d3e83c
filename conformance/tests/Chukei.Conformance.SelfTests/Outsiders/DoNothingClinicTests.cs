using Chukei.Card;
using Chukei.Contracts.ClinicDriver;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Clinic.Running;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// The whole clinic suite against clinics that never touch the card or the relay and always give the same answer:
/// none of them may pass a case (nor merely warn), since a case may only pass on what it observed the clinic do.
/// </summary>
[TestFixture]
public sealed class DoNothingClinicTests
{
    private static IEnumerable<TestCaseData> Answers()
    {
        yield return Answer("eligible", new ClinicVerdict(ClinicVerdictKind.Eligible, null, null));
        yield return Answer("eligible-provisional", new ClinicVerdict(ClinicVerdictKind.EligibleProvisional, null, null));
        yield return Answer("not-eligible", new ClinicVerdict(ClinicVerdictKind.NotEligible, "no-current-coverage", null));
        yield return Answer("card-problem", new ClinicVerdict(ClinicVerdictKind.CardProblem, "card-problem", null));
        yield return Answer("card-problem-with-tries-left", new ClinicVerdict(ClinicVerdictKind.CardProblem, "pin-wrong", 2));
        yield return Answer("relay-problem", new ClinicVerdict(ClinicVerdictKind.RelayProblem, "relay-unreachable", null));
    }

    private static TestCaseData Answer(string name, ClinicVerdict verdict) => new TestCaseData(verdict).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Answers))]
    public async Task Clinic_ThatNeverTouchesTheCardOrTheRelay_PassesNoCase(ClinicVerdict answer)
    {
        // Arrange
        var session = await ClinicSession.StartAsync(_ => ValueTask.FromResult<IClinicDriver?>(new DoNothingClinicDriver(answer)))
            ?? throw new InvalidOperationException("the clinic kit did not start");

        // Act
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await ClinicSuiteRunner.RunAsync(session, ClinicCases.All);
        }

        // Assert
        var passed = results.Where(r => r.Outcome is CaseOutcome.Passed or CaseOutcome.Warning).Select(r => $"{r.FullName} ({r.Outcome})").ToList();
        TestContext.Out.WriteLine($"{passed.Count} of {results.Count} cases passed against a clinic that always answers {answer}");
        foreach (var result in results) TestContext.Out.WriteLine($"  {result.Outcome}: {result.FullName}: {result.Reason?.Split(Environment.NewLine)[0]}");
        Assert.That(passed, Is.Empty, $"a clinic that never touches the card or the relay and always answers {answer} passed these cases");
    }

    /// <summary>A clinic that reads no card and calls no relay: every check gets <paramref name="answer"/>, and a notice pickup holds nothing.</summary>
    private sealed class DoNothingClinicDriver(ClinicVerdict answer) : IClinicDriver
    {
        public Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct) => Task.FromResult(answer);

        public Task<IReadOnlyList<ClinicHeldNotice>> PickUpNoticesAsync(Uri relayUrl, CancellationToken ct) => Task.FromResult<IReadOnlyList<ClinicHeldNotice>>([]);
    }
}

using Chukei.Conformance.SelfTests.Mutants;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>
/// The whole clinic suite through the HTTP driver contract (no .NET adapter): the reference clinic served over HTTP
/// passes every case, and every mutant of it is killed by a test of the requirement each breaks, the card session ones
/// included (the card is reached through the kit's card reader).
/// </summary>
[TestFixture]
public sealed class ClinicHttpDriverSuiteTests
{
    private static readonly string[] MutantNames = ClinicMutants.All.Select(m => m.Name).ToArray();
    private SuiteVerdict _reference = null!;
    private readonly Dictionary<string, SuiteVerdict> _mutants = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task RunSuiteThroughTheHttpDriverAsync()
    {
        _reference = await SuiteRunner.RunClinicThroughHttpAsync("reference", Chukei.Clinic.Reception.ClinicDefects.None);
        // Four at a time: a clinic run mostly waits (the slow relay, the clinic's timeouts), and runs share nothing.
        using var slots = new SemaphoreSlim(4);
        var runs = await Task.WhenAll(MutantNames.Select(async name =>
        {
            await slots.WaitAsync();
            try
            {
                return (name, await SuiteRunner.RunClinicThroughHttpAsync(name, ClinicMutants.All.Single(m => m.Name == name).Defects));
            }
            finally
            {
                slots.Release();
            }
        }));
        foreach (var (name, verdict) in runs) _mutants[name] = verdict;
    }

    [Test]
    public void Reference_ThroughTheHttpDriver_PassesEveryCase()
    {
        // Assert
        Assert.That(_reference.Failures.Select(f => $"{f.RequirementId} {f.CaseName}: {f.Message}"), Is.Empty);
        Assert.That(_reference.Inconclusive, Is.Empty);
    }

    private static IEnumerable<TestCaseData> Mutants() => MutantNames.Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_ThroughTheHttpDriver_IsKilledByATestOfTheRequirementItBreaks(string name)
    {
        // Arrange
        var mutant = ClinicMutants.All.Single(m => m.Name == name);

        // Assert
        Assert.That(_mutants[name].FailedRequirements, Does.Contain(mutant.BreaksRequirement),
            $"mutant {name} ({mutant.Defect}) breaks {mutant.BreaksRequirement}, but through the HTTP driver only these failed: {string.Join(", ", _mutants[name].FailedRequirements)}");
    }
}

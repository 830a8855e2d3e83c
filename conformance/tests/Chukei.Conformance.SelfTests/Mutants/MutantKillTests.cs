using Chukei.Conformance.Insurer.Checks;
using Chukei.Insurers;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>
/// Proof that the insurer suite's tests can fail: the suite runs against the reference (no case may fail) and against
/// each mutant (a test carrying the requirement the mutant breaks must fail), and the published kill matrix is what
/// these runs produce.
/// </summary>
[TestFixture]
public sealed class MutantKillTests
{
    private static readonly KillMatrixSuite Suite = new("docs/conformance-mutants.md", "insurer", nameof(InsurerDefects), nameof(MutantKillTests), InsurerCases.Requirements);

    private SuiteVerdict _reference = null!;
    private readonly List<(Mutant Mutant, SuiteVerdict Verdict)> _mutants = [];

    [OneTimeSetUp]
    public async Task RunSuiteAgainstEveryTargetAsync()
    {
        _reference = await SuiteRunner.RunAsync("reference", InsurerDefects.None);
        foreach (var mutant in InsurerMutants.All) _mutants.Add((mutant, await SuiteRunner.RunAsync(mutant.Name, mutant.Defects)));
    }

    [Test]
    public void Reference_PassesEveryCase()
    {
        // Assert
        Assert.That(_reference.Failures.Select(f => f.Message), Is.Empty);
        Assert.That(_reference.Inconclusive, Is.Empty);
    }

    private static IEnumerable<TestCaseData> Mutants() => InsurerMutants.All.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_IsKilledByATestOfTheRequirementItBreaks(string name)
    {
        // Arrange
        var (mutant, verdict) = _mutants.Single(m => m.Mutant.Name == name);

        // Assert
        Assert.That(verdict.FailedRequirements, Does.Contain(mutant.BreaksRequirement),
            $"mutant {name} ({mutant.Defect}) breaks {mutant.BreaksRequirement}, but only these tests failed: {string.Join(", ", verdict.FailedRequirements)}");
    }

    [Test]
    public async Task Mutant_KillMatrixDocument_IsCurrent()
    {
        // Arrange
        var expected = KillMatrix.Render(Suite, _reference, _mutants);
        var path = Path.Combine(RepositoryRoot.Path, Suite.DocumentPath);
        if (Environment.GetEnvironmentVariable("CHUKEI_UPDATE_DOCS") == "1") await File.WriteAllTextAsync(path, expected);

        // Act
        var actual = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";

        // Assert
        Assert.That(actual, Is.EqualTo(expected), $"{Suite.DocumentPath} is stale; regenerate it with CHUKEI_UPDATE_DOCS=1 (see the file's header)");
    }
}

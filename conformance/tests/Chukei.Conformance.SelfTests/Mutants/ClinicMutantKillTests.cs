using Chukei.Clinic.Reception;
using Chukei.Conformance.Clinic.Checks;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>
/// Proof that the clinic suite's tests can fail: the suite runs against the reference clinic (no case may fail) and
/// against each mutant (a test carrying the requirement the mutant breaks must fail); the published kill matrix is
/// what these runs produce.
/// </summary>
[TestFixture]
public sealed class ClinicMutantKillTests
{
    private static readonly KillMatrixSuite Suite = new("docs/conformance-clinic-mutants.md", "clinic", nameof(ClinicDefects), nameof(ClinicMutantKillTests), ClinicCases.Requirements);

    private SuiteVerdict _reference = null!;
    private readonly List<(ClinicMutant Mutant, SuiteVerdict Verdict)> _mutants = [];

    [OneTimeSetUp]
    public async Task RunSuiteAgainstEveryTargetAsync()
    {
        _reference = await SuiteRunner.RunClinicAsync("reference", ClinicDefects.None);
        foreach (var mutant in ClinicMutants.All) _mutants.Add((mutant, await SuiteRunner.RunClinicAsync(mutant.Name, mutant.Defects)));
    }

    [Test]
    public void Reference_PassesEveryCase()
    {
        // Assert
        Assert.That(_reference.Failures.Select(f => f.Message), Is.Empty);
        Assert.That(_reference.Inconclusive, Is.Empty);
    }

    private static IEnumerable<TestCaseData> Mutants() => ClinicMutants.All.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

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

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>
/// Proof that a suite's tests can fail: the suite runs against its reference (no case may fail) and against each
/// mutant (a test carrying the requirement the mutant breaks must fail), and the published kill matrix is what these
/// runs produce. One subclass per suite supplies the runs and the per-mutant test cases.
/// </summary>
public abstract class MutantKillTestsBase<TMutant> where TMutant : IMutant
{
    private SuiteVerdict _reference = null!;
    private readonly List<(TMutant Mutant, SuiteVerdict Verdict)> _mutants = [];

    private protected abstract KillMatrixSuite Suite { get; }

    protected abstract IReadOnlyList<TMutant> AllMutants { get; }

    /// <summary>The suite against the reference (<paramref name="mutant"/> null) or against one mutant.</summary>
    protected abstract Task<SuiteVerdict> RunSuiteAsync(string name, TMutant? mutant);

    /// <summary>
    /// How many mutant runs go at once. Each run has its own target, stand-ins and ports and shares nothing with another
    /// (<see cref="ConcurrentRunTests"/>), so a suite whose time goes into waiting (the clinic's slow relay) runs several.
    /// </summary>
    protected virtual int Concurrency => 1;

    [OneTimeSetUp]
    public async Task RunSuiteAgainstEveryTargetAsync()
    {
        _reference = await RunSuiteAsync("reference", default);
        using var slots = new SemaphoreSlim(Concurrency);
        var runs = AllMutants.Select(async mutant =>
        {
            await slots.WaitAsync();
            try
            {
                return (mutant, await RunSuiteAsync(mutant.Name, mutant));
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        _mutants.AddRange(await Task.WhenAll(runs));
    }

    [Test]
    public void Reference_PassesEveryCase()
    {
        // Assert
        Assert.That(_reference.Failures.Select(f => f.Message), Is.Empty);
        Assert.That(_reference.Inconclusive, Is.Empty);
    }

    /// <summary>The body of each subclass's per-mutant test case.</summary>
    protected void AssertKilled(string name)
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

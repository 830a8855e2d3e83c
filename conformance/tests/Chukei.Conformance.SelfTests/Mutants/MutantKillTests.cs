using Chukei.Conformance.Insurer.Checks;
using Chukei.Insurers;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>The insurer suite against the reference insurer and its mutants (docs/conformance-mutants.md).</summary>
[TestFixture]
public sealed class MutantKillTests : MutantKillTestsBase<Mutant>
{
    private protected override KillMatrixSuite Suite { get; } =
        new("docs/conformance-mutants.md", "insurer", nameof(InsurerDefects), nameof(MutantKillTests), InsurerCases.Requirements);

    protected override IReadOnlyList<Mutant> AllMutants => InsurerMutants.All;

    /// <summary>Two at a time: the runs compute more than they wait, so more than the machine's two cores gain nothing.</summary>
    protected override int Concurrency => 2;

    protected override Task<SuiteVerdict> RunSuiteAsync(string name, Mutant? mutant) => SuiteRunner.RunAsync(name, mutant?.Defects ?? InsurerDefects.None);

    private static IEnumerable<TestCaseData> Mutants() => InsurerMutants.All.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_IsKilledByATestOfTheRequirementItBreaks(string name) => AssertKilled(name);
}

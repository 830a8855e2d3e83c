using Chukei.Conformance.Relay.Checks;
using Chukei.Relay;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>The relay suite against the reference relay and its mutants (docs/conformance-relay-mutants.md).</summary>
[TestFixture]
public sealed class RelayMutantKillTests : MutantKillTestsBase<RelayMutant>
{
    private protected override KillMatrixSuite Suite { get; } =
        new("docs/conformance-relay-mutants.md", "relay", nameof(RelayDefects), nameof(RelayMutantKillTests), RelayCases.Requirements);

    protected override IReadOnlyList<RelayMutant> AllMutants => RelayMutants.All;

    /// <summary>Two at a time: the runs compute more than they wait, so more than the machine's two cores gain nothing.</summary>
    protected override int Concurrency => 2;

    protected override Task<SuiteVerdict> RunSuiteAsync(string name, RelayMutant? mutant) => SuiteRunner.RunRelayAsync(name, mutant?.Defects ?? RelayDefects.None);

    private static IEnumerable<TestCaseData> Mutants() => RelayMutants.All.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_IsKilledByATestOfTheRequirementItBreaks(string name) => AssertKilled(name);
}

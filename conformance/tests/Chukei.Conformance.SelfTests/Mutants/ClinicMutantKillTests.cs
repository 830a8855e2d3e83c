using Chukei.Clinic.Reception;
using Chukei.Conformance.Clinic.Checks;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>The clinic suite against the reference clinic and its mutants (docs/conformance-clinic-mutants.md).</summary>
[TestFixture]
public sealed class ClinicMutantKillTests : MutantKillTestsBase<ClinicMutant>
{
    private protected override KillMatrixSuite Suite { get; } =
        new("docs/conformance-clinic-mutants.md", "clinic", nameof(ClinicDefects), nameof(ClinicMutantKillTests), ClinicCases.Requirements);

    protected override IReadOnlyList<ClinicMutant> AllMutants => ClinicMutants.All;

    /// <summary>A clinic run spends most of its time waiting on the kit's slow relay and the clinic's own timeouts, not computing.</summary>
    protected override int Concurrency => 4;

    protected override Task<SuiteVerdict> RunSuiteAsync(string name, ClinicMutant? mutant) => SuiteRunner.RunClinicAsync(name, mutant?.Defects ?? ClinicDefects.None);

    private static IEnumerable<TestCaseData> Mutants() => ClinicMutants.All.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_IsKilledByATestOfTheRequirementItBreaks(string name) => AssertKilled(name);
}

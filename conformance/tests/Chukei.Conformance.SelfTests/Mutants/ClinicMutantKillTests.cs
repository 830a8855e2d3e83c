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

    protected override Task<SuiteVerdict> RunSuiteAsync(string name, ClinicMutant? mutant) => SuiteRunner.RunClinicAsync(name, mutant?.Defects ?? ClinicDefects.None);

    private static IEnumerable<TestCaseData> Mutants() => ClinicMutants.All.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_IsKilledByATestOfTheRequirementItBreaks(string name) => AssertKilled(name);
}

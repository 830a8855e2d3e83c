using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Clinic.Fixtures;

/// <summary>
/// The clinic suite's plumbing: the session starts the kit's relay, insurers and card CA, then asks the subclass for
/// the driver of the clinic under test through <see cref="CreateDriverAsync"/>.
/// </summary>
public abstract class ClinicConformanceFixture : SuiteFixture<ClinicSession>
{
    /// <summary>The clinic under test, configured with <paramref name="parties"/>. Throw through <c>Assert.Ignore</c> when there is none.</summary>
    protected abstract ValueTask<IClinicDriver> CreateDriverAsync(ClinicParties parties);

    /// <summary>Why there is no clinic to test, when there is none; checked before the kit starts anything.</summary>
    protected virtual string? NotConfiguredReason => null;

    protected override Task<ClinicSession?> StartSessionAsync()
    {
        if (NotConfiguredReason is { } reason) Assert.Ignore(reason);
        return ClinicSession.StartAsync(async parties => await CreateDriverAsync(parties));
    }

    protected override ConformanceCase<ClinicSession> FindCase(string requirementId, string caseName) => ClinicCases.Find(requirementId, caseName);
}

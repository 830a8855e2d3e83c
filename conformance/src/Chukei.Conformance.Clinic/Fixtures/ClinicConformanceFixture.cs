using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Evidence;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Clinic.Fixtures;

/// <summary>
/// The plumbing of the clinic suite: once per fixture it starts the kit's relay, insurers and card CA, then asks the
/// subclass for the driver of the clinic under test through <see cref="CreateDriverAsync"/>, and runs each case's body
/// with its own evidence.
/// </summary>
public abstract class ClinicConformanceFixture
{
    private ClinicSession? _session;

    /// <summary>The clinic under test, configured with <paramref name="parties"/>. Throw through <c>Assert.Ignore</c> when there is none.</summary>
    protected abstract ValueTask<IClinicDriver> CreateDriverAsync(ClinicParties parties);

    /// <summary>Why there is no clinic to test, when there is none; checked before the kit starts anything.</summary>
    protected virtual string? NotConfiguredReason => null;

    [OneTimeSetUp]
    public async Task StartSessionAsync()
    {
        if (NotConfiguredReason is { } reason) Assert.Ignore(reason);
        _session = await ClinicSession.StartAsync(async parties => await CreateDriverAsync(parties));
    }

    [OneTimeTearDown]
    public async Task StopSessionAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    /// <summary>Runs the case <paramref name="caseName"/> of <paramref name="requirementId"/> against the clinic.</summary>
    protected Task CheckAsync(string requirementId, string caseName)
    {
        var session = _session ?? throw new InvalidOperationException("the session did not start");
        var @case = ClinicCases.Find(requirementId, caseName);
        var check = new CheckContext(requirementId, new EvidenceRecorder());
        return ConformanceOutcome.RunAsync(check, () => @case.Body(session, check));
    }
}

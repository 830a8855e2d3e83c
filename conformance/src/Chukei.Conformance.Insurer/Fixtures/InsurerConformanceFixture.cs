using Chukei.Conformance.Evidence;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Insurer.Fixtures;

/// <summary>
/// The plumbing of the insurer suite (OpenIddict's CreateServerAsync pattern): once per fixture it starts the kit's
/// relay stand-in, then asks the subclass for the target through <see cref="CreateTargetAsync"/> (the stand-in's URL
/// is in <see cref="RelayUrl"/> by then, for a target the subclass starts itself), and runs each case's body with
/// its own evidence, mapping the verdict to an NUnit outcome.
/// </summary>
public abstract class InsurerConformanceFixture
{
    private InsurerSession? _session;

    /// <summary>The base URL of the kit's relay stand-in; set before <see cref="CreateTargetAsync"/> is called.</summary>
    protected Uri RelayUrl { get; private set; } = null!;

    /// <summary>Where the relay stand-in listens; port 0 picks a free port (right for a target the fixture starts).</summary>
    protected virtual string RelayListenUrl => "http://127.0.0.1:0";

    /// <summary>The insurer under test. Throw through <c>Assert.Ignore</c> when there is none to test.</summary>
    protected abstract ValueTask<InsurerTarget> CreateTargetAsync();

    [OneTimeSetUp]
    public async Task StartSessionAsync()
    {
        _session = await InsurerSession.StartAsync(RelayListenUrl, async url =>
        {
            RelayUrl = url;
            return await CreateTargetAsync();
        });
    }

    [OneTimeTearDown]
    public async Task StopSessionAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    /// <summary>Runs the case <paramref name="caseName"/> of <paramref name="requirementId"/> against the target.</summary>
    protected Task CheckAsync(string requirementId, string caseName)
    {
        var session = _session ?? throw new InvalidOperationException("the session did not start");
        var @case = InsurerCases.Find(requirementId, caseName);
        var check = new CheckContext(requirementId, new EvidenceRecorder());
        return ConformanceOutcome.RunAsync(check, () => @case.Body(session, check));
    }
}

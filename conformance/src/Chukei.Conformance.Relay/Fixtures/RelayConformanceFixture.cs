using Chukei.Conformance.Evidence;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Kit;

namespace Chukei.Conformance.Relay.Fixtures;

/// <summary>
/// The plumbing of the relay suite: once per fixture it starts the kit's stand-in insurers, then asks the subclass for
/// the target through <see cref="CreateTargetAsync"/> (the stand-in's URL is in <see cref="StandInUrl"/> by then, for
/// a target the subclass starts itself), and runs each case's body with its own evidence.
/// </summary>
public abstract class RelayConformanceFixture
{
    private RelaySession? _session;

    /// <summary>The base URL of the kit's stand-in insurers; set before <see cref="CreateTargetAsync"/> is called.</summary>
    protected Uri StandInUrl { get; private set; } = null!;

    /// <summary>Where the stand-in listens; port 0 picks a free port (right for a target the fixture starts).</summary>
    protected virtual string StandInListenUrl => "http://127.0.0.1:0";

    /// <summary>The relay under test. Throw through <c>Assert.Ignore</c> when there is none to test.</summary>
    protected abstract ValueTask<RelayTarget> CreateTargetAsync();

    [OneTimeSetUp]
    public async Task StartSessionAsync()
    {
        _session = await RelaySession.StartAsync(StandInListenUrl, async url =>
        {
            StandInUrl = url;
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
        var @case = RelayCases.Find(requirementId, caseName);
        var check = new CheckContext(requirementId, new EvidenceRecorder());
        return ConformanceOutcome.RunAsync(check, () => @case.Body(session, check));
    }
}

using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Relay.Fixtures;

/// <summary>
/// The relay suite's plumbing: the session starts the kit's stand-in insurers first, then asks the subclass for the
/// target through <see cref="CreateTargetAsync"/> (the stand-in's URL is in <see cref="StandInUrl"/> by then, for a
/// target the subclass starts itself).
/// </summary>
public abstract class RelayConformanceFixture : SuiteFixture<RelaySession>
{
    /// <summary>The base URL of the kit's stand-in insurers; set before <see cref="CreateTargetAsync"/> is called.</summary>
    protected Uri StandInUrl { get; private set; } = null!;

    /// <summary>Where the stand-in listens; port 0 picks a free port (right for a target the fixture starts).</summary>
    protected virtual string StandInListenUrl => "http://127.0.0.1:0";

    /// <summary>The relay under test. Throw through <c>Assert.Ignore</c> when there is none to test.</summary>
    protected abstract ValueTask<RelayTarget> CreateTargetAsync();

    protected override Task<RelaySession?> StartSessionAsync() => RelaySession.StartAsync(StandInListenUrl, async url =>
    {
        StandInUrl = url;
        return await CreateTargetAsync();
    });

    protected override ConformanceCase<RelaySession> FindCase(string requirementId, string caseName) => RelayCases.Find(requirementId, caseName);
}

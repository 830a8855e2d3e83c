using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Insurer.Fixtures;

/// <summary>
/// The insurer suite's plumbing: the session starts the kit's relay stand-in first, then asks the subclass for the
/// target through <see cref="CreateTargetAsync"/> (the stand-in's URL is in <see cref="RelayUrl"/> by then, for a
/// target the subclass starts itself).
/// </summary>
public abstract class InsurerConformanceFixture : SuiteFixture<InsurerSession>
{
    /// <summary>The base URL of the kit's relay stand-in; set before <see cref="CreateTargetAsync"/> is called.</summary>
    protected Uri RelayUrl { get; private set; } = null!;

    /// <summary>Where the relay stand-in listens; port 0 picks a free port (right for a target the fixture starts).</summary>
    protected virtual string RelayListenUrl => "http://127.0.0.1:0";

    /// <summary>The insurer under test. Throw through <c>Assert.Ignore</c> when there is none to test.</summary>
    protected abstract ValueTask<InsurerTarget> CreateTargetAsync();

    protected override Task<InsurerSession?> StartSessionAsync() => InsurerSession.StartAsync(RelayListenUrl, async url =>
    {
        RelayUrl = url;
        return await CreateTargetAsync();
    });

    protected override ConformanceCase<InsurerSession> FindCase(string requirementId, string caseName) => InsurerCases.Find(requirementId, caseName);
}

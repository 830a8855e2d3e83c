using Chukei.Conformance.Evidence;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Runs;

/// <summary>
/// The NUnit plumbing every suite shares (OpenIddict's CreateServerAsync pattern): once per fixture it starts the
/// suite's session (the kit's stand-ins, then the target), runs each case's body with its own evidence and maps the
/// verdict to an NUnit outcome, and stops the session at the end.
/// </summary>
public abstract class SuiteFixture<TSession> where TSession : class, IAsyncDisposable
{
    private TSession? _session;

    /// <summary>Starts the kit's stand-ins and the target; null when there is no target (the tests are then ignored).</summary>
    protected abstract Task<TSession?> StartSessionAsync();

    /// <summary>The case <paramref name="caseName"/> of <paramref name="requirementId"/> in the suite's table.</summary>
    protected abstract ConformanceCase<TSession> FindCase(string requirementId, string caseName);

    [OneTimeSetUp]
    public async Task StartAsync() => _session = await StartSessionAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    /// <summary>Runs the case <paramref name="caseName"/> of <paramref name="requirementId"/> against the target.</summary>
    protected Task CheckAsync(string requirementId, string caseName)
    {
        var session = _session ?? throw new InvalidOperationException("the session did not start");
        var @case = FindCase(requirementId, caseName);
        var check = new CheckContext(requirementId, new EvidenceRecorder());
        return ConformanceOutcome.RunAsync(check, () => @case.Body(session, check));
    }
}

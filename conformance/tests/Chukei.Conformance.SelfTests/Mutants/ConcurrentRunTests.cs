using Chukei.Insurers;
using Chukei.Relay;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>
/// Two runs of a suite at once, each against its own target with its own stand-ins (as two CI jobs on one machine
/// would run), share nothing: both pass against the reference, and a mutant run beside a reference run fails alone.
/// </summary>
[TestFixture]
public sealed class ConcurrentRunTests
{
    [Test]
    public async Task InsurerSuite_TwoRunsAtOnce_DoNotInterfere()
    {
        // Act
        var runs = await Task.WhenAll(
            SuiteRunner.RunAsync("reference-1", InsurerDefects.None),
            SuiteRunner.RunAsync("mutant", new InsurerDefects { SkippedSealChecks = new HashSet<string> { "INS-024" } }),
            SuiteRunner.RunAsync("reference-2", InsurerDefects.None));

        // Assert
        Assert.That(runs[0].Failures.Select(f => f.Message).Concat(runs[0].Inconclusive), Is.Empty);
        Assert.That(runs[2].Failures.Select(f => f.Message).Concat(runs[2].Inconclusive), Is.Empty);
        Assert.That(runs[1].FailedRequirements, Does.Contain("INS-024"));
    }

    [Test]
    public async Task RelaySuite_TwoRunsAtOnce_DoNotInterfere()
    {
        // Act
        var runs = await Task.WhenAll(
            SuiteRunner.RunRelayAsync("reference-1", RelayDefects.None),
            SuiteRunner.RunRelayAsync("mutant", new RelayDefects { SkipsPurposeCheck = true }),
            SuiteRunner.RunRelayAsync("reference-2", RelayDefects.None));

        // Assert
        Assert.That(runs[0].Failures.Select(f => f.Message).Concat(runs[0].Inconclusive), Is.Empty);
        Assert.That(runs[2].Failures.Select(f => f.Message).Concat(runs[2].Inconclusive), Is.Empty);
        Assert.That(runs[1].FailedRequirements, Is.EqualTo(new[] { "RLY-005" }));
    }
}

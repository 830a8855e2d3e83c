using System.Diagnostics;
using System.Globalization;
using Chukei.Conformance.Insurer;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Insurer.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// Issue 21 §5: the insurer suite measured against an insurer the kit's code did not shape. The outside insurer
/// (<c>conformance/outsiders/insurer-js</c>, JavaScript written from <c>docs/</c> alone) runs as a Node process, once
/// correct and once per seeded bug of its <c>bugs.json</c>; the suite runs whole against each. The correct variant
/// must pass (no failure, no MUST case left unchecked); the bugs' outcomes are published in
/// <c>docs/conformance-outside-targets.md</c> with the suite's kill ratio, and every bug that document lists as killed
/// must stay killed (escapes are allowed: they are the backlog of cases to write).
/// </summary>
[TestFixture]
[Category("OutsideInsurer")]
public sealed class OutsideInsurerTests
{
    private const string Section = "insurer";
    private const int Concurrency = 4;
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan UnknownKidInterval = TimeSpan.FromSeconds(1);

    private string _folder = null!;
    private string _node = null!;
    private List<SeededBug> _bugs = null!;
    private string _publishedSection = "";
    private SuiteOutcome _correct = null!;
    private readonly List<(SeededBug Bug, SuiteOutcome Outcome)> _outcomes = [];
    private TimeSpan _wallTime;

    [OneTimeSetUp]
    public async Task RunSuiteAgainstEveryVariantAsync()
    {
        _folder = Path.Combine(RepositoryRoot.Path, "conformance", "outsiders", "insurer-js");
        _node = await OutsideTargets.PrepareNodeAsync(_folder);
        _bugs = SeededBug.Load(Path.Combine(_folder, "bugs.json"));
        var documentFile = Path.Combine(RepositoryRoot.Path, OutsideTargets.DocumentPath);
        _publishedSection = OutsideTargets.Section(File.Exists(documentFile) ? await File.ReadAllTextAsync(documentFile) : "", Section);

        // The correct variant and every bug, a few at a time (each its own node process, relay stand-in and ports).
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(Concurrency);
        async Task<SuiteOutcome> RunLimitedAsync(string? bug)
        {
            await slots.WaitAsync();
            try
            {
                return await RunSuiteAsync(bug);
            }
            finally
            {
                slots.Release();
            }
        }
        var correct = RunLimitedAsync(null);
        var runs = _bugs.Select(b => RunLimitedAsync(b.Name)).ToList();
        _correct = await correct;
        var outcomes = await Task.WhenAll(runs);
        _outcomes.AddRange(_bugs.Zip(outcomes));
        _wallTime = clock.Elapsed;
        await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"outside insurer: the correct variant and {_bugs.Count} bugs in {_wallTime.TotalSeconds:0} s ({Concurrency} at a time)"));
    }

    [Test]
    public void CorrectVariant_FailsNoCaseAndLeavesNoMustUnchecked()
    {
        // Assert
        Assert.That(_correct.Results.Where(r => r.Outcome == CaseOutcome.Failed).Select(r => $"{r.FullName}: {r.Reason}"), Is.Empty,
            "the correct outside insurer failed a case: a false failure of the suite, or a bug of the outside insurer (see conformance/outsiders/README.md)");
        Assert.That(_correct.Results.Where(r => r.LeavesMustUnchecked).Select(r => $"{r.FullName}: {r.Reason}"), Is.Empty);
    }

    [Test]
    public void SeededBugs_AreNamedOnceAndBreakARequirementOfTheCatalogue() => OutsideTargets.AssertBugsWellFormed(_bugs);

    [Test]
    public void KilledBugs_StayKilled()
    {
        // Arrange, Act: what the committed document says was killed (read before any test could rewrite it), now.
        var regressions = OutsideTargets.Regressions(_publishedSection, _outcomes);

        // Assert
        Assert.That(regressions, Is.Empty, "the insurer suite no longer kills a seeded bug it killed");
    }

    [Test]
    public Task Document_IsCurrent() => OutsideTargets.AssertSectionCurrentAsync(Section, Render());

    private async Task<SuiteOutcome> RunSuiteAsync(string? bug)
    {
        OutsideTargetProcess? started = null;
        var session = await InsurerSession.StartAsync("http://127.0.0.1:0", async relayUrl =>
        {
            started = await OutsideTargetProcess.StartAsync(_node, _folder,
            [
                "insurer.js", "--port", "0", "--relay-url", relayUrl.ToString().TrimEnd('/'),
                "--unknown-kid-interval-ms", ((long)UnknownKidInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            ], bug);
            return new InsurerTarget(new ConformanceTarget(started.Url, SealFixture.TargetId))
            {
                ReportWait = ReportWait,
                DirectoryWait = DirectoryWait,
                Owner = started,
            };
        }) ?? throw new InvalidOperationException("the insurer session did not start");
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await InsurerSuiteRunner.RunAsync(session, InsurerCases.All);
        }
        if (bug is null && results.Any(r => r.Outcome == CaseOutcome.Failed || r.LeavesMustUnchecked))
        {
            await TestContext.Out.WriteLineAsync("outside insurer (correct variant) log:\n" + started?.Log);
        }
        return new SuiteOutcome(results);
    }

    private string Render() => OutsideTargets.RenderSection(Section, "The insurer suite against an outside insurer",
        [
            "The outside insurer ([`conformance/outsiders/insurer-js`](../conformance/outsiders/README.md#insurer-js-an-insurer-in-javascript))",
            "plays `kenpo-a.chukei.test`; the kit's relay stand-in plays the relay.",
        ],
        _correct, _outcomes);
}

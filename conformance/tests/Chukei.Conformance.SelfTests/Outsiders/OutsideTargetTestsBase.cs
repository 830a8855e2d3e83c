using System.Diagnostics;
using System.Globalization;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// Issue 21 §5, one suite measured against a target the kit's code did not shape: the outside target (JavaScript
/// written from <c>docs/</c> alone, in <c>conformance/outsiders/</c>) runs as a Node process, once correct and once per
/// seeded bug of its <c>bugs.json</c>, a few at a time, and the suite runs whole against each. The correct variant must
/// pass (no failure, no MUST case left unchecked); the bugs' outcomes are published in the suite's section of
/// <c>docs/conformance-outside-targets.md</c> with its kill ratio, and every bug that section lists as killed must stay
/// killed (escapes are allowed: they are the backlog of cases to write). One subclass per suite says how to start the
/// target and run the suite against it.
/// </summary>
public abstract class OutsideTargetTestsBase
{
    private string _publishedSection = "";
    private List<SeededBug> _bugs = null!;

    /// <summary>"insurer", "clinic": the suite, the target's folder (<c>&lt;role&gt;-js</c>) and the document's section.</summary>
    protected abstract string Role { get; }

    /// <summary>How many variants run at once (each its own Node process, kit stand-ins and ports).</summary>
    protected abstract int Concurrency { get; }

    protected string Folder { get; private set; } = null!;

    protected string Node { get; private set; } = null!;

    protected SuiteOutcome Correct { get; private set; } = null!;

    protected List<(SeededBug Bug, SuiteOutcome Outcome)> Outcomes { get; } = [];

    /// <summary>The suite, whole, against the target started with <paramref name="bug"/> (null: the correct variant); stops the target.</summary>
    protected abstract Task<(IReadOnlyList<CaseResult> Results, OutsideTargetProcess? Started)> RunSuiteAsync(string? bug);

    /// <summary>The suite's section of the document.</summary>
    protected abstract string Render();

    [OneTimeSetUp]
    public async Task RunSuiteAgainstEveryVariantAsync()
    {
        Folder = Path.Combine(RepositoryRoot.Path, "conformance", "outsiders", Role + "-js");
        Node = await OutsideTargets.PrepareNodeAsync(Folder);
        _bugs = SeededBug.Load(Path.Combine(Folder, "bugs.json"));
        var documentFile = Path.Combine(RepositoryRoot.Path, OutsideTargets.DocumentPath);
        _publishedSection = OutsideTargets.Section(File.Exists(documentFile) ? await File.ReadAllTextAsync(documentFile) : "", Role);

        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(Concurrency);
        async Task<SuiteOutcome> RunLimitedAsync(string? bug)
        {
            await slots.WaitAsync();
            try
            {
                var (results, started) = await RunSuiteAsync(bug);
                if (bug is null && results.Any(r => r.Outcome == CaseOutcome.Failed || r.LeavesMustUnchecked))
                    await TestContext.Out.WriteLineAsync($"outside {Role} (correct variant) log:\n{started?.Log}");
                return new SuiteOutcome(results);
            }
            finally
            {
                slots.Release();
            }
        }
        var correct = RunLimitedAsync(null);
        var runs = _bugs.Select(b => RunLimitedAsync(b.Name)).ToList();
        Correct = await correct;
        Outcomes.AddRange(_bugs.Zip(await Task.WhenAll(runs)));
        await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"outside {Role}: the correct variant and {_bugs.Count} bugs in {clock.Elapsed.TotalSeconds:0} s ({Concurrency} at a time)"));
    }

    [Test]
    public void CorrectVariant_FailsNoCaseAndLeavesNoMustUnchecked()
    {
        // Assert
        Assert.That(Correct.Results.Where(r => r.Outcome == CaseOutcome.Failed).Select(r => $"{r.FullName}: {r.Reason}"), Is.Empty,
            $"the correct outside {Role} failed a case: a false failure of the suite, or a bug of the outside {Role} (see conformance/outsiders/README.md)");
        Assert.That(Correct.Results.Where(r => r.LeavesMustUnchecked).Select(r => $"{r.FullName}: {r.Reason}"), Is.Empty);
    }

    [Test]
    public void SeededBugs_AreNamedOnceAndBreakARequirementOfTheCatalogue() => OutsideTargets.AssertBugsWellFormed(_bugs);

    [Test]
    public void KilledBugs_StayKilled()
    {
        // Arrange, Act: what the committed document says was killed (read before any test could rewrite it), now.
        var regressions = OutsideTargets.Regressions(_publishedSection, Outcomes);

        // Assert
        Assert.That(regressions, Is.Empty, $"the {Role} suite no longer kills a seeded bug it killed");
    }

    [Test]
    public Task Document_IsCurrent() => OutsideTargets.AssertSectionCurrentAsync(Role, Render());
}

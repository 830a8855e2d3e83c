using System.Diagnostics;
using System.Globalization;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Clinic.Running;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// Issue 21 §5: the clinic suite measured against a clinic the kit's code did not shape. The outside clinic
/// (<c>conformance/outsiders/clinic-js</c>, JavaScript written from <c>docs/</c> alone, behind the HTTP driver contract)
/// runs as a Node process, once correct and once per seeded bug of its <c>bugs.json</c>; the clinic suite runs whole
/// against each through the kit's <see cref="HttpClinicDriver"/> and card reader, each run in its own clinic kit world
/// (relay, insurers and reader on their own free ports). The correct variant must pass (no failure, no MUST case left
/// unchecked); the bugs' outcomes are published in the clinic section of <c>docs/conformance-outside-targets.md</c> with
/// the suite's kill ratio, and every bug that section lists as killed must stay killed.
/// </summary>
[TestFixture]
[Category("OutsideClinic")]
public sealed class OutsideClinicTests
{
    private const string Section = "clinic";
    private const int Concurrency = 6;

    private string _folder = null!;
    private string _node = null!;
    private List<SeededBug> _bugs = null!;
    private string _publishedSection = "";
    private SuiteOutcome _correct = null!;
    private readonly List<(SeededBug Bug, SuiteOutcome Outcome)> _outcomes = [];

    [OneTimeSetUp]
    public async Task RunSuiteAgainstEveryVariantAsync()
    {
        _folder = Path.Combine(RepositoryRoot.Path, "conformance", "outsiders", "clinic-js");
        _node = await OutsideTargets.PrepareNodeAsync(_folder);
        _bugs = SeededBug.Load(Path.Combine(_folder, "bugs.json"));
        var documentFile = Path.Combine(RepositoryRoot.Path, OutsideTargets.DocumentPath);
        _publishedSection = OutsideTargets.Section(File.Exists(documentFile) ? await File.ReadAllTextAsync(documentFile) : "", Section);

        // The correct variant and every bug, a few at a time (each its own node process, kit world and ports).
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
        await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"outside clinic: the correct variant and {_bugs.Count} bugs in {clock.Elapsed.TotalSeconds:0} s ({Concurrency} at a time)"));
    }

    [Test]
    public void CorrectVariant_FailsNoCaseAndLeavesNoMustUnchecked()
    {
        // Assert
        Assert.That(_correct.Results.Where(r => r.Outcome == CaseOutcome.Failed).Select(r => $"{r.FullName}: {r.Reason}"), Is.Empty,
            "the correct outside clinic failed a case: a false failure of the suite, or a bug of the outside clinic (see conformance/outsiders/README.md)");
        Assert.That(_correct.Results.Where(r => r.LeavesMustUnchecked).Select(r => $"{r.FullName}: {r.Reason}"), Is.Empty);
        Assert.That(_correct.Results.Where(r => r.Outcome == CaseOutcome.Passed).Select(r => r.RequirementId), Does.Contain("ELG-021").And.Contain("CLN-038"),
            "the outside clinic claims notice pickups (ELG-021) and renewal alerts (CLN-038)");
    }

    [Test]
    public void SeededBugs_AreNamedOnceAndBreakARequirementOfTheCatalogue() => OutsideTargets.AssertBugsWellFormed(_bugs);

    [Test]
    public void KilledBugs_StayKilled()
    {
        // Arrange, Act: what the committed document says was killed (read before any test could rewrite it), now.
        var regressions = OutsideTargets.Regressions(_publishedSection, _outcomes);

        // Assert
        Assert.That(regressions, Is.Empty, "the clinic suite no longer kills a seeded bug it killed");
    }

    [Test]
    public Task Document_IsCurrent() => OutsideTargets.AssertSectionCurrentAsync(Section, Render());

    private async Task<SuiteOutcome> RunSuiteAsync(string? bug)
    {
        OutsideTargetProcess? started = null;
        var session = await ClinicSession.StartAsync(async _ =>
        {
            started = await OutsideTargetProcess.StartAsync(_node, _folder, ["clinic.js", "--port", "0"], bug);
            return await HttpClinicDriver.StartAsync(started.Url);
        }) ?? throw new InvalidOperationException("the clinic kit did not start");
        IReadOnlyList<CaseResult> results;
        try
        {
            await using (session)
            {
                results = await ClinicSuiteRunner.RunAsync(session, ClinicCases.All);
            }
        }
        finally
        {
            if (started is not null) await started.DisposeAsync();
        }
        if (bug is null && results.Any(r => r.Outcome == CaseOutcome.Failed || r.LeavesMustUnchecked))
        {
            await TestContext.Out.WriteLineAsync("outside clinic (correct variant) log:\n" + started?.Log);
        }
        return new SuiteOutcome(results);
    }

    private string Render() => OutsideTargets.RenderSection(Section, "The clinic suite against an outside clinic",
        [
            "The outside clinic ([`conformance/outsiders/clinic-js`](../conformance/outsiders/README.md#clinic-js-a-clinic-in-javascript))",
            "plays `clinic.chukei.test` behind the HTTP driver contract; the kit plays the relay, the insurers and the card (its",
            "card reader over HTTP), a fresh clinic kit world per variant.",
        ],
        _correct, _outcomes);
}

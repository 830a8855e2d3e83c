using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
public sealed partial class OutsideInsurerTests
{
    private const string DocumentPath = "docs/conformance-outside-targets.md";
    private const int Concurrency = 4;
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan UnknownKidInterval = TimeSpan.FromSeconds(1);

    private string _folder = null!;
    private string _node = null!;
    private List<SeededBug> _bugs = null!;
    private string _publishedDocument = "";
    private Outcome _correct = null!;
    private readonly List<(SeededBug Bug, Outcome Outcome)> _outcomes = [];
    private TimeSpan _wallTime;

    [OneTimeSetUp]
    public async Task RunSuiteAgainstEveryVariantAsync()
    {
        _folder = Path.Combine(RepositoryRoot.Path, "conformance", "outsiders", "insurer-js");
        _node = RequireTool(OperatingSystem.IsWindows() ? "node.exe" : "node");
        if (!Directory.Exists(Path.Combine(_folder, "node_modules")))
        {
            var npm = RequireTool(OperatingSystem.IsWindows() ? "npm.cmd" : "npm");
            await RunToCompletionAsync(npm, ["ci", "--no-audit", "--no-fund"], _folder);
        }
        _bugs = SeededBug.Load(Path.Combine(_folder, "bugs.json"));
        var documentFile = Path.Combine(RepositoryRoot.Path, DocumentPath);
        _publishedDocument = File.Exists(documentFile) ? await File.ReadAllTextAsync(documentFile) : "";

        // The correct variant and every bug, a few at a time (each its own node process, relay stand-in and ports).
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(Concurrency);
        async Task<Outcome> RunLimitedAsync(string? bug)
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
    public void SeededBugs_AreNamedOnceAndBreakARequirementOfTheCatalogue()
    {
        // Arrange
        var catalogue = File.ReadLines(Path.Combine(RepositoryRoot.Path, "docs", "requirements", "protocol-v1.csv"))
            .Skip(1).Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.That(_bugs, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(_bugs.Select(b => b.Name), Is.Unique);
        Assert.That(_bugs.Where(b => !KebabCase().IsMatch(b.Name)).Select(b => b.Name), Is.Empty, "bug names are kebab-case");
        Assert.That(_bugs.Where(b => !catalogue.Contains(b.Requirement)).Select(b => $"{b.Name}: {b.Requirement}"), Is.Empty);
    }

    [Test]
    public void KilledBugs_StayKilled()
    {
        // Arrange: what the committed document says was killed (read before any test could rewrite it).
        var published = PublishedVerdicts(_publishedDocument);

        // Act
        var regressions = new List<string>();
        foreach (var (name, verdict) in published)
        {
            var now = _outcomes.SingleOrDefault(o => o.Bug.Name == name);
            if (now.Outcome is null)
            {
                continue; // a bug removed from bugs.json; the document test reports the change
            }
            var current = now.Outcome.Verdict(now.Bug);
            if (verdict == Verdict.KilledRight && current != Verdict.KilledRight || verdict == Verdict.KilledOther && current == Verdict.Escaped)
            {
                regressions.Add($"{name} ({now.Bug.Requirement}) was {Name(verdict)}, is now {Name(current)}; failing: {string.Join(", ", now.Outcome.FailedRequirements)}");
            }
        }

        // Assert
        Assert.That(regressions, Is.Empty, "the insurer suite no longer kills a seeded bug it killed");
    }

    [Test]
    public async Task Document_IsCurrent()
    {
        // Arrange
        var expected = Render();
        var path = Path.Combine(RepositoryRoot.Path, DocumentPath);
        if (Environment.GetEnvironmentVariable("CHUKEI_UPDATE_DOCS") == "1") await File.WriteAllTextAsync(path, expected);

        // Act
        var actual = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";

        // Assert
        Assert.That(actual, Is.EqualTo(expected), $"{DocumentPath} is stale; regenerate it with CHUKEI_UPDATE_DOCS=1 (see the file's header)");
    }

    private async Task<Outcome> RunSuiteAsync(string? bug)
    {
        OutsideInsurerProcess? started = null;
        var session = await InsurerSession.StartAsync("http://127.0.0.1:0", async relayUrl =>
        {
            started = await OutsideInsurerProcess.StartAsync(_node, _folder, relayUrl, bug, UnknownKidInterval);
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
        return new Outcome(results);
    }

    private string Render()
    {
        var text = new StringBuilder();
        var killedRight = _outcomes.Count(o => o.Outcome.Verdict(o.Bug) == Verdict.KilledRight);
        var killedOther = _outcomes.Count(o => o.Outcome.Verdict(o.Bug) == Verdict.KilledOther);
        var escaped = _outcomes.Count(o => o.Outcome.Verdict(o.Bug) == Verdict.Escaped);
        text.AppendLine("# The insurer suite against an outside insurer");
        text.AppendLine();
        text.AppendLine("Generated by `OutsideInsurerTests` in `conformance/tests/Chukei.Conformance.SelfTests`, which fails when this file");
        text.AppendLine("differs from what the suite does today. Regenerate with");
        text.AppendLine("`CHUKEI_UPDATE_DOCS=1 dotnet test conformance/tests/Chukei.Conformance.SelfTests --artifacts-path /tmp/artifacts --filter OutsideInsurer`.");
        text.AppendLine();
        text.AppendLine("The kit's own mutants only measure the mistakes its authors thought of. The outside insurer");
        text.AppendLine("([`conformance/outsiders/insurer-js`](../conformance/outsiders/README.md)) is an insurer written in JavaScript from");
        text.AppendLine("`docs/` alone, outside the kit's assemblies, with seeded bugs (its `bugs.json`) that the kit's authors did not write");
        text.AppendLine("as mutants. The insurer suite runs whole against the correct variant and against each bug switched on alone.");
        text.AppendLine();
        text.AppendLine("A bug is **killed-right** when a case of the requirement it breaks fails (a SHOULD case's warning counts),");
        text.AppendLine("**killed-other** when only cases of other requirements fail, and **escaped** when no case fails: an escape is a");
        text.AppendLine("case the suite lacks.");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"**Kill ratio: {killedRight} of {_outcomes.Count} bugs killed by a case of the requirement they break ({Percent(killedRight)}), {killedOther} more by a case of another requirement ({Percent(killedOther)}), {escaped} escaped ({Percent(escaped)}).**"));
        text.AppendLine();
        var counts = _correct.Results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {OutcomeName(g.Key)}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"The correct variant: {string.Join(", ", counts)} of {_correct.Results.Count} cases; no case failed and no MUST case was left unchecked."));
        text.AppendLine();
        text.AppendLine("## Bugs");
        text.AppendLine();
        text.AppendLine("| Bug | Breaks | Verdict | Requirements whose cases failed | MUST cases left unchecked | What is wrong |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (bug, outcome) in _outcomes.OrderBy(o => o.Outcome.Verdict(o.Bug)).ThenBy(o => o.Bug.Requirement, StringComparer.Ordinal).ThenBy(o => o.Bug.Name, StringComparer.Ordinal))
        {
            var verdict = outcome.Verdict(bug);
            var failed = outcome.FailedRequirements.Count == 0 ? "·" : string.Join(", ", outcome.FailedRequirements);
            var notChecked = outcome.UncheckedRequirements.Count == 0 ? "·" : string.Join(", ", outcome.UncheckedRequirements);
            var shown = verdict == Verdict.Escaped ? $"**{Name(verdict)}**" : Name(verdict);
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{bug.Name}` | {bug.Requirement} | {shown} | {failed} | {notChecked} | {bug.Wrong} |");
        }
        return text.ToString();
    }

    private string Percent(int count) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * count / _outcomes.Count)} %");

    private static string OutcomeName(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Passed => "passed",
        CaseOutcome.Warning => "warned",
        CaseOutcome.NotClaimed => "not claimed",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Name(Verdict verdict) => verdict switch
    {
        Verdict.KilledRight => "killed-right",
        Verdict.KilledOther => "killed-other",
        _ => "escaped",
    };

    private static Dictionary<string, Verdict> PublishedVerdicts(string document)
    {
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (Match row in PublishedRow().Matches(document))
        {
            verdicts[row.Groups["name"].Value] = row.Groups["verdict"].Value switch
            {
                "killed-right" => Verdict.KilledRight,
                "killed-other" => Verdict.KilledOther,
                _ => Verdict.Escaped,
            };
        }
        return verdicts;
    }

    /// <summary>The executable <paramref name="name"/> on PATH; without it the test is skipped, or fails under CI.</summary>
    private static string RequireTool(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (found is not null) return found;
        var message = $"'{name}' is not on PATH: the outside insurer (conformance/outsiders/insurer-js) needs Node.js 20 or later and npm (Debian/Ubuntu: apt-get install nodejs npm; .ci/run installs them)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail(message);
        Assert.Ignore(message);
        return "";
    }

    private static async Task RunToCompletionAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} in {workingDirectory} exited {process.ExitCode}:\n{await output}{await error}");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^\| `(?<name>[a-z0-9-]+)` \| [A-Z]+-\d{3} \| \**(?<verdict>killed-right|killed-other|escaped)\**", RegexOptions.Multiline)]
    private static partial Regex PublishedRow();

    private enum Verdict
    {
        KilledRight,
        KilledOther,
        Escaped,
    }

    /// <summary>One seeded bug of <c>bugs.json</c>.</summary>
    private sealed record SeededBug(string Name, string Requirement, string Wrong)
    {
        public static List<SeededBug> Load(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("bugs").EnumerateArray()
                .Select(b => new SeededBug(b.GetProperty("name").GetString()!, b.GetProperty("requirement").GetString()!, b.GetProperty("wrong").GetString()!))
                .ToList();
        }
    }

    /// <summary>The suite's results against one variant.</summary>
    private sealed record Outcome(IReadOnlyList<CaseResult> Results)
    {
        /// <summary>
        /// Requirements with a failed case (a SHOULD's warning included: that is how a SHOULD case fails), and the rule a
        /// failed case reports as broken when it is not the case's own (a broken answer envelope is AUTH-010's).
        /// </summary>
        public List<string> FailedRequirements { get; } = Results.Where(r => r.Outcome is CaseOutcome.Failed or CaseOutcome.Warning)
            .SelectMany(r => r.ViolatedRequirementId is { } violated ? [r.RequirementId, violated] : new[] { r.RequirementId })
            .Distinct().Order(StringComparer.Ordinal).ToList();

        public List<string> UncheckedRequirements { get; } = Results.Where(r => r.LeavesMustUnchecked)
            .Select(r => r.RequirementId).Distinct().Order(StringComparer.Ordinal).ToList();

        public Verdict Verdict(SeededBug bug) =>
            FailedRequirements.Contains(bug.Requirement) ? OutsideInsurerTests.Verdict.KilledRight
            : FailedRequirements.Count > 0 ? OutsideInsurerTests.Verdict.KilledOther
            : OutsideInsurerTests.Verdict.Escaped;
    }
}

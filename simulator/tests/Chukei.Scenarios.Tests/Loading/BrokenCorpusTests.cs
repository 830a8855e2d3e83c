using System.Text.RegularExpressions;
using Chukei.Scenarios.Loading;

namespace Chukei.Scenarios.Tests.Loading;

/// <summary>
/// The corpus of broken scenarios (Broken/*.yaml): each file's first line says where the problem is and what the
/// message must say; lint must report exactly there, and run must refuse the file too.
/// </summary>
public sealed partial class BrokenCorpusTests
{
    private static string Folder => Path.Combine(RepositoryFiles.Root, "simulator", "tests", "Chukei.Scenarios.Tests", "Broken");

    private static IEnumerable<TestCaseData> Files() =>
        Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("Lint_" + Path.GetFileNameWithoutExtension(f) + "_IsReportedWhereAndWhy"));

    [TestCaseSource(nameof(Files))]
    public void Lint_BrokenScenario_IsReportedWhereAndWhy(string file)
    {
        var expect = Expectation().Match(File.ReadLines(file).First());
        Assert.That(expect.Success, Is.True, "the first line must be '# expect: <line>:<column> <message part>'");
        var (line, column, text) = (int.Parse(expect.Groups[1].Value, null), int.Parse(expect.Groups[2].Value, null), expect.Groups[3].Value);

        var diagnostics = ScenarioLinter.LintFile(file);

        Assert.That(diagnostics.Any(d => d.Line == line && d.Column == column && d.Message.Contains(text, StringComparison.Ordinal)), Is.True,
            $"expected {line}:{column} '{text}', got:\n{string.Join("\n", diagnostics)}");
        Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(file), "run refuses what lint refuses");
    }

    [GeneratedRegex(@"^# expect: (\d+):(\d+) ?(.*)$")]
    private static partial Regex Expectation();
}

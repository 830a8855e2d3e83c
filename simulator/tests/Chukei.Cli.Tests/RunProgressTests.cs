using Chukei.Cli.Commands;

namespace Chukei.Cli.Tests;

/// <summary>The progress bar of long runs: on a terminal only, and never mixed into the lines the run prints.</summary>
public sealed class RunProgressTests
{
    [Test]
    public async Task StartIfLong_RedirectedOrShort_DrawsNothing()
    {
        using var console = new StringWriter();

        await using var redirected = RunProgress.StartIfLong(() => (0, 1_000_000), terminal: false, console);
        await using var brief = RunProgress.StartIfLong(() => (0, RunProgress.MinimumInstants - 1), terminal: true, console);

        Assert.Multiple(() =>
        {
            Assert.That(redirected, Is.Null, "redirected output (CI, tests, results piped to a file) never gets the bar");
            Assert.That(brief, Is.Null, "a run of a second needs no bar");
        });
    }

    [Test]
    public async Task Draw_OnATerminal_ShowsTheShareDone_AndPrintedLinesClearItFirst()
    {
        using var console = new StringWriter();
        var progress = RunProgress.StartIfLong(() => (25_000, 100_000), terminal: true, console)!;

        progress.Draw();
        var drawn = console.ToString();
        progress.Output.WriteLine("── step");
        await progress.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(drawn, Is.EqualTo("\r[" + new string('#', 7) + new string('.', 23) + "]  25%  25,000/100,000 timeline instants"));
            Assert.That(console.ToString(), Does.EndWith("\r\u001b[K── step" + Environment.NewLine), "the bar is wiped before a printed line");
        });
    }
}

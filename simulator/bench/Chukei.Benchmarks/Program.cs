using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Chukei.Benchmarks;

/// <summary>
/// Runs every benchmark in one process and one run (so ratios compare like with like), then prints the ratio table.
/// Arguments: <c>--quick</c> for a very short run, <c>--paired</c> for the headline ratios measured in alternation;
/// anything else goes to BenchmarkDotNet (<c>--filter *Seal*</c>, …).
/// </summary>
internal static class Program
{
    public const string QuickFlag = "--quick";

    public static int Main(string[] args)
    {
        if (args.Any(a => a.StartsWith(PopulationRun.Flag, StringComparison.Ordinal)))
            return PopulationRun.Run(args, Console.Out);
        if (args.Contains(PairedRatios.Flag, StringComparer.Ordinal))
        {
            PairedRatios.Run(Console.Out);
            return 0;
        }
        var quick = args.Contains(QuickFlag, StringComparer.Ordinal);
        var passThrough = args.Where(a => a != QuickFlag).ToList();
        // Without a filter BenchmarkSwitcher asks interactively; the default is everything.
        if (!passThrough.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal)))
            passThrough.AddRange(["--filter", "*"]);

        var before = LoadAverage();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. passThrough], CreateConfig(quick)).ToList();
        var after = LoadAverage();

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} logical cores; load average before {before}, after {after} (other builds may share the cores)."));
        RatioTable.Write(summaries, Console.Out);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>
    /// One in-process job sized for a 2-core machine: no rebuild per benchmark (InProcessEmitToolchain), two warmups
    /// and eight measured iterations of 250 ms; quick mode is one warmup and three iterations of 100 ms.
    /// </summary>
    public static IConfig CreateConfig(bool quick)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 1 : 2)
            .WithIterationCount(quick ? 3 : 8)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 100 : 250))
            .WithId(quick ? "quick" : "2-core");
        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .WithOptions(ConfigOptions.JoinSummary)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}

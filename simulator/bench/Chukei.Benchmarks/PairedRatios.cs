using System.Diagnostics;
using System.Globalization;

namespace Chukei.Benchmarks;

/// <summary>
/// The headline ratios measured in alternation: blocks of the bound and blocks of the subject interleaved round by
/// round, the ratio taken per round and the median reported. On a shared 2-core VM, where the speed of the machine
/// drifts by tens of percent over the minutes a full BenchmarkDotNet run takes, this keeps both sides of each ratio
/// under the same conditions; BenchmarkDotNet's separate means are still the absolute figures.
/// </summary>
internal static class PairedRatios
{
    public const string Flag = "--paired";

    public static void Run(TextWriter output, int rounds = 41, int opsPerBlock = 30)
    {
        var primitives = new PrimitiveBenchmarks();
        primitives.Setup();
        var seals = new SealBenchmarks();
        seals.Setup();

        output.WriteLine($"Paired ratios: {rounds} interleaved rounds of {opsPerBlock} operations per side (median, with the interquartile range)");
        output.WriteLine();
        output.WriteLine("| Ratio | Median | IQR | Bound per op | Subject per op |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Write(output, "Seal: % of primitive bound", Measure(() => primitives.BoundSeal(), () => seals.Seal(), rounds, opsPerBlock));
        Write(output, "Seal: % of complete bound (with KDF and key wrap)", Measure(() => primitives.BoundSealComplete(), () => seals.Seal(), rounds, opsPerBlock));
        Write(output, "Open+check: % of primitive bound", Measure(() => primitives.BoundOpenCheck(), () => seals.OpenCheck(), rounds, opsPerBlock));
        Write(output, "Open+check: % of complete bound (with epk import, KDF, key unwrap)", Measure(() => primitives.BoundOpenCheckComplete(), () => seals.OpenCheck(), rounds, opsPerBlock));
        Write(output, "Seal with one-schedule key wrap (prototype): % of primitive bound", Measure(() => primitives.BoundSeal(), () => seals.SealOneScheduleKeyWrap(), rounds, opsPerBlock));
    }

    private sealed record Result(double Median, double Q1, double Q3, double BoundMicros, double SubjectMicros);

    private static Result Measure(Action bound, Action subject, int rounds, int ops)
    {
        // Warm up for a second so tiered JIT has promoted both paths before anything is timed.
        var warm = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warm).TotalSeconds < 1)
        {
            bound();
            subject();
        }
        var ratios = new List<double>(rounds);
        double boundTotal = 0, subjectTotal = 0;
        for (var r = 0; r < rounds; r++)
        {
            // Alternate which side goes first, so neither always runs on a warmer cache.
            double b, s;
            if (r % 2 == 0)
            {
                b = Time(bound, ops);
                s = Time(subject, ops);
            }
            else
            {
                s = Time(subject, ops);
                b = Time(bound, ops);
            }
            ratios.Add(b / s);
            boundTotal += b;
            subjectTotal += s;
        }
        ratios.Sort();
        return new Result(ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4],
            boundTotal / rounds / ops * 1e6, subjectTotal / rounds / ops * 1e6);
    }

    private static double Time(Action action, int ops)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < ops; i++) action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static void Write(TextWriter output, string name, Result r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.Median:P0} | {r.Q1:P0}–{r.Q3:P0} | {r.BoundMicros:F1} µs | {r.SubjectMicros:F1} µs |"));
}

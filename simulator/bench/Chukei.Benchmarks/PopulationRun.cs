using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Benchmarks;

/// <summary>
/// <c>--population 100000,250000,500000,1000000</c>: a generated population over one simulated year with the smoke
/// scenario's event rates, one child process per size (so each size's peak memory is its own), then wall time, peak
/// working set and the ratio of each to the smallest size measured in the same run. Not BenchmarkDotNet: one
/// iteration of a minute says what is needed, and repeating it would not fit a CI budget.
/// </summary>
internal static class PopulationRun
{
    public const string Flag = "--population";
    private const string OneFlag = "--population-one";

    /// <summary>Keep the relay's store in memory instead of a scratch file like <c>chukei run</c>.</summary>
    public const string MemoryStoreFlag = "--memory-store";

    public sealed record Figures(int People, int Events, int Reports, int Notices, double GenerateSeconds, double ProvisionSeconds, double RunSeconds,
        double TotalSeconds, double CpuSeconds, long PeakWorkingSetBytes, long ProvisionedWorkingSetBytes, long ProvisionedManagedBytes, long AllocatedBytes, bool Passed);

    public static int Run(string[] args, TextWriter output)
    {
        var one = Array.IndexOf(args, OneFlag);
        var inMemory = args.Contains(MemoryStoreFlag, StringComparer.Ordinal);
        if (one >= 0) return RunOneAsync(int.Parse(args[one + 1], CultureInfo.InvariantCulture), inMemory, output).GetAwaiter().GetResult();
        var sizes = args[Array.IndexOf(args, Flag) + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"Generated population over one simulated year; relay store {(inMemory ? "in memory" : "scratch file (as chukei run)")}; {Environment.ProcessorCount} logical cores; load average {LoadAverage()}");
        var results = new List<Figures>();
        foreach (var size in sizes)
        {
            var figures = RunChild(size, inMemory);
            if (figures is null) { output.WriteLine($"{size,10:N0}: the child process failed"); return 1; }
            results.Add(figures);
            output.WriteLine(Format(figures, results[0]));
        }
        output.WriteLine($"load average after: {LoadAverage()}");
        return results.All(r => r.Passed) ? 0 : 1;
    }

    private static string Format(Figures f, Figures baseline)
    {
        var scale = (double)f.People / baseline.People;
        return string.Create(CultureInfo.InvariantCulture,
            $"{f.People,10:N0} people  {f.Events,8:N0} events  {f.Reports,8:N0} relay reports  {f.Notices,6:N0} notices | generate {f.GenerateSeconds,6:F1} s  provision {f.ProvisionSeconds,6:F1} s  run {f.RunSeconds,6:F1} s  total {f.TotalSeconds,6:F1} s (CPU {f.CpuSeconds,6:F1} s) | peak {f.PeakWorkingSetBytes / 1048576.0,6:F0} MiB (after provisioning {f.ProvisionedWorkingSetBytes / 1048576.0,5:F0} MiB, managed {f.ProvisionedManagedBytes / 1048576.0,5:F0} MiB) | ×{scale:F1} people: time ×{f.TotalSeconds / baseline.TotalSeconds:F2}, CPU ×{f.CpuSeconds / baseline.CpuSeconds:F2}, memory ×{(double)f.PeakWorkingSetBytes / baseline.PeakWorkingSetBytes:F2}{(f.Passed ? "" : "  FAILED")}");
    }

    private static Figures? RunChild(int size, bool inMemory)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (inMemory) start.ArgumentList.Add(MemoryStoreFlag);
        start.ArgumentList.Add(OneFlag);
        start.ArgumentList.Add(size.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        var text = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return child.ExitCode == 0 && last is not null ? JsonSerializer.Deserialize<Figures>(last) : null;
    }

    private static async Task<int> RunOneAsync(int size, bool inMemory, TextWriter output)
    {
        var storePath = Path.Combine(Path.GetTempPath(), $"chukei-bench-{Environment.ProcessId}.db");
        try
        {
            return await RunOneAsync(size, inMemory ? null : storePath, output);
        }
        finally
        {
            File.Delete(storePath);
        }
    }

    private static async Task<int> RunOneAsync(int size, string? storePath, TextWriter output)
    {
        var total = Stopwatch.StartNew();
        var scenario = ScenarioLoader.Load(Yaml(size), $"population-{size}.yaml");
        var generated = total.Elapsed.TotalSeconds;
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock, new NetworkOptions { StorePath = storePath, ScratchStore = true });
        var provisioned = total.Elapsed.TotalSeconds;
        // Not timed: a full collection to see what the provisioned state holds.
        total.Stop();
        var provisionedWorkingSet = Environment.WorkingSet;
        var provisionedHeap = GC.GetTotalMemory(forceFullCollection: true);
        total.Start();
        var runner = new ScenarioRunner(network, clock, TextWriter.Null);
        var result = await runner.RunAsync();
        var ran = total.Elapsed.TotalSeconds;
        var notices = network.Insurers.Values.Sum(i => i.FallThroughInbox.Notices.Count);
        var figures = new Figures(size, scenario.Timeline.Count(e => e.Event is "acquire" or "lose"), runner.TimelineEntries.Count, notices, generated, provisioned - generated,
            ran - provisioned, ran, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64, provisionedWorkingSet, provisionedHeap, GC.GetTotalAllocatedBytes(), result.Passed);
        output.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    /// <summary>The smoke scenario's population and rates at another size, with a step at the end of the year.</summary>
    public static string Yaml(int size) => $$"""
        chukei: 1
        id: population-bench-{{size}}
        title: "{{size}} generated people over one year"
        seed: bench
        clock: { start: 2026-04-01T09:00:00+09:00 }
        lag: { notification: P5D, registration: P3D, relay: P1D }
        fallThrough: { grace: P14D }
        population:
          count: {{size}}
          reports: direct
          municipalities: 23
          employers: { health-insurance-society: 50, national-association: 1, mutual-aid: 5 }
          events: { from: 2026-04-01, period: P1Y }
        steps:
          - { id: year-end, at: 2027-03-31T12:00:00+09:00, action: fall-through-notices, insurer: nhi-131016 }
          - { id: chain, action: verify-log, expect: { chainValid: true } }
        """;

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}

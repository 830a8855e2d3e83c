using System.CommandLine;
using System.Text.Json;
using Chukei.Contracts.Json;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Cli.Commands;

/// <summary><c>chukei run &lt;scenario.yaml&gt;</c>: start the network in-process on a virtual clock, run the steps, check expectations.</summary>
public static class RunCommand
{
    private static readonly string[] SqliteFiles = ["", "-wal", "-shm"];

    public static Command Create()
    {
        var file = new Argument<FileInfo>("scenario") { Description = "The scenario file (YAML)" };
        var results = new Option<FileInfo?>("--results") { Description = "Write the results as JSON to this file" };
        var report = new Option<FileInfo?>("--report") { Description = "Write an HTML report (every step; a timeline per person involved in a failure) to this file" };
        var store = new Option<FileInfo?>("--store") { Description = "Keep the relay's SQLite store in this file (default: a temporary file, deleted afterwards)" };
        var command = new Command("run", "Run a scenario and check its expectations (exit 0 all hold, 1 one failed, 2 invalid scenario)") { file, results, report, store };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var scenario = ScenarioFiles.TryLoad(path);
            if (scenario is null) return ExitCodes.Invalid;

            var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
            var storePath = parse.GetValue(store)?.FullName ?? Path.Combine(Path.GetTempPath(), $"chukei-{Guid.NewGuid():N}.db");
            Console.WriteLine($"{scenario.Title}  ({scenario.Id}, seed {scenario.Seed})");
            ScenarioResult result;
            IReadOnlyList<TimelineEntry> timeline;
            try
            {
                await using (var network = await SimulatedNetwork.StartAsync(scenario, clock,
                    new NetworkOptions { StorePath = storePath, ScratchStore = parse.GetValue(store) is null, ScenarioDirectory = path.DirectoryName }, ct))
                {
                    Console.WriteLine($"relay {network.RelayUrl}  insurers {network.InsurerHostUrl}  store {(parse.GetValue(store) is null ? "temporary SQLite file" : storePath)}");
                    var printed = new RunProgress.Forwarder(Console.Out);
                    var runner = new ScenarioRunner(network, clock, printed);
                    await using var progress = RunProgress.StartIfLong(() => runner.Progress);
                    if (progress is not null) printed.Target = progress.Output;
                    result = await runner.RunAsync(ct);
                    timeline = runner.TimelineEntries;
                }
            }
            finally
            {
                if (parse.GetValue(store) is null)
                {
                    foreach (var suffix in SqliteFiles) File.Delete(storePath + suffix);
                }
            }
            if (parse.GetValue(results) is { } output)
                await File.WriteAllTextAsync(output.FullName, JsonSerializer.Serialize(result, ProtocolJson.Indented), ct);
            if (parse.GetValue(report) is { } html)
                await File.WriteAllTextAsync(html.FullName, HtmlReport.Render(scenario, result, timeline), ct);
            return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}

using System.CommandLine;
using Chukei.Scenarios.Network;

namespace Chukei.Cli.Commands;

/// <summary>
/// <c>chukei serve &lt;scenario.yaml&gt;</c>: start the relay and the scenario's insurers on loopback, on the real
/// clock, and keep them running so a vendor's own component can join (as an <c>external</c> insurer).
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("scenario") { Description = "The scenario file (YAML) listing parties and people" };
        var relayUrl = new Option<string>("--relay-url") { Description = "Where the relay listens", DefaultValueFactory = _ => "http://127.0.0.1:7400" };
        var insurerUrl = new Option<string>("--insurer-url") { Description = "Where the mock insurers listen", DefaultValueFactory = _ => "http://127.0.0.1:7401" };
        var store = new Option<FileInfo?>("--store") { Description = "The relay's SQLite store (default: chukei-relay.db in the current directory)" };
        var command = new Command("serve", "Start the simulated network on loopback and run until stopped (Ctrl+C)") { file, relayUrl, insurerUrl, store };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var scenario = ScenarioFiles.TryLoad(path);
            if (scenario is null) return ExitCodes.Invalid;
            foreach (var url in new[] { parse.GetValue(relayUrl)!, parse.GetValue(insurerUrl)! })
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http")
                {
                    Console.Error.WriteLine($"chukei: '{url}' is not an http URL");
                    return ExitCodes.Invalid;
                }
                if (!uri.IsLoopback) Console.Error.WriteLine($"chukei: warning: {url} is not a loopback address; the simulated parties will be reachable from the network");
            }
            var storePath = parse.GetValue(store)?.FullName ?? Path.GetFullPath("chukei-relay.db");
            // Ctrl+C and SIGTERM end the wait below, so the hosts stop and the store is closed cleanly.
            using var stop = new StopSignals(ct);
            await using var network = await SimulatedNetwork.StartAsync(scenario, TimeProvider.System, new NetworkOptions
            {
                RelayUrl = parse.GetValue(relayUrl),
                InsurerUrl = parse.GetValue(insurerUrl),
                StorePath = storePath,
                ScenarioDirectory = path.DirectoryName,
                DeterministicIds = false,
            }, ct);
            Console.WriteLine($"{scenario.Title} ({scenario.Id}) — store {storePath}");
            Console.WriteLine($"{"relay",-16} {network.Directory.RelayId,-28} {network.RelayUrl}");
            Console.WriteLine($"  directory  {network.RelayUrl}/v1/directory   (signed JWS, typ chukei-dir+jwt)");
            Console.WriteLine($"  relay keys {network.RelayUrl}/.well-known/jwks.json");
            foreach (var party in network.Directory.Parties.Where(p => p.Id != network.Directory.RelayId))
                Console.WriteLine($"{System.Text.Json.JsonSerializer.Serialize(party.Role, Contracts.Json.ProtocolJson.Options).Trim('"'),-16} {party.Id,-28} {party.BaseUrl ?? "(calls only)"}");
            Console.WriteLine("Serving. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopped.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Chukei.Clinic.Reception;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.References;
using Chukei.Conformance.Relay.Configured;
using Chukei.Insurers;
using Chukei.Relay;

namespace Chukei.Cli.Commands;

/// <summary>
/// <c>chukei conformance reference &lt;insurer|relay&gt;</c>: the kit's reference implementation, configured exactly as
/// the suite expects a vendor's, on loopback until stopped. Try a suite against it before pointing it at your own,
/// or read its exchanges to see what a passing implementation does.
/// </summary>
public static class ConformanceReferenceCommand
{
    public static Command Create()
    {
        var command = new Command("reference", "Start the kit's reference insurer, relay or clinic configured as the suites expect (published keys, directory and people), until Ctrl+C");
        command.Subcommands.Add(Insurer());
        command.Subcommands.Add(Relay());
        command.Subcommands.Add(Clinic());
        return command;
    }

    private static Command Insurer()
    {
        var listen = new Option<string>("--listen") { Description = "Where the reference insurer listens", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var relayUrl = new Option<string>("--relay-url") { Description = "The relay it reports to: where `chukei conformance insurer` runs its relay stand-in", DefaultValueFactory = _ => ConformanceInsurerCommand.DefaultRelayUrl };
        var command = new Command("insurer", "The reference insurer as kenpo-a.chukei.test; then run `chukei conformance insurer --target <the printed URL>`") { listen, relayUrl };
        command.SetAction(async (parse, ct) =>
        {
            if (!ConformanceOptions.TryHttpUrl(parse.GetValue(listen)!, out _)) return ConformanceOptions.Usage($"--listen '{parse.GetValue(listen)}' is not an absolute http(s) URL");
            if (!ConformanceOptions.TryHttpUrl(parse.GetValue(relayUrl)!, out var relay)) return ConformanceOptions.Usage($"--relay-url '{parse.GetValue(relayUrl)}' is not an absolute http(s) URL");
            var target = await ReferenceInsurer.StartAsync(relay, InsurerDefects.None, parse.GetValue(listen)!);
            await using var owner = target.Owner!;
            return await ServeUntilStoppedAsync($"reference insurer {target.PartyId} at {target.Target.BaseUrl} (reports to {relay})",
                $"chukei conformance insurer --target {target.Target.BaseUrl}" + (parse.GetValue(relayUrl) == ConformanceInsurerCommand.DefaultRelayUrl ? "" : $" --relay-url {relay}"), ct);
        });
        return command;
    }

    private static Command Relay()
    {
        var listen = new Option<string>("--listen") { Description = "Where the reference relay listens", DefaultValueFactory = _ => "http://127.0.0.1:8090" };
        var standIn = new Option<string>("--stand-in-url") { Description = "Where `chukei conformance relay` runs its stand-in insurers", DefaultValueFactory = _ => ConfiguredRelayConformance.DefaultStandInUrl };
        var command = new Command("relay", "The reference relay as relay.chukei.test with the published people; then run `chukei conformance relay --target <the printed URL>`") { listen, standIn };
        command.SetAction(async (parse, ct) =>
        {
            if (!ConformanceOptions.TryHttpUrl(parse.GetValue(listen)!, out _)) return ConformanceOptions.Usage($"--listen '{parse.GetValue(listen)}' is not an absolute http(s) URL");
            if (!ConformanceOptions.TryHttpUrl(parse.GetValue(standIn)!, out var insurers)) return ConformanceOptions.Usage($"--stand-in-url '{parse.GetValue(standIn)}' is not an absolute http(s) URL");
            var target = await ReferenceRelay.StartAsync(insurers, RelayDefects.None, parse.GetValue(listen)!);
            await using var owner = target.Owner!;
            return await ServeUntilStoppedAsync($"reference relay {target.PartyId} at {target.Target.BaseUrl} (insurers at {insurers})",
                $"chukei conformance relay --target {target.Target.BaseUrl}" + (parse.GetValue(standIn) == ConfiguredRelayConformance.DefaultStandInUrl ? "" : $" --stand-in-url {insurers}"), ct);
        });
        return command;
    }

    private static Command Clinic()
    {
        var listen = new Option<string>("--listen") { Description = "Where the reference clinic's driver endpoint listens ({listen}/checks)", DefaultValueFactory = _ => "http://127.0.0.1:8070" };
        var command = new Command("clinic", "The reference clinic behind the HTTP driver contract, as clinic.chukei.test with the kit's published parties; then run `chukei conformance clinic --driver-url <the printed URL>`") { listen };
        command.SetAction(async (parse, ct) =>
        {
            if (!ConformanceOptions.TryHttpUrl(parse.GetValue(listen)!, out _)) return ConformanceOptions.Usage($"--listen '{parse.GetValue(listen)}' is not an absolute http(s) URL");
            await using var clinic = await ReferenceClinicHost.StartAsync(ClinicKitWorld.PublishedParties(TimeProvider.System), ClinicDefects.None, parse.GetValue(listen)!);
            var url = clinic.Url.ToString().TrimEnd('/');
            return await ServeUntilStoppedAsync($"reference clinic {ClinicKitWorld.ClinicId}, driver endpoint {url}/checks", $"chukei conformance clinic --driver-url {url}", ct);
        });
        return command;
    }

    private static async Task<int> ServeUntilStoppedAsync(string what, string suiteCommand, CancellationToken ct)
    {
        Console.WriteLine($"chukei: {what}");
        Console.WriteLine($"chukei: in another terminal: {suiteCommand}");
        Console.WriteLine("chukei: press Ctrl+C to stop");
        using var stop = new StopSignals(ct);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("chukei: stopped");
        }
        return ExitCodes.Ok;
    }
}

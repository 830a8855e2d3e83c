using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Chukei.Contracts;
using Chukei.Relay;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Network;

/// <summary>
/// Sits under every HTTP client of the simulated network and applies the scenario's faults to requests bound for a
/// faulty party's endpoint, by the virtual clock. It never sleeps: a delay moves the virtual clock, and a delay the
/// caller would not wait for (the relay's target timeout or longer) becomes a timeout. Probabilities are drawn from a
/// generator seeded per fault by the scenario's seed, and the network's requests are sequential, so a run repeats.
/// </summary>
internal sealed class FaultInjectingHandler : DelegatingHandler
{
    private sealed record ActiveFault(FaultSpec Spec, DateTimeOffset From, DateTimeOffset To, TimeSpan Delay, Random Draws);

    private readonly List<ActiveFault> _faults;
    private readonly TimeProvider _time;
    private readonly List<(string Party, string BaseUrl)> _endpoints = [];
    private readonly Lock _gate = new();

    public FaultInjectingHandler(Scenario scenario, TimeProvider time) : base(new HttpClientHandler())
    {
        _time = time;
        _faults = scenario.Faults.Select((f, index) => new ActiveFault(
            f,
            ScenarioValidator.ParseInstant(f.From)!.Value,
            ScenarioValidator.ParseInstant(f.To)!.Value,
            f.Delay is null ? TimeSpan.Zero : ScenarioValidator.ParseDuration(f.Delay)!.Value,
            new Random(SeedOf(scenario.Seed, index)))).ToList();
    }

    /// <summary>Tells the handler where a party listens, once its host has started.</summary>
    public void Bind(string partyId, string baseUrl)
    {
        if (_faults.Any(f => f.Spec.Party == partyId)) _endpoints.Add((partyId, baseUrl.TrimEnd('/') + "/"));
    }

    /// <summary>Where a line goes each time a fault hits: the running step's printout.</summary>
    public List<string>? Sink { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Hit(request) is not { } fault) return await base.SendAsync(request, cancellationToken);
        var now = _time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset);
        var path = request.RequestUri!.AbsolutePath;
        switch (fault.Spec.Kind)
        {
            case "down":
                Record($"⚡ {now:yyyy-MM-dd HH:mm:ss} fault: {fault.Spec.Party} is down; {request.Method} {path} refused");
                throw new HttpRequestException($"{fault.Spec.Party} refused the connection (seeded fault: down)");
            case "error":
                Record($"⚡ {now:yyyy-MM-dd HH:mm:ss} fault: {fault.Spec.Party} answers {request.Method} {path} with HTTP {fault.Spec.Status.ToString(CultureInfo.InvariantCulture)}");
                return new HttpResponseMessage((HttpStatusCode)fault.Spec.Status) { RequestMessage = request, Content = new StringContent("") };
            default:
                if (fault.Delay >= RelayNode.TargetTimeout)
                {
                    Record($"⚡ {now:yyyy-MM-dd HH:mm:ss} fault: {fault.Spec.Party} takes {fault.Spec.Delay} to answer {request.Method} {path}; the caller gives up after {RelayNode.TargetTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
                    Advance(RelayNode.TargetTimeout);
                    throw new TaskCanceledException($"{fault.Spec.Party} did not answer in time (seeded fault: delay {fault.Spec.Delay})", new TimeoutException());
                }
                Record($"⚡ {now:yyyy-MM-dd HH:mm:ss} fault: {fault.Spec.Party} takes {fault.Spec.Delay} to answer {request.Method} {path}");
                // The request reaches the party after the delay, so the party sees the later instant.
                Advance(fault.Delay);
                return await base.SendAsync(request, cancellationToken);
        }
    }

    private ActiveFault? Hit(HttpRequestMessage request)
    {
        if (_endpoints.Count == 0) return null;
        var url = request.RequestUri!.AbsoluteUri;
        var party = _endpoints.FirstOrDefault(e => url.StartsWith(e.BaseUrl, StringComparison.Ordinal)).Party;
        if (party is null) return null;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var f in _faults)
            {
                if (f.Spec.Party != party || now < f.From || now >= f.To) continue;
                // One draw per request in the interval, in request order: the same run draws the same numbers.
                if (f.Spec.Probability >= 1 || f.Draws.NextDouble() < f.Spec.Probability) return f;
            }
        }
        return null;
    }

    private void Advance(TimeSpan by)
    {
        if (_time is FakeTimeProvider fake) fake.Advance(by);
    }

    private void Record(string line)
    {
        lock (_gate) Sink?.Add(line);
    }

    private static int SeedOf(string seed, int index) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/fault/{index.ToString(CultureInfo.InvariantCulture)}")), 0);
}

using System.Text.Json;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Insurers;
using Chukei.Insurers.Records;
using Chukei.Insurers.Requester;
using Chukei.Relay;
using Chukei.Relay.Store;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;
using Microsoft.AspNetCore.Builder;

namespace Chukei.Scenarios.Network;

/// <summary>
/// The relay and the scenario's insurers, started on loopback from a scenario, sharing one clock and one directory.
/// The portal party exists only to read access logs for step ⑥.
/// </summary>
public sealed class SimulatedNetwork : IAsyncDisposable
{
    public const string PortalId = "portal.chukei.test";

    /// <summary>The kit's clinic: a step names it as <c>requester: clinic</c>.</summary>
    public const string ClinicHandle = "clinic";

    public const string ClinicId = "clinic.chukei.test";

    /// <summary>The step action of the reception check with the IC card (protocol §13.5).</summary>
    public const string CardCheckAction = "card-check";

    private readonly List<WebApplication> _hosts = [];
    private readonly HttpClient _http;

    private SimulatedNetwork(Scenario scenario, TimeProvider time, PartyDirectory directory, RelayNode relay, FaultInjectingHandler? faults)
    {
        Faults = faults;
        _http = faults is null ? new HttpClient() : new HttpClient(faults, disposeHandler: false);
        _http.Timeout = TimeSpan.FromSeconds(30);
        Scenario = scenario;
        Time = time;
        Directory = directory;
        Relay = relay;
    }

    public Scenario Scenario { get; }
    public TimeProvider Time { get; }
    public PartyDirectory Directory { get; }
    public RelayNode Relay { get; }
    public string RelayUrl { get; private set; } = "";
    public string InsurerHostUrl { get; private set; } = "";
    public Dictionary<string, InsurerNode> Insurers { get; } = new(StringComparer.Ordinal);

    /// <summary>Scenario person handle → relay person id.</summary>
    public Dictionary<string, string> PersonIds { get; } = new(StringComparer.Ordinal);

    public PartyContext Portal { get; private set; } = null!;

    /// <summary>The kit's clinic reception with the IC card, set up only when a step is a <c>card-check</c>.</summary>
    public ReceptionDesk? Reception { get; private set; }

    /// <summary>The kit's clinic, started only when a step requests as <see cref="ClinicHandle"/>.</summary>
    public PartyContext? Clinic { get; private set; }
    public Action<RecordedExchange>? Exchanges { get; set; }

    /// <summary>The scenario's seeded faults, under every client of the network; null when it seeds none.</summary>
    internal FaultInjectingHandler? Faults { get; }

    public static async Task<SimulatedNetwork> StartAsync(Scenario scenario, TimeProvider time, NetworkOptions? options = null, CancellationToken ct = default)
    {
        options ??= new NetworkOptions();
        // Generating and validating a population leaves hundreds of megabytes of temporaries (households, rule
        // state); give them back before the relay's store and the insurers' books grow, or the peak holds both.
        if (scenario.Population is not null) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var directory = new PartyDirectory(scenario.Relay.Id);
        var relayKeys = options.Keys?.GetValueOrDefault(scenario.Relay.Id) ?? PartyKeySet.FromSeed(scenario.Seed, scenario.Relay.Id);
        var store = options.StorePath is null ? SqliteRelayStore.InMemory()
            : options.ScratchStore ? SqliteRelayStore.OpenScratch(options.StorePath) : SqliteRelayStore.OpenFile(options.StorePath);
        var faults = scenario.Faults.Count == 0 ? null : new FaultInjectingHandler(scenario, time);
        var http = faults is null ? new HttpClient() : new HttpClient(faults, disposeHandler: false);
        http.Timeout = RelayNode.TargetTimeout;
        var relay = new RelayNode(new PartyContext(scenario.Relay.Id, relayKeys, directory, time, Ids(options, scenario.Seed, scenario.Relay.Id)), store, http)
        {
            Defects = options.RelayDefects,
        };
        var network = new SimulatedNetwork(scenario, time, directory, relay, faults);
        try
        {
            await network.StartPartiesAsync(options, ct);
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
        return network;
    }

    private async Task StartPartiesAsync(NetworkOptions options, CancellationToken ct)
    {
        var relayApp = await RelayHost.StartAsync(Relay, options.RelayUrl, ct);
        _hosts.Add(relayApp);
        RelayUrl = relayApp.BoundUrl();
        Directory.Upsert(new PartyDescriptor { Id = Relay.Self.PartyId, Role = PartyRole.Relay, Name = Scenario.Relay.Name, BaseUrl = RelayUrl, Keys = Relay.Self.Keys.PublicKeys() });

        foreach (var spec in Scenario.Insurers.Where(i => i.External is null))
        {
            var keys = options.Keys?.GetValueOrDefault(spec.Id) ?? PartyKeySet.FromSeed(Scenario.Seed, spec.Id);
            var self = new PartyContext(spec.Id, keys, Directory, Time, Ids(options, Scenario.Seed, spec.Id));
            var client = NewClient(self);
            Insurers[spec.Id] = new InsurerNode(self, spec.Name, spec.Number, RoleOf(spec), client);
        }
        var insurerApp = await InsurerHost.StartAsync(Insurers, options.InsurerUrl, ct);
        _hosts.Add(insurerApp);
        InsurerHostUrl = insurerApp.BoundUrl();
        foreach (var spec in Scenario.Insurers.Where(i => i.External is null)) Faults?.Bind(spec.Id, InsurerHost.BaseUrlOf(InsurerHostUrl, spec.Id));
        foreach (var spec in Scenario.Insurers)
        {
            Directory.Upsert(new PartyDescriptor
            {
                Id = spec.Id,
                Role = RoleOf(spec),
                Name = spec.Name,
                InsurerNumber = spec.Number,
                BaseUrl = spec.External?.BaseUrl ?? InsurerHost.BaseUrlOf(InsurerHostUrl, spec.Id),
                Keys = spec.External is { } ext ? LoadJwks(ext.Jwks, options.ScenarioDirectory) : Insurers[spec.Id].Self.Keys.PublicKeys(),
            });
        }
        var portalKeys = PartyKeySet.FromSeed(Scenario.Seed, PortalId);
        Portal = new PartyContext(PortalId, portalKeys, Directory, Time, Ids(options, Scenario.Seed, PortalId));
        Directory.Upsert(new PartyDescriptor { Id = PortalId, Role = PartyRole.Portal, Name = "My Page portal (kit)", Keys = portalKeys.PublicKeys() });
        if (Scenario.Steps.Any(s => s.Requester == ClinicHandle || s.Action == CardCheckAction))
        {
            var clinicKeys = PartyKeySet.FromSeed(Scenario.Seed, ClinicId);
            Clinic = new PartyContext(ClinicId, clinicKeys, Directory, Time, Ids(options, Scenario.Seed, ClinicId));
            Directory.Upsert(new PartyDescriptor { Id = ClinicId, Role = PartyRole.Clinic, Name = "Clinic reception (kit)", Keys = clinicKeys.PublicKeys() });
            // Its own id source: the reception desk signs with the same keys as the routed clinic, never the same jti.
            if (Scenario.Steps.Any(s => s.Action == CardCheckAction)) Reception = new ReceptionDesk(this, _http, Ids(options, Scenario.Seed, ClinicId + "/reception"));
        }
        Provision();
    }

    /// <summary>Loads the starting state: people at the relay, enrolments at the relay and the insurers, benefits.</summary>
    private void Provision()
    {
        var start = Time.GetUtcNow();
        var insurers = Scenario.Insurers.ToDictionary(i => i.Id, StringComparer.Ordinal);
        PersonIds.EnsureCapacity(Scenario.People.Count);
        // A persistent store already provisioned by an earlier run keeps its state; only the insurers' books are rebuilt.
        var relayProvisioned = Scenario.People.Count > 0 && Relay.Store.PersonExists(Chukei.Relay.PersonIds.FromSeed(Scenario.Seed, 0));
        // One transaction for everyone: a generated population is millions of rows.
        Relay.Store.Bulk(() =>
        {
            var ids = new string[Scenario.People.Count];
            for (var index = 0; index < ids.Length; index++)
            {
                ids[index] = Chukei.Relay.PersonIds.FromSeed(Scenario.Seed, index);
                PersonIds[Scenario.People[index].Id] = ids[index];
            }
            if (!relayProvisioned)
            {
                // In the order of the tables' keys: appending to a B-tree is far cheaper than inserting at random.
                var byId = Enumerable.Range(0, ids.Length).ToArray();
                Array.Sort(ids.ToArray(), byId, StringComparer.Ordinal);
                foreach (var index in byId)
                {
                    var p = Scenario.People[index];
                    Relay.RegisterPerson(p.BasicPensionNumber, ids[index]);
                    if (p.Residence is not null) Relay.Store.SetResidence(ids[index], p.Residence);
                }
            }
            for (var index = 0; index < ids.Length; index++)
            {
                var p = Scenario.People[index];
                var personId = ids[index];
                for (var n = 0; n < p.Enrolments.Count; n++)
                {
                    var e = p.Enrolments[n];
                    var insurer = insurers[e.Insurer];
                    if (Insurers.TryGetValue(e.Insurer, out var node))
                        node.Book.Add(Running.Facts.FromEnrolment(Scenario, p, e, n, start, insurer));
                    if (e.AtRelay && !relayProvisioned)
                    {
                        Relay.Store.AddEnrolment(new RelayEnrolment
                        {
                            PersonId = personId, Kind = insurer.Kind == "ltc" ? InsuranceKind.Ltc : InsuranceKind.Medical, InsurerNumber = insurer.Number,
                            PartyId = insurer.Id, Symbol = e.Symbol, Number = e.Number, Branch = e.Branch,
                            EffectiveFrom = ScenarioValidator.ParseDate(e.From)!.Value, EffectiveTo = ScenarioValidator.ParseDate(e.To), RegisteredAt = start,
                        });
                    }
                }
                foreach (var b in p.Benefits ?? [])
                {
                    if (Insurers.TryGetValue(b.Insurer, out var node))
                        node.Book.AddBenefit(p.BasicPensionNumber, new BenefitRecord { Month = b.Month, Kind = b.Kind, SelfPay = b.SelfPay, Reimbursed = b.Reimbursed });
                }
            }
        });
    }

    /// <summary>
    /// The insurer-book id of a person's starting enrolment: a record with it is a new version of that qualification
    /// (e.g. a loss registered outside the timeline).
    /// </summary>
    public static string QualificationIdOf(int enrolmentIndex) => Running.Facts.QualificationId(enrolmentIndex);

    public PartyClient NewClient(PartyContext self)
    {
        var client = new PartyClient(_http, self.Signer, self.Verifier, Directory);
        client.Exchanges = e => Exchanges?.Invoke(e);
        return client;
    }

    public RequesterClient RequesterFor(string insurerId)
    {
        if (insurerId == ClinicHandle && Clinic is { } clinic) return new RequesterClient(NewClient(clinic), clinic.Verifier, Directory.RelayId);
        var node = Insurers[insurerId];
        return new RequesterClient(node.Client, node.Self.Verifier, Directory.RelayId);
    }

    /// <summary>Seeded ids make a run repeat byte for byte; a long-lived network on the real clock needs random ones.</summary>
    private static IdSource Ids(NetworkOptions options, string seed, string partyId) =>
        options.DeterministicIds ? IdSource.Seeded($"{seed}/{partyId}") : IdSource.Random;

    public static PartyRole RoleOf(InsurerSpec spec) => spec.Kind == "ltc" ? PartyRole.LtcInsurer : PartyRole.MedicalInsurer;

    private static List<PublicJwk> LoadJwks(string pathOrJson, string? baseDirectory)
    {
        var json = pathOrJson.TrimStart().StartsWith('{') ? pathOrJson : File.ReadAllText(Path.Combine(baseDirectory ?? ".", pathOrJson));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("keys").Deserialize<List<PublicJwk>>(ProtocolJson.Options) ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
        Relay.Http.Dispose();
        Relay.Dispose();
        _http.Dispose();
        Reception?.Dispose();
        Faults?.Dispose();
    }
}

/// <summary>Where the network listens and stores; loopback with OS-chosen ports and an in-memory store by default.</summary>
public sealed record NetworkOptions
{
    public string? RelayUrl { get; init; }
    public string? InsurerUrl { get; init; }
    public string? StorePath { get; init; }

    /// <summary>The store at <see cref="StorePath"/> is deleted after the run: trade durability for speed and memory.</summary>
    public bool ScratchStore { get; init; }
    public string? ScenarioDirectory { get; init; }

    /// <summary>
    /// Derive jti and entry ids from the seed (the default, for repeatable runs). Turn off for a network that outlives
    /// one run (<c>serve</c> with a persistent store), where repeated ids would look like replays.
    /// </summary>
    public bool DeterministicIds { get; init; } = true;

    /// <summary>Keys to use instead of the seed-derived ones, by party id (e.g. the published test-vector keys).</summary>
    public IReadOnlyDictionary<string, PartyKeySet>? Keys { get; init; }

    /// <summary>For mutation tests only: the defects the relay runs with (<see cref="RelayDefects.None"/> otherwise).</summary>
    public RelayDefects RelayDefects { get; init; } = RelayDefects.None;
}

using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Insurers.Records;

namespace Chukei.Insurers;

/// <summary>
/// One mock insurer: identity, records, its own access log, and the client it reports to the relay with.
/// Entries are recorded locally first; reporting retries until the relay acknowledges (LOG-008, LOG-010).
/// </summary>
public sealed class InsurerNode
{
    private readonly Lock _gate = new();
    private readonly List<InsurerAccessRecord> _log = [];
    private readonly Queue<InsurerAccessRecord> _outbox = new();

    public InsurerNode(PartyContext self, string name, string insurerNumber, PartyRole role, PartyClient client)
    {
        Self = self;
        Name = name;
        InsurerNumber = insurerNumber;
        Role = role;
        Client = client;
        Reporter = ReportOverHttpAsync;
    }

    /// <summary>How reports reach the relay; HTTP by default, replaceable where the relay is in the same process (benchmarks).</summary>
    public Func<AccessLogReport, CancellationToken, Task<bool>> Reporter { get; set; }

    public PartyContext Self { get; }
    public string Name { get; }
    public string InsurerNumber { get; }
    public PartyRole Role { get; }
    public InsurerBook Book { get; } = new();

    /// <summary>Fall-through notices from the relay (municipal NHI insurers receive them).</summary>
    public Notices.FallThroughInbox FallThroughInbox { get; } = new();
    public PartyClient Client { get; }

    /// <summary>The valid answers this insurer gave, watched for retroactive changes (ELG-014).</summary>
    public Notices.ValidAnswerLedger ValidAnswers { get; } = new();

    /// <summary>Re-checks the watched answers against the records as now registered and notifies stale ones (ELG-015, ELG-017).</summary>
    public Task<IReadOnlyList<Notices.RetroactiveNotifier.Outcome>> NotifyRetroactiveChangesAsync(CancellationToken ct = default) =>
        ValidAnswers.HasOpen ? new Notices.RetroactiveNotifier(this).RunAsync(ct) : Task.FromResult<IReadOnlyList<Notices.RetroactiveNotifier.Outcome>>([]);

    /// <summary>For mutation testing only: the defects of a deliberately broken mutant; <see cref="InsurerDefects.None"/> otherwise.</summary>
    public InsurerDefects Defects { get; init; } = InsurerDefects.None;

    /// <summary>Everything this insurer recorded, in order.</summary>
    public IReadOnlyList<InsurerAccessRecord> AccessLog
    {
        get { lock (_gate) return _log.ToList(); }
    }

    private async Task<bool> ReportOverHttpAsync(AccessLogReport report, CancellationToken ct)
    {
        try
        {
            var response = await Client.PostAsync<AccessLogReport, AccessLogReportAnswer>(Self.Directory.RelayId, "/v1/access-log/reports", report, ct);
            return response.IsSuccess;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public int UnreportedCount
    {
        get { lock (_gate) return _outbox.Count; }
    }

    public void Record(InsurerAccessRecord record)
    {
        lock (_gate)
        {
            _log.Add(record);
            _outbox.Enqueue(record);
        }
    }

    /// <summary>Sends every unreported entry to the relay; entries stay queued if the relay does not acknowledge.</summary>
    public async Task FlushReportsAsync(CancellationToken ct = default)
    {
        InsurerAccessRecord[] batch;
        lock (_gate) batch = _outbox.ToArray();
        if (batch.Length == 0) return;
        if (!await Reporter(new AccessLogReport { Entries = batch }, ct)) return;
        lock (_gate)
        {
            for (var i = 0; i < batch.Length && _outbox.Count > 0; i++) _outbox.Dequeue();
        }
    }
}

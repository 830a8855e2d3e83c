using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Relay.AccessLog;
using Chukei.Relay.Store;

namespace Chukei.Relay.FallThrough;

/// <summary>
/// Finds residents who have had no medical insurance for longer than the grace period and tells their municipality's
/// NHI (RLY-050 … RLY-053): the link between employee insurance and National Health Insurance the report proposes.
/// Detection works from what the relay has registered, like every relay answer; a gap is notified once.
/// The first run looks at everyone whose medical insurance ever ended; later runs of the same detector only at people
/// whose gap reached the grace period since the previous run or whose loss was registered since then (plus notices
/// that could not be delivered), so a daily run costs what changed, not the whole population.
/// </summary>
public sealed class FallThroughDetector(RelayNode relay, TimeSpan grace)
{
    /// <summary>The items a notice discloses to the municipality.</summary>
    public static readonly IReadOnlyList<string> NoticeItems = ["basic-pension-number", "uninsured-since", "last-insurer"];

    public const string Purpose = "fall-through-detection";

    public const string Notified = "notified";

    public sealed record Outcome(string PersonId, string NhiPartyId, DateOnly UninsuredSince, string Result);

    private DateOnly? _lastCutoff;
    private DateTimeOffset? _lastRunAt;
    private readonly SortedSet<string> _undelivered = new(StringComparer.Ordinal);

    /// <summary>Runs one detection pass as of the relay's today and sends the notices it finds.</summary>
    public async Task<IReadOnlyList<Outcome>> RunAsync(CancellationToken ct = default)
    {
        var today = relay.Self.Today;
        var runAt = relay.Self.Time.GetUtcNow();
        // A gap that began on or before the cutoff has lasted the grace period today.
        var cutoff = today.AddDays(-(int)grace.TotalDays);
        var candidates = new SortedSet<string>(relay.Store.MedicalEndingsBetween(cutoff, _lastCutoff, _lastRunAt), StringComparer.Ordinal);
        candidates.UnionWith(_undelivered);
        _undelivered.Clear();
        (_lastCutoff, _lastRunAt) = (cutoff, runAt);
        var outcomes = new List<Outcome>();
        foreach (var personId in candidates)
        {
            if (relay.Store.ResidenceOf(personId) is not { } nhiParty) continue;
            var medical = relay.Store.EnrolmentsOf(personId).Where(e => e.Kind == InsuranceKind.Medical).ToList();
            // RLY-050: insured once, nothing current, and the gap has lasted at least the grace period.
            if (medical.Count == 0 || medical.Any(e => e.CoversDate(today))) continue;
            var last = medical.Where(e => e.EffectiveTo is not null).MaxBy(e => e.EffectiveTo);
            if (last?.EffectiveTo is not { } since || today < since.AddDays((int)grace.TotalDays)) continue;
            if (!relay.Store.TryRecordFallThroughNotice(personId, since, relay.Self.Time.GetUtcNow())) continue;
            var result = await NotifyAsync(personId, nhiParty, since, last.InsurerNumber, ct);
            if (result != Notified)
            {
                relay.Store.ForgetFallThroughNotice(personId, since);
                _undelivered.Add(personId);
            }
            outcomes.Add(new Outcome(personId, nhiParty, since, result));
        }
        return outcomes;
    }

    private async Task<string> NotifyAsync(string personId, string nhiParty, DateOnly since, string lastInsurer, CancellationToken ct)
    {
        // LOG-030: disclosing who is uninsured is an access to the person's data, logged before it leaves.
        var entry = relay.Log.Append(new AccessLogChain.Draft(relay.Self.PartyId, AccessAction.FallThroughNotice, relay.Self.PartyId, nhiParty,
            personId, NoticeItems, Purpose, AccessOutcome.Answered, null, $"fall-through/{since:yyyy-MM-dd}"));
        var notice = new FallThroughNotice
        {
            NoticeId = relay.Self.Ids.Next(),
            BasicPensionNumber = relay.Store.BasicPensionNumberOf(personId)!,
            UninsuredSince = since,
            LastInsurerNumber = lastInsurer,
            DetectedAt = relay.Self.Time.GetUtcNow(),
            LogEntryId = entry.EntryId,
        };
        try
        {
            var response = await relay.Client.PostAsync<FallThroughNotice, FallThroughNoticeAnswer>(nhiParty, "/v1/fall-through-notices", notice, ct);
            return response.IsSuccess ? Notified : $"refused {response.Problem?.Code}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return "not delivered: " + ex.GetType().Name;
        }
    }
}

using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Relay.AccessLog;
using Chukei.Relay.Store;

namespace Chukei.Relay.FallThrough;

/// <summary>
/// Finds residents who have had no medical insurance for longer than the grace period and tells their municipality's
/// NHI (RLY-050 … RLY-053): the link between employee insurance and National Health Insurance the report proposes.
/// Detection works from what the relay has registered, like every relay answer; a gap is notified once.
/// </summary>
public sealed class FallThroughDetector(RelayNode relay, TimeSpan grace)
{
    /// <summary>The items a notice discloses to the municipality.</summary>
    public static readonly IReadOnlyList<string> NoticeItems = ["basic-pension-number", "uninsured-since", "last-insurer"];

    public const string Purpose = "fall-through-detection";

    public const string Notified = "notified";

    public sealed record Outcome(string PersonId, string NhiPartyId, DateOnly UninsuredSince, string Result);

    /// <summary>Runs one detection pass as of the relay's today and sends the notices it finds.</summary>
    public async Task<IReadOnlyList<Outcome>> RunAsync(CancellationToken ct = default)
    {
        var today = relay.Self.Today;
        var outcomes = new List<Outcome>();
        foreach (var (personId, nhiParty) in relay.Store.Residents())
        {
            var medical = relay.Store.EnrolmentsOf(personId).Where(e => e.Kind == InsuranceKind.Medical).ToList();
            // RLY-050: insured once, nothing current, and the gap has lasted at least the grace period.
            if (medical.Count == 0 || medical.Any(e => e.CoversDate(today))) continue;
            var last = medical.Where(e => e.EffectiveTo is not null).MaxBy(e => e.EffectiveTo);
            if (last?.EffectiveTo is not { } since || today < since.AddDays((int)grace.TotalDays)) continue;
            if (!relay.Store.TryRecordFallThroughNotice(personId, since, relay.Self.Time.GetUtcNow())) continue;
            var result = await NotifyAsync(personId, nhiParty, since, last.InsurerNumber, ct);
            if (result != Notified) relay.Store.ForgetFallThroughNotice(personId, since);
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

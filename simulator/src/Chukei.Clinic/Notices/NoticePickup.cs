using Chukei.Clinic.Reception;
using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;

namespace Chukei.Clinic.Notices;

/// <summary>
/// The clinic's pickup of its retroactive-change notices (ELG-020, ELG-021): picks up what the relay holds for it,
/// stores each notice against its reception record, and acknowledges only what it has stored, in a second call.
/// </summary>
public sealed class NoticePickup(ClinicIdentity clinic, PartyClient client, ReceptionRecords records)
{
    public const string Path = "/v1/retroactive-change-notices/pickups";

    /// <summary>One pickup; the notices the clinic holds afterwards. Throws <see cref="HttpRequestException"/> when the relay cannot be reached.</summary>
    public async Task<IReadOnlyList<Contracts.ClinicDriver.ClinicHeldNotice>> PickUpAsync(CancellationToken ct = default)
    {
        IReadOnlyList<DeliveredRetroactiveNotice> picked;
        try
        {
            picked = await PostAsync([], ct);
        }
        catch (Contracts.Problems.ProtocolException)
        {
            // AUTH-014: an answer that did not verify is not used; the clinic holds what it held, and the relay delivers
            // the unacknowledged notices again at the next pickup.
            return records.Held;
        }
        var stored = new List<string>();
        foreach (var delivered in picked)
        {
            records.Store(delivered);
            // Stored, or one the clinic already holds or has no record for: either way nothing is lost by acknowledging it now.
            stored.Add(delivered.LogEntryId);
        }
        if (stored.Count > 0) await PostAsync(stored, ct);
        return records.Held;
    }

    private async Task<IReadOnlyList<DeliveredRetroactiveNotice>> PostAsync(List<string> acknowledge, CancellationToken ct)
    {
        var response = await client.PostAsync<RetroactiveNoticePickup, RetroactiveNoticePickupAnswer>(clinic.Directory.RelayId, Path,
            new RetroactiveNoticePickup { Acknowledge = acknowledge, CorrelationId = "pickup-" + clinic.Ids.Next()[..24] }, ct);
        return response.IsSuccess ? response.Answer!.Notices : throw new HttpRequestException($"the relay refused the pickup: {response.Status} {response.Problem?.Code}");
    }
}

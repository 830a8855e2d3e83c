using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;

namespace Chukei.Scenarios.Running;

/// <summary>
/// The <c>retroactive-notices</c> action: the requester picks up the retroactive-change notices the relay holds for it,
/// stores them (once each, by the relay's entry id) and acknowledges them, as ELG-020 and ELG-021 ask of a requester;
/// expectations look at what it has received so far.
/// </summary>
internal sealed class RetroactiveNoticeSteps(SimulatedNetwork network)
{
    public const string PickupPath = "/v1/retroactive-change-notices/pickups";

    // What each requester has stored, in the order received.
    private readonly Dictionary<string, List<DeliveredRetroactiveNotice>> _received = new(StringComparer.Ordinal);

    public async Task PickupAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var requester = step.Requester!;
        var client = requester == SimulatedNetwork.ClinicHandle ? network.NewClient(network.Clinic!) : network.Insurers[requester].Client;
        if (!_received.TryGetValue(requester, out var stored)) _received[requester] = stored = [];

        // Pick up; store what is new; acknowledge what was stored (a second call, as a requester would on its next pickup).
        var picked = await PostAsync(client, [], step, ct);
        if (picked is null) { r.Error = "the relay refused the pickup"; return; }
        var fresh = picked.Notices.Where(n => stored.All(s => s.LogEntryId != n.LogEntryId)).ToList();
        stored.AddRange(fresh);
        if (picked.Notices.Count > 0)
        {
            var after = await PostAsync(client, picked.Notices.Select(n => n.LogEntryId).ToList(), step, ct);
            if (after is null) { r.Error = "the relay refused the acknowledgement"; return; }
        }
        r.Lines.Add($"{requester} → relay: picked up {picked.Notices.Count} retroactive-change notice(s), {fresh.Count} new{(picked.Notices.Count > 0 ? ", stored and acknowledged" : "")}; {stored.Count} received in all");
        foreach (var n in fresh) r.Lines.Add(RetroactiveNoticeText.Received(network.Scenario.Id, n));

        var x = step.Expect;
        var about = step.About is null ? stored : stored.Where(n => RetroactiveNoticeText.StepOf(network.Scenario.Id, n.Notice.CorrelationId) == step.About).ToList();
        if (x?.Notices is { } count) r.Expectations.Add(new("notices", count.ToString(null, null), about.Count.ToString(null, null)));
        if (step.About is null) return;
        var notice = about.LastOrDefault();
        if (x?.Status is { } status) r.Expectations.Add(new("status", status, notice is null ? "(no notice)" : Wire.Name(notice.Notice.Status)));
        if (x?.LossDate is { } loss) r.Expectations.Add(new("lossDate", loss, notice?.Notice.DisqualificationDate?.ToString("yyyy-MM-dd", null) ?? "(none)"));
        if (x?.Logged is { } logged) r.Expectations.Add(new("logged (notice in the person's access log)", ScenarioRunner.Bool(logged), ScenarioRunner.Bool(await LoggedAsync(step, notice, r, ct))));
    }

    private async Task<RetroactiveNoticePickupAnswer?> PostAsync(PartyClient client, List<string> acknowledge, StepSpec step, CancellationToken ct)
    {
        var response = await client.PostAsync<RetroactiveNoticePickup, RetroactiveNoticePickupAnswer>(network.Directory.RelayId, PickupPath,
            new RetroactiveNoticePickup { Acknowledge = acknowledge, CorrelationId = $"{network.Scenario.Id}/{step.Id}" }, ct);
        return response.IsSuccess ? response.Answer : null;
    }

    /// <summary>The person asked about in <c>about</c>'s step reads their history in the portal: is the notice there (LOG-031)?</summary>
    private async Task<bool> LoggedAsync(StepSpec step, DeliveredRetroactiveNotice? notice, StepResult r, CancellationToken ct)
    {
        if (notice is null) return false;
        var person = network.Scenario.Steps.Last(s => s.Id == step.About).Person!;
        var portal = network.NewClient(network.Portal);
        var log = await portal.PostAsync<PersonAccessLogQuery, PersonAccessLogAnswer>(network.Directory.RelayId, "/v1/access-log/person-queries",
            new PersonAccessLogQuery { PersonId = network.PersonIds[person] }, ct);
        var entry = log.Answer?.Entries.FirstOrDefault(e => e.EntryId == notice.LogEntryId);
        if (entry is not null)
            r.Lines.Add($"⑥ portal → relay: {person}'s access history shows #{entry.Seq} {entry.RecordedBy}: {Wire.Name(entry.Action)} from {entry.Provider} to {entry.Requester} [{string.Join(",", entry.Items)}]");
        return entry is { Action: AccessAction.RetroactiveChangeNotice };
    }
}

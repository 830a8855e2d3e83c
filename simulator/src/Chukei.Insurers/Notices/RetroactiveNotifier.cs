using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;

namespace Chukei.Insurers.Notices;

/// <summary>
/// After a registration, re-answers each remembered <c>valid</c> answer for its service date from the records as now
/// registered (ELG-002, ELG-007); where it is no longer valid, tells the requester through the relay (ELG-015) with a
/// notice that refers to the answer and carries only the new status and the loss (ELG-016). A notice the relay did not
/// acknowledge stays open and is sent again, unchanged, at the next run (ELG-017).
/// </summary>
public sealed class RetroactiveNotifier(InsurerNode insurer)
{
    public const string Path = "/v1/retroactive-change-notices";

    /// <summary>What one run did for one answer, for the scenario's printout.</summary>
    public sealed record Outcome(ValidAnswerLedger.Watched Answer, RetroactiveChangeNotice Notice, string Result, string? LogEntryId);

    public async Task<IReadOnlyList<Outcome>> RunAsync(CancellationToken ct = default)
    {
        if (insurer.Defects.NeverNotifies) return [];
        var now = insurer.Self.Time.GetUtcNow();
        var outcomes = new List<Outcome>();
        foreach (var answer in insurer.ValidAnswers.Open)
        {
            if (answer.Notice is null)
            {
                var result = EligibilityEvaluator.Evaluate(insurer.Book, answer.Insured, answer.ServiceDate, now);
                if (result.Status == EligibilityStatus.Valid) continue;
                insurer.ValidAnswers.Attach(answer, new RetroactiveChangeNotice
                {
                    NoticeId = "N-" + insurer.Self.Ids.Next()[..16],
                    Requester = answer.Requester,
                    RelayLogEntryId = answer.RelayLogEntryId,
                    InsurerLogEntryId = answer.InsurerLogEntryId,
                    CorrelationId = answer.CorrelationId,
                    ServiceDate = answer.ServiceDate,
                    PreviousStatus = EligibilityStatus.Valid,
                    Status = result.Status,
                    DisqualificationDate = result.Fact?.DisqualificationDate,
                    ReasonOfLoss = result.Fact?.DisqualificationDate is null ? null : result.Fact.ReasonOfLoss,
                    RegisteredAt = result.Fact?.RegisteredAt ?? result.AsOf,
                });
            }
            var notice = answer.Notice!;
            var (delivered, text, entryId) = await SendAsync(notice, ct);
            if (delivered) insurer.ValidAnswers.MarkAcknowledged(answer);
            outcomes.Add(new Outcome(answer, notice, text, entryId));
        }
        return outcomes;
    }

    private async Task<(bool Delivered, string Text, string? LogEntryId)> SendAsync(RetroactiveChangeNotice notice, CancellationToken ct)
    {
        try
        {
            var response = await insurer.Client.PostAsync<RetroactiveChangeNotice, RetroactiveChangeNoticeAnswer>(insurer.Self.Directory.RelayId, Path, notice, ct);
            return response.IsSuccess
                ? (true, "accepted", response.Answer!.LogEntryId)
                : (false, $"refused {response.Problem?.Code ?? response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}", null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ProtocolException)
        {
            return (false, "not delivered: " + ex.GetType().Name, null);
        }
    }
}

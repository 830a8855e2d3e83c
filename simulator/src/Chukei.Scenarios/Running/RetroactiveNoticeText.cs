using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Notices;

namespace Chukei.Scenarios.Running;

/// <summary>How retroactive-change notices read in a run's output: which step's answer they correct, and how.</summary>
internal static class RetroactiveNoticeText
{
    /// <summary>The step whose answer a notice refers to: the kit's correlation ids are <c>scenario-id/step-id</c>.</summary>
    public static string? StepOf(string scenarioId, string correlationId) =>
        correlationId.StartsWith(scenarioId + "/", StringComparison.Ordinal) ? correlationId[(scenarioId.Length + 1)..] : null;

    public static string Sent(string scenarioId, string insurerId, RetroactiveNotifier.Outcome o) =>
        $"   ↩ {insurerId} → relay: retroactive-change notice to {o.Notice.Requester} about its answer for {o.Notice.ServiceDate:yyyy-MM-dd} "
        + $"({About(scenarioId, o.Notice)}): {Change(o.Notice)}; {o.Result}{(o.LogEntryId is null ? "" : $", relay entry {o.LogEntryId}")}";

    public static string Received(string scenarioId, DeliveredRetroactiveNotice d) =>
        $"   from {d.Provider} about the answer for {d.Notice.ServiceDate:yyyy-MM-dd} ({About(scenarioId, d.Notice)}): {Change(d.Notice)}, "
        + $"registered {d.Notice.RegisteredAt.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm}; relay entry {d.LogEntryId}";

    private static string About(string scenarioId, RetroactiveChangeNotice n) =>
        StepOf(scenarioId, n.CorrelationId) is { } step ? $"step {step}" : $"correlation {n.CorrelationId}";

    private static string Change(RetroactiveChangeNotice n) =>
        $"was {Wire.Name(n.PreviousStatus)}, now {Wire.Name(n.Status)}"
        + (n.DisqualificationDate is { } d ? $", lost since {d:yyyy-MM-dd}{(n.ReasonOfLoss is { } r ? $" (reason {r})" : "")}" : "");
}

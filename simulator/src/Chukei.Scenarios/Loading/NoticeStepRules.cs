using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Loading;

/// <summary>
/// The rules of a <c>retroactive-notices</c> step: the requester picks up the retroactive-change notices the relay holds
/// for it (docs/protocol.md §9.2.1), so it must be a party that can ask (one of the kit's insurers, or the kit's clinic);
/// expectations about one notice name, with <c>about</c>, the earlier step whose answer it corrects.
/// </summary>
internal static class NoticeStepRules
{
    public static void Validate(StepSpec step, Dictionary<string, InsurerSpec> insurers, IReadOnlyList<StepSpec> earlier, Action<ScenarioNode, string> error)
    {
        var clinic = step.Requester == Network.SimulatedNetwork.ClinicHandle;
        if (!clinic && (step.Requester is null || !insurers.TryGetValue(step.Requester, out var insurer) || insurer.External is not null))
            error(step, $"step '{step.Id}': 'requester' must name one of the kit's insurers, or clinic: the party whose notices are picked up");
        foreach (var (name, value) in new[] { ("person", step.Person), ("card", step.Card), ("target", step.Target), ("purpose", step.Purpose), ("serviceDate", step.ServiceDate), ("tamper", step.Tamper) })
        {
            if (value is not null) error(step, $"step '{step.Id}': '{name}' does not apply to retroactive-notices; the notice names the answer it corrects (use 'about')");
        }
        if (step.About is { } about)
        {
            var asked = earlier.LastOrDefault(s => s.Id == about);
            if (asked is null || asked.Action is not ("flow" or "routed"))
                error(step, $"step '{step.Id}': about '{about}' must name an earlier flow or routed step");
            else if (asked.Requester != step.Requester)
                error(step, $"step '{step.Id}': about '{about}' was asked by '{asked.Requester}', not '{step.Requester}'; a notice goes to the requester of the answer");
        }
        if (step.Expect is not { } x) return;
        if (step.About is null && (x.Status is not null || x.LossDate is not null || x.Logged is not null))
            error(x, $"step '{step.Id}': expect.status, expect.lossDate and expect.logged describe the notice about one answer; add 'about: <step id>'");
        if (x.Status == "valid") error(x, $"step '{step.Id}': expect.status of a retroactive-change notice is never valid (the notice says a valid answer no longer holds)");
        if (x.LossDate is not null && ScenarioValidator.ParseDate(x.LossDate) is null) error(x, $"expect.lossDate '{x.LossDate}' is not a date");
        foreach (var (name, set) in new[] { ("lookup", x.Lookup is not null), ("problem", x.Problem is not null), ("changePending", x.ChangePending is not null), ("copaymentRatio", x.CopaymentRatio is not null), ("ltcSecondaryInsured", x.LtcSecondaryInsured is not null),
                     ("benefits", x.Benefits is not null), ("entries", x.Entries is not null), ("unreconciled", x.Unreconciled is not null), ("chainValid", x.ChainValid is not null), ("enrolment", x.Enrolment is not null) })
        {
            if (set) error(x, $"step '{step.Id}': expect.{name} does not apply to retroactive-notices (use notices, status, lossDate, logged)");
        }
    }
}

using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Loading;

/// <summary>The rules a timeline must meet: known people and insurers, valid numbers, and no loss of what is not held.</summary>
internal static class TimelineRules
{
    public static void Validate(Scenario s, Dictionary<string, InsurerSpec> insurers, Dictionary<string, PersonSpec> people, Action<ScenarioNode, string> error)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        // Who holds an open qualification where, as the timeline plays out in date order.
        var held = new HashSet<(string, string)>();
        var involved = new HashSet<string>(s.Timeline.Select(e => e.Person), StringComparer.Ordinal);
        foreach (var p in s.People)
        {
            if (!involved.Contains(p.Id)) continue;
            foreach (var e in p.Enrolments.Where(e => e.To is null)) held.Add((p.Id, e.Insurer));
        }
        foreach (var ev in s.Timeline.OrderBy(e => e.At, StringComparer.Ordinal))
        {
            var where = $"timeline event '{ev.Id}'";
            if (string.IsNullOrWhiteSpace(ev.Id) || !ids.Add(ev.Id)) error(ev, $"{where}: id is missing or used twice");
            if (ScenarioValidator.ParseDate(ev.At) is not { } date) { error(ev, $"{where}: at '{ev.At}' must be a date (yyyy-MM-dd)"); continue; }
            if (!people.TryGetValue(ev.Person, out var person)) { error(ev, $"{where}: person '{ev.Person}' is not defined in people"); continue; }
            if (ev.Event is "died" or LifeEvents.AgeFortyReached) continue; // the registry's record of a death, or an age reached: no insurer
            if (!insurers.TryGetValue(ev.Insurer, out var insurer)) { error(ev, $"{where}: insurer '{ev.Insurer}' is not defined in insurers"); continue; }
            if (person.BirthDate is { } b && ScenarioValidator.ParseDate(b) is { } birth && date < birth) error(ev, $"{where}: {ev.At} is before {person.Id} was born ({b})");
            ScenarioValidator.ValidateLag(ev.Lag, where + ": lag", error);
            switch (ev.Event)
            {
                case "acquire":
                    if (held.Contains((person.Id, insurer.Id))) error(ev, $"{where}: {person.Id} already holds a qualification at {insurer.Id}; lose it first");
                    if (insurer.Kind == "ltc")
                    {
                        if (IdentifierRules.LtcInsuredNumber(ev.Number) is { } r) error(ev, $"{where}: LTC insured number {r}");
                    }
                    else
                    {
                        if (IdentifierRules.CardNumber(ev.Number) is { } r) error(ev, $"{where}: card number {r}");
                        if (IdentifierRules.BranchNumber(ev.Branch) is { } r2) error(ev, $"{where}: branch {r2}");
                        if (IdentifierRules.CardSymbol(ev.Symbol) is { } r3) error(ev, $"{where}: card symbol {r3}");
                    }
                    if (ev.CopaymentRatio is not (10 or 20 or 30)) error(ev, $"{where}: copaymentRatio must be 10, 20 or 30");
                    held.Add((person.Id, insurer.Id));
                    break;
                case "lose":
                    if (!held.Remove((person.Id, insurer.Id))) error(ev, $"{where}: {person.Id} holds no open qualification at {insurer.Id} on {ev.At}, so there is nothing to lose");
                    if (ev.ReasonOfLoss is not null && !LossReasons.All.Contains(ev.ReasonOfLoss)) error(ev, $"{where}: reasonOfLoss must be one of {string.Join(", ", LossReasons.All)}");
                    break;
                case "reside":
                    if (insurer.Kind != "nhi") error(ev, $"{where}: reside names the new municipality by its nhi insurer; {insurer.Id} is {insurer.Kind}");
                    break;
                default:
                    error(ev, $"{where}: event '{ev.Event}' must be acquire, lose or reside");
                    break;
            }
        }
    }
}

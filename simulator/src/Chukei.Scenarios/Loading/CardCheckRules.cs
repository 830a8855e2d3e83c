using System.Globalization;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;

namespace Chukei.Scenarios.Loading;

/// <summary>The lint rules of the card-check step and of a person's <c>icCard</c>, each reported where the value is.</summary>
internal static class CardCheckRules
{
    /// <summary>A card's authentication PIN has 3 tries (anchors-virtual-card §3.5).</summary>
    private const int MaxTries = 3;

    public static void ValidateCard(PersonSpec person, IcCardSpec card, Action<ScenarioNode, string> error)
    {
        if (card.Pin is not { Length: 4 } || !card.Pin.All(char.IsAsciiDigit))
            error(card, $"person '{person.Id}': icCard.pin must be 4 ASCII digits (the authentication PIN), not '{card.Pin}'");
        if (!ReceptionDesk.Certificates.Contains(card.Certificate))
            error(card, $"person '{person.Id}': icCard.certificate '{card.Certificate}' must be one of {string.Join(", ", ReceptionDesk.Certificates)}");
        if (card.PinTriesLeft is < 0 or > MaxTries)
            error(card, $"person '{person.Id}': icCard.pinTriesLeft {card.PinTriesLeft.ToString(CultureInfo.InvariantCulture)} must be 0 (blocked) to {MaxTries}");
        if (card.BlockedStatusWord is not ("6983" or "6984"))
            error(card, $"person '{person.Id}': icCard.blockedStatusWord '{card.BlockedStatusWord}' must be \"6984\" (as real cards answer) or \"6983\" (ISO 7816-4), quoted");
    }

    /// <summary>One of a card-check's card faults: known names, and only the members its kind uses.</summary>
    private static void ValidateFault(StepSpec step, CardFaultSpec f, Action<ScenarioNode, string> error)
    {
        var where = $"step '{step.Id}': card fault";
        if (!CardFaults.Kinds.ContainsKey(f.Kind)) error(f, $"{where} kind '{f.Kind}' must be one of {string.Join(", ", CardFaults.Kinds.Keys)}");
        if (f.Command is not null && !CardFaults.Commands.ContainsKey(f.Command)) error(f, $"{where} command '{f.Command}' must be one of {string.Join(", ", CardFaults.Commands.Keys)} (or left out for any command)");
        if (f.File is not null && !CardFaults.Files.ContainsKey(f.File)) error(f, $"{where} file '{f.File}' must be one of the JPKI files {string.Join(", ", CardFaults.Files.Keys)} (or left out for any file)");
        if (f.Occurrence < 0) error(f, $"{where} occurrence {f.Occurrence.ToString(CultureInfo.InvariantCulture)} must be 1 or more (the Nth matching command), or 0 for every one");
        if (f.Kind == "status-word" ? f.StatusWord is null || CardFaults.ParseStatusWord(f.StatusWord) is null : f.StatusWord is not null)
            error(f, f.Kind == "status-word" ? $"{where}: status-word needs statusWord, 4 hex digits such as \"6F00\" (quoted)" : $"{where}: statusWord applies to kind status-word only");
        if (f.Kind == "latency" ? f.Latency is null || ScenarioValidator.ParseDuration(f.Latency) is not { } d || d <= TimeSpan.Zero : f.Latency is not null)
            error(f, f.Kind == "latency" ? $"{where}: latency needs latency, a positive ISO 8601 duration such as PT3S" : $"{where}: latency applies to kind latency only");
        if (f.At is not null && (f.Kind != "corrupt-data" || f.At < 0))
            error(f, f.Kind == "corrupt-data" ? $"{where}: at {f.At!.Value.ToString(CultureInfo.InvariantCulture)} must be a data byte index, 0 or more" : $"{where}: at applies to kind corrupt-data only");
    }

    /// <summary>
    /// card-check: the kit's clinic at reception with the person's own IC card. It names nobody by a number (the card's
    /// certificate does), so requester, card, target, purpose, items and tamper do not apply.
    /// </summary>
    public static void ValidateStep(StepSpec step, Dictionary<string, PersonSpec> people, Action<ScenarioNode, string> error)
    {
        if (step.Person is null || !people.ContainsKey(step.Person)) error(step, $"step '{step.Id}': 'person' must name a person of the scenario (whose IC card is inserted)");
        if (step.Requester is not null || step.Card is not null || step.Target is not null || step.Purpose is not null || step.Items is not null || step.Tamper is not null)
            error(step, $"step '{step.Id}': a card-check is the kit's clinic reading the person's IC card; requester, card, target, purpose, items and tamper do not apply");
        if (step.ServiceDate is not null && ScenarioValidator.ParseDate(step.ServiceDate) is null) error(step, $"step '{step.Id}': serviceDate '{step.ServiceDate}' is not a date");
        foreach (var fault in step.CardFaults ?? []) ValidateFault(step, fault, error);
        if (step.Expect is not { } x) return;
        if (x.Conclusion is not null && !CardCheckStep.Conclusions.Contains(x.Conclusion))
            error(x, $"expect.conclusion '{x.Conclusion}' must be one of {string.Join(", ", CardCheckStep.Conclusions)}");
        if (x.PinTriesLeft is < 0 or > MaxTries) error(x, $"expect.pinTriesLeft {x.PinTriesLeft.Value.ToString(CultureInfo.InvariantCulture)} must be 0 to {MaxTries}");
        if (x.Status is not null && !ScenarioValidator.Statuses.Contains(x.Status)) error(x, $"expect.status must be one of {string.Join(", ", ScenarioValidator.Statuses)}");
        if (x.LossDate is not null && ScenarioValidator.ParseDate(x.LossDate) is null) error(x, $"expect.lossDate '{x.LossDate}' is not a date");
        if ((x.Lookup ?? x.Problem ?? x.Enrolment) is not null || (x.Entries ?? x.Unreconciled ?? x.Notices ?? x.Benefits) is not null || (x.ChainValid ?? x.Logged) is not null)
            error(x, $"step '{step.Id}': a card-check expects conclusion, reason, pinTriesLeft, status, changePending, copaymentRatio, lossDate or ltcSecondaryInsured");
    }
}

using System.Globalization;
using System.Xml;
using Chukei.Contracts;
using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Loading;

/// <summary>The semantic rules a scenario must meet beyond its YAML shape; every rule reports file:line:column.</summary>
public static class ScenarioValidator
{
    public static readonly IReadOnlyList<string> MedicalKinds = ["health-insurance-society", "national-association", "mutual-aid", "nhi", "late-elderly"];
    public static readonly IReadOnlyList<string> Actions = ["flow", "routed", "lookup", "card-check", "person-log", "verify-log", "enrolment", "advance", "fall-through-notices", "retroactive-notices"];
    public static readonly IReadOnlyList<string> Tampers = ["ciphertext", "tag", "replay"];
    public static readonly IReadOnlyList<string> LookupOutcomes = ["found", "not-found", "no-current-coverage", "multiple-matches"];
    public static readonly IReadOnlyList<string> FaultKinds = ["down", "error", "delay"];
    public static readonly IReadOnlyList<string> InvariantChecks = ["every-answered-inquiry-is-logged", "no-silent-fall-through", "log-chain-valid"];
    public static readonly IReadOnlyList<string> Statuses = ["valid", "invalid", "invalid-newer-qualification", "no-qualification", "multiple-matches"];

    public static IReadOnlyList<ScenarioDiagnostic> Validate(Scenario s, string file)
    {
        var d = new List<ScenarioDiagnostic>();
        void Error(ScenarioNode at, string message) => d.Add(new ScenarioDiagnostic(file, at.Line, at.Column, message));

        if (s.Chukei != 1) Error(s, $"'chukei: 1' is required (language version); found {s.Chukei}");
        if (string.IsNullOrWhiteSpace(s.Id)) Error(s, "'id' is required");
        if (string.IsNullOrWhiteSpace(s.Title)) Error(s, "'title' is required");
        if (ParseInstant(s.Clock.Start) is null) Error(s.Clock, $"clock.start '{s.Clock.Start}' is not an ISO 8601 instant (e.g. 2026-04-01T09:00:00+09:00)");
        if (IdentifierRules.PartyId(s.Relay.Id) is { } relayReason) Error(s.Relay, $"relay.id {relayReason}");

        if (s.Population is { Generated: false } population)
        {
            var beforePopulation = d.Count;
            Population.PopulationRules.Validate(s, population, Error);
            if (d.Count > beforePopulation) return d;
            Population.PopulationGenerator.Generate(s);
        }

        var insurers = new Dictionary<string, InsurerSpec>(StringComparer.Ordinal);
        foreach (var i in s.Insurers)
        {
            if (IdentifierRules.PartyId(i.Id) is { } reason) Error(i, $"insurer id '{i.Id}' {reason}");
            else if (i.Id == Network.SimulatedNetwork.ClinicHandle) Error(i, $"insurer id '{i.Id}' is reserved for the kit's clinic");
            else if (!insurers.TryAdd(i.Id, i) || i.Id == s.Relay.Id) Error(i, $"insurer id '{i.Id}' is used twice");
            if (i.Kind == "ltc")
            {
                if (IdentifierRules.LtcInsurerNumber(i.Number) is { } r) Error(i, $"insurer '{i.Id}': number '{i.Number}' {r}");
            }
            else if (MedicalKinds.Contains(i.Kind))
            {
                if (IdentifierRules.MedicalInsurerNumber(i.Number) is { } r) Error(i, $"insurer '{i.Id}': number '{i.Number}' {r}");
                else if ((i.Kind == "nhi") != (i.Number.Length == 6)) Error(i, $"insurer '{i.Id}': {(i.Kind == "nhi" ? "an nhi insurer number has 6 digits" : "only nhi insurer numbers have 6 digits")}");
            }
            else Error(i, $"insurer '{i.Id}': kind '{i.Kind}' must be one of {string.Join(", ", MedicalKinds)}, ltc");
            if (string.IsNullOrWhiteSpace(i.Name)) Error(i, $"insurer '{i.Id}': name is required");
        }
        if (s.Insurers.GroupBy(i => i.Number).FirstOrDefault(g => g.Count() > 1) is { } dupNumber)
            Error(dupNumber.Skip(1).First(), $"insurer number '{dupNumber.Key}' is used twice");

        var people = new Dictionary<string, PersonSpec>(StringComparer.Ordinal);
        foreach (var p in s.People)
        {
            if (string.IsNullOrWhiteSpace(p.Id) || !people.TryAdd(p.Id, p)) Error(p, $"person id '{p.Id}' is missing or used twice");
            if (IdentifierRules.BasicPensionNumber(p.BasicPensionNumber) is { } r) Error(p, $"person '{p.Id}': basicPensionNumber {r}");
            if (p.Residence is not null && !(insurers.TryGetValue(p.Residence, out var home) && home.Kind == "nhi"))
                Error(p, $"person '{p.Id}': residence '{p.Residence}' must name an nhi insurer of the scenario (the municipality's National Health Insurance)");
            if (p.BirthDate is not null && ParseDate(p.BirthDate) is null) Error(p, $"person '{p.Id}': birthDate '{p.BirthDate}' is not a date (yyyy-MM-dd)");
            if (p.IcCard is { } card) CardCheckRules.ValidateCard(p, card, Error);
            foreach (var e in p.Enrolments) ValidateEnrolment(p, e, insurers, Error);
            foreach (var b in p.Benefits ?? [])
            {
                if (!insurers.ContainsKey(b.Insurer)) Error(b, $"benefit: unknown insurer '{b.Insurer}'");
                if (!DateOnly.TryParseExact(b.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) Error(b, $"benefit month '{b.Month}' must be yyyy-MM");
                if (b.SelfPay < 0 || b.Reimbursed < 0) Error(b, "benefit amounts must not be negative");
            }
        }

        ValidateLag(s.Lag, "lag", Error);
        if (s.FallThrough is { } ft && (ParseDuration(ft.Grace) is not { } grace || grace < TimeSpan.Zero || grace.Ticks % TimeSpan.TicksPerDay != 0))
            Error(ft, $"fallThrough.grace '{ft.Grace}' must be a duration in whole days, such as P14D");
        foreach (var i in s.Insurers) ValidateLag(i.Lag, $"insurer '{i.Id}': lag", Error);
        // An empty list in YAML ("faults:" with nothing under it) deserialises as null.
        s.Faults ??= [];
        s.Invariants ??= [];
        foreach (var f in s.Faults) ValidateFault(f, insurers, Error);
        foreach (var inv in s.Invariants) ValidateInvariant(inv, Error);
        var beforeExpansion = d.Count;
        s.Timeline = LifeEvents.Expand(s, Error);
        if (d.Count == beforeExpansion) TimelineRules.Validate(s, insurers, people, Error);

        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        var start = ParseInstant(s.Clock.Start);
        var previous = start;
        foreach (var step in s.Steps)
        {
            if (string.IsNullOrWhiteSpace(step.Id) || !stepIds.Add(step.Id)) Error(step, $"step id '{step.Id}' is missing or used twice");
            if (step.At is not null)
            {
                if (ParseInstant(step.At) is not { } at) Error(step, $"step '{step.Id}': at '{step.At}' is not an ISO 8601 instant");
                else if (previous is { } p && at < p) Error(step, $"step '{step.Id}': at {step.At} is before the previous step or the clock's start; steps run in time order");
                else previous = at;
            }
            if (step.Action == "retroactive-notices") NoticeStepRules.Validate(step, insurers, s.Steps.TakeWhile(x => !ReferenceEquals(x, step)).ToList(), Error);
            else ValidateStep(step, insurers, people, s.Timeline, Error);
        }
        if (s.Steps.Count == 0) Error(s, "a scenario needs at least one step");
        return d;
    }

    internal static void ValidateLag(LagSpec? lag, string what, Action<ScenarioNode, string> error)
    {
        if (lag is null) return;
        foreach (var (name, value) in new[] { ("notification", lag.Notification), ("registration", lag.Registration), ("relay", lag.Relay) })
        {
            if (value is not null && (ParseDuration(value) is not { } d || d < TimeSpan.Zero))
                error(lag, $"{what}.{name} '{value}' must be an ISO 8601 duration such as P5D or PT12H");
        }
    }

    private static void ValidateFault(FaultSpec f, Dictionary<string, InsurerSpec> insurers, Action<ScenarioNode, string> error)
    {
        // Faults are injected on the way to the kit's own hosts; an external party's endpoint is the vendor's.
        if (!insurers.TryGetValue(f.Party, out var party)) error(f, $"fault: unknown party '{f.Party}' (must name an insurer of the scenario)");
        else if (party.External is not null) error(f, $"fault: '{f.Party}' is external; faults can only be seeded at the kit's own insurers");
        if (!FaultKinds.Contains(f.Kind)) error(f, $"fault: kind '{f.Kind}' must be one of {string.Join(", ", FaultKinds)}");
        var from = ParseInstant(f.From);
        var to = ParseInstant(f.To);
        if (from is null) error(f, $"fault: from '{f.From}' is not an ISO 8601 instant");
        if (to is null) error(f, $"fault: to '{f.To}' is not an ISO 8601 instant");
        else if (from is { } start && to <= start) error(f, $"fault: the interval ends ({f.To}) before it starts ({f.From})");
        if (f.Kind == "error" && f.Status is < 400 or > 599) error(f, $"fault: status {f.Status} must be an HTTP error status (400-599)");
        if (f.Kind == "delay" && (f.Delay is null || ParseDuration(f.Delay) is not { } delay || delay <= TimeSpan.Zero))
            error(f, $"fault: delay '{f.Delay}' must be a positive ISO 8601 duration such as PT3S");
        if (f.Kind != "delay" && f.Delay is not null) error(f, "fault: 'delay' only applies to kind delay");
        if (f.Probability is <= 0 or > 1 || double.IsNaN(f.Probability)) error(f, $"fault: probability {f.Probability.ToString(CultureInfo.InvariantCulture)} must be above 0 and at most 1");
    }

    private static void ValidateInvariant(InvariantSpec inv, Action<ScenarioNode, string> error)
    {
        if (!InvariantChecks.Contains(inv.Check)) { error(inv, $"invariant: check '{inv.Check}' must be one of {string.Join(", ", InvariantChecks)}"); return; }
        if (inv.Check == "no-silent-fall-through")
        {
            if (inv.Days is not { } days) error(inv, "invariant no-silent-fall-through: 'days' is required");
            else if (days < 0) error(inv, $"invariant no-silent-fall-through: days {days} must not be negative");
        }
        else if (inv.Days is not null) error(inv, $"invariant {inv.Check}: 'days' only applies to no-silent-fall-through");
    }

    private static void ValidateEnrolment(PersonSpec p, EnrolmentSpec e, Dictionary<string, InsurerSpec> insurers, Action<ScenarioNode, string> error)
    {
        if (!insurers.TryGetValue(e.Insurer, out var insurer)) { error(e, $"person '{p.Id}': unknown insurer '{e.Insurer}'"); return; }
        if (insurer.Kind == "ltc")
        {
            if (IdentifierRules.LtcInsuredNumber(e.Number) is { } r) error(e, $"person '{p.Id}': LTC insured number '{e.Number}' {r}");
        }
        else
        {
            if (IdentifierRules.CardNumber(e.Number) is { } r) error(e, $"person '{p.Id}': card number {r}");
            if (IdentifierRules.CardSymbol(e.Symbol) is { } r2) error(e, $"person '{p.Id}': card symbol {r2}");
            if (IdentifierRules.BranchNumber(e.Branch) is { } r3) error(e, $"person '{p.Id}': branch {r3}");
        }
        var from = ParseDate(e.From);
        if (from is null) error(e, $"person '{p.Id}': enrolment 'from' '{e.From}' is not a date (yyyy-MM-dd)");
        if (e.To is not null && (ParseDate(e.To) is not { } to || (from is { } f && to <= f))) error(e, $"person '{p.Id}': enrolment 'to' '{e.To}' must be a date after 'from'");
        if (e.ReasonOfLoss is not null && !LossReasons.All.Contains(e.ReasonOfLoss)) error(e, $"reasonOfLoss must be one of {string.Join(", ", LossReasons.All)}");
        if (e.CopaymentRatio is not (10 or 20 or 30)) error(e, "copaymentRatio must be 10, 20 or 30");
    }

    private static void ValidateStep(StepSpec step, Dictionary<string, InsurerSpec> insurers, Dictionary<string, PersonSpec> people, List<TimelineEventSpec> timeline, Action<ScenarioNode, string> error)
    {
        if (step.About is not null) error(step, $"step '{step.Id}': 'about' applies to retroactive-notices steps only");
        if (step.Action == Network.SimulatedNetwork.CardCheckAction)
        {
            CardCheckRules.ValidateStep(step, people, error);
            return;
        }
        if (step.Expect is { } cardOnly && (cardOnly.Conclusion ?? cardOnly.Reason ?? cardOnly.PinTriesLeft?.ToString(CultureInfo.InvariantCulture)) is not null)
            error(cardOnly, $"step '{step.Id}': expect.conclusion, expect.reason and expect.pinTriesLeft apply to card-check steps");
        if (step.Pin is not null) error(step, $"step '{step.Id}': 'pin' is what the person types at a card-check step");
        if (step.CardFaults is not null) error(step, $"step '{step.Id}': 'cardFaults' are faults of the person's IC card at a card-check step");
        if (step.Requester == Network.SimulatedNetwork.ClinicHandle)
        {
            ValidateClinicStep(step, insurers, people, timeline, error);
            return;
        }
        if (step.Card is not null) error(step, $"step '{step.Id}': 'card' is what a patient presents at the clinic; it needs requester: clinic");
        if (!Actions.Contains(step.Action)) { error(step, $"step '{step.Id}': action '{step.Action}' must be one of {string.Join(", ", Actions)}"); return; }
        var needsPerson = step.Action is "flow" or "routed" or "lookup" or "person-log" or "enrolment";
        if (needsPerson && (step.Person is null || !people.ContainsKey(step.Person))) error(step, $"step '{step.Id}': 'person' must name a person of the scenario");
        if (step.Action is "flow" or "routed" or "lookup")
        {
            if (step.Requester is null || !insurers.TryGetValue(step.Requester, out var requester)) error(step, $"step '{step.Id}': 'requester' must name an insurer of the scenario");
            else if (requester.External is not null) error(step, $"step '{step.Id}': the requester '{requester.Id}' is external; the kit can only request as its own insurers");
            else if (step.Person is not null && people.TryGetValue(step.Person, out var person) && person.Enrolments.All(e => e.Insurer != requester.Id))
                error(step, $"step '{step.Id}': '{requester.Id}' has no enrolment for '{step.Person}', so it has no number to name them by");
            if (step.Target is not ("medical" or "ltc")) error(step, $"step '{step.Id}': 'target' must be medical or ltc");
            if (step.Purpose is null || !Purposes.All.Contains(step.Purpose)) error(step, $"step '{step.Id}': 'purpose' must be one of {string.Join(", ", Purposes.All)}");
            if (step.Items?.FirstOrDefault(i => !DataItems.All.Contains(i)) is { } bad) error(step, $"step '{step.Id}': item '{bad}' must be one of {string.Join(", ", DataItems.All)}");
            if (step.ServiceDate is not null && ParseDate(step.ServiceDate) is null) error(step, $"step '{step.Id}': serviceDate '{step.ServiceDate}' is not a date");
            if (step.Tamper is not null && !Tampers.Contains(step.Tamper) && !(step.Tamper.StartsWith("present-by:", StringComparison.Ordinal) && insurers.ContainsKey(step.Tamper[11..])))
                error(step, $"step '{step.Id}': tamper '{step.Tamper}' must be one of {string.Join(", ", Tampers)}, present-by:<insurer id>");
        }
        if (step.Action == "fall-through-notices" && (step.Insurer is null || !insurers.TryGetValue(step.Insurer, out var nhi) || nhi.Kind != "nhi" || nhi.External is not null))
            error(step, $"step '{step.Id}': 'insurer' must name a simulated nhi insurer of the scenario");
        if (step.Action == "advance" && (step.By is null || ParseDuration(step.By) is null)) error(step, $"step '{step.Id}': 'by' must be an ISO 8601 duration such as PT10M or P3D");
        if (step.Action == "enrolment")
        {
            if (step.Insurer is null || !insurers.ContainsKey(step.Insurer)) error(step, $"step '{step.Id}': 'insurer' must name an insurer of the scenario");
            if (step.Event is not ("acquired" or "lost")) error(step, $"step '{step.Id}': 'event' must be acquired or lost");
            if (step.Date is null || ParseDate(step.Date) is null) error(step, $"step '{step.Id}': 'date' must be a date (yyyy-MM-dd)");
        }
        if (step.Expect is { } x)
        {
            if (x.Lookup is not null && !LookupOutcomes.Contains(x.Lookup)) error(x, $"expect.lookup must be one of {string.Join(", ", LookupOutcomes)}");
            if (x.Status is not null && !Statuses.Contains(x.Status)) error(x, $"expect.status must be one of {string.Join(", ", Statuses)}");
            if (x.Problem is not null && ProblemCodes.Find(x.Problem) is null) error(x, $"expect.problem '{x.Problem}' is not a protocol problem code (docs/protocol.md §10)");
            if (x.LossDate is not null && ParseDate(x.LossDate) is null) error(x, $"expect.lossDate '{x.LossDate}' is not a date");
            if (x.LtcSecondaryInsured is not null && !(step.Action is "flow" or "routed" && step.Target == "medical"))
                error(x, $"step '{step.Id}': expect.ltcSecondaryInsured is what a medical insurer answers; it needs a flow or routed step with target: medical");
        }
    }

    /// <summary>The kit's clinic requests only routed (it cannot open seals) and names the patient by a presented medical card.</summary>
    private static void ValidateClinicStep(StepSpec step, Dictionary<string, InsurerSpec> insurers, Dictionary<string, PersonSpec> people, List<TimelineEventSpec> timeline, Action<ScenarioNode, string> error)
    {
        if (step.Action != "routed") { error(step, $"step '{step.Id}': the clinic can only make routed inquiries (action: routed)"); return; }
        if (step.Person is null || !people.TryGetValue(step.Person, out var person)) { error(step, $"step '{step.Id}': 'person' must name a person of the scenario"); return; }
        if (step.Card is null || !insurers.TryGetValue(step.Card, out var card) || card.Kind == "ltc")
            error(step, $"step '{step.Id}': 'card' must name the medical insurer whose card {person.Id} presents");
        else if (person.Enrolments.All(e => e.Insurer != card.Id) && !timeline.Any(t => t.Person == person.Id && t.Insurer == card.Id && t.Event == "acquire"))
            error(step, $"step '{step.Id}': {person.Id} holds no card of '{card.Id}' (no enrolment and no acquisition on the timeline)");
        if (step.Target != "medical") error(step, $"step '{step.Id}': the clinic asks about medical insurance: 'target' must be medical");
        if (step.Purpose != Purposes.EligibilityCheck) error(step, $"step '{step.Id}': the clinic's purpose is {Purposes.EligibilityCheck}");
        if (step.Tamper is not null) error(step, $"step '{step.Id}': 'tamper' applies to flow steps, not the clinic's routed inquiry");
        if (step.ServiceDate is not null && ParseDate(step.ServiceDate) is null) error(step, $"step '{step.Id}': serviceDate '{step.ServiceDate}' is not a date");
    }

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Instants without an offset are read as JST, the protocol's time zone.</summary>
    public static DateTimeOffset? ParseInstant(string? value)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && value.Length > 19) return withOffset;
        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ProtocolConstants.JapanOffset)
            : null;
    }

    public static TimeSpan? ParseDuration(string value)
    {
        try
        {
            return XmlConvert.ToTimeSpan(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

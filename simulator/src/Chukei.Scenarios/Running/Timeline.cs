using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Running;

/// <summary>
/// The scenario's timeline turned into what each party learns when: the insurer is notified after the notification
/// lag and registers after the registration lag (its book holds both instants, so its answers change by themselves
/// as the clock passes them), and the insurer reports to the relay after the relay lag. The clock jumps from one
/// such instant to the next; nothing sleeps. Events of a generated population are summarised per day rather than
/// printed stage by stage (only what goes wrong with them is printed one by one).
/// </summary>
internal sealed class Timeline
{
    private enum Stage : byte { Happened, Notified, Registered, Reported, Resided, Died, AgeReached, Detection }

    /// <summary>Something that falls due; <see cref="Event"/> indexes <see cref="_events"/> (or is -1 for detection runs).</summary>
    private readonly record struct Due(DateTimeOffset At, int Order, Stage Stage, int Event);

    private sealed record Scheduled(TimelineEventSpec Spec, PersonSpec Person, InsurerSpec Insurer, QualificationFact? Fact, DateOnly Date);

    private readonly List<Due> _due = [];
    private readonly List<Scheduled> _events = [];
    private readonly List<TimelineEntry> _entries = [];
    private readonly SimulatedNetwork _network;
    private Relay.FallThrough.FallThroughDetector? _detector;
    private Dictionary<string, string>? _handles;
    private Relay.Enrolments.EnrolmentService? _enrolments;
    private int _next;

    /// <summary>Counts of generated events' stages not yet printed, and the JST day they belong to.</summary>
    private readonly SortedDictionary<string, int> _summary = new(StringComparer.Ordinal);
    private DateOnly? _summaryDay;

    private Timeline(SimulatedNetwork network) => _network = network;

    /// <summary>Called after each instant the clock stops at, with the lines of the step that is advancing (invariant checks).</summary>
    public Action<DateTimeOffset, List<string>>? AfterInstant { get; set; }

    /// <summary>Each event with the instants each party learned of it, for reports.</summary>
    public IReadOnlyList<TimelineEntry> Entries => _entries;

    /// <summary>How many instants are due in all and how many have passed: for a progress display.</summary>
    public (int Done, int Total) Progress => (_next, _due.Count);

    /// <summary>Writes every event into the insurers' books (with its future instants) and schedules the relay reports.</summary>
    public static Timeline Build(SimulatedNetwork network)
    {
        var timeline = new Timeline(network);
        var scenario = network.Scenario;
        var people = new Dictionary<string, PersonSpec>(StringComparer.Ordinal);
        foreach (var p in scenario.People) people.TryAdd(p.Id, p);
        var insurers = scenario.Insurers.ToDictionary(i => i.Id, StringComparer.Ordinal);
        // The version each open qualification is at; starting enrolments are read when first needed.
        var held = new Dictionary<(string Person, string Insurer), QualificationFact>();
        var order = 0;
        foreach (var ev in scenario.Timeline.OrderBy(e => e.At, StringComparer.Ordinal))
        {
            var person = people[ev.Person];
            var date = ScenarioValidator.ParseDate(ev.At)!.Value;
            var happened = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ProtocolConstants.JapanOffset);
            var index = timeline._events.Count;
            if (ev.Event == "died")
            {
                timeline._events.Add(new Scheduled(ev, person, Registry, null, date));
                timeline._due.Add(new Due(happened, order++, Stage.Died, index));
                continue;
            }
            if (ev.Event == LifeEvents.AgeFortyReached)
            {
                // Nothing is registered anywhere: the medical insurer's answers change by themselves, from the birth date it holds.
                timeline._events.Add(new Scheduled(ev, person, insurers.GetValueOrDefault(ev.Insurer) ?? Uninsured, null, date));
                timeline._entries.Add(new TimelineEntry(person.Id, ev.Id, ev.Insurer, false, date, happened, happened, happened, happened)
                {
                    Milestone = "age 40",
                });
                timeline._due.Add(new Due(happened, order++, Stage.AgeReached, index));
                continue;
            }
            var insurer = insurers[ev.Insurer];
            if (ev.Event == "reside")
            {
                timeline._events.Add(new Scheduled(ev, person, insurer, null, date));
                timeline._due.Add(new Due(happened, order++, Stage.Resided, index));
                continue;
            }
            var notified = happened + Lag(scenario, insurer, ev, l => l.Notification);
            var registered = notified + Lag(scenario, insurer, ev, l => l.Registration);
            var atRelay = registered + Lag(scenario, insurer, ev, l => l.Relay);
            var acquire = ev.Event == "acquire";
            var fact = acquire
                ? Facts.FromEvent(person, insurer, ev, notified, registered)
                : Held(scenario, held, person, insurer) with { DisqualificationDate = date, ReasonOfLoss = ev.ReasonOfLoss ?? LossReasons.Other, NotifiedAt = notified, RegisteredAt = registered };
            held[(person.Id, insurer.Id)] = fact;
            timeline._entries.Add(new TimelineEntry(person.Id, ev.Id, insurer.Id, acquire, date, happened, notified, registered, atRelay));
            timeline._events.Add(new Scheduled(ev, person, insurer, fact, date));
            if (!ev.Generated) timeline._due.Add(new Due(happened, order++, Stage.Happened, index));
            if (network.Insurers.TryGetValue(insurer.Id, out var node))
            {
                node.Book.Add(fact);
                if (!ev.Generated)
                {
                    timeline._due.Add(new Due(notified, order++, Stage.Notified, index));
                    timeline._due.Add(new Due(registered, order++, Stage.Registered, index));
                }
                timeline._due.Add(new Due(atRelay, order++, Stage.Reported, index));
            }
        }
        timeline.ScheduleFallThroughDetection(order);
        timeline._due.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Order.CompareTo(b.Order));
        return timeline;
    }

    /// <summary>Stands in for the insurer of events that come from the resident registry (a death).</summary>
    private static readonly InsurerSpec Registry = new() { Id = "resident-registry", Kind = "registry", Name = "住民基本台帳" };

    /// <summary>Stands in for the medical insurer of a person who reaches 40 with none.</summary>
    private static readonly InsurerSpec Uninsured = new() { Id = "", Kind = "none", Name = "" };

    private static QualificationFact Held(Scenario scenario, Dictionary<(string, string), QualificationFact> held, PersonSpec person, InsurerSpec insurer)
    {
        if (held.TryGetValue((person.Id, insurer.Id), out var fact)) return fact;
        var index = person.Enrolments.FindLastIndex(e => e.Insurer == insurer.Id);
        return Facts.FromEnrolment(scenario, person, person.Enrolments[index], index, DateTimeOffset.MinValue);
    }

    /// <summary>The relay's detection at 00:00 JST every day the scenario covers (RLY-050); silent on days it finds nothing.</summary>
    private void ScheduleFallThroughDetection(int order)
    {
        var scenario = _network.Scenario;
        if (scenario.FallThrough is null) return;
        var grace = ScenarioValidator.ParseDuration(scenario.FallThrough.Grace)!.Value;
        _detector = new Relay.FallThrough.FallThroughDetector(_network.Relay, grace);
        var start = ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value.ToOffset(ProtocolConstants.JapanOffset);
        var end = scenario.Steps.Select(s => ScenarioValidator.ParseInstant(s.At)).Append(_due.Count == 0 ? start : _due.Max(d => d.At)).Max() ?? start;
        for (var day = new DateTimeOffset(start.Date.AddDays(1), ProtocolConstants.JapanOffset); day <= end; day = day.AddDays(1))
            _due.Add(new Due(day, order++, Stage.Detection, -1));
    }

    private string HandleOf(string personId)
    {
        _handles ??= _network.PersonIds.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return _handles.GetValueOrDefault(personId) ?? personId;
    }

    /// <summary>Moves the clock to <paramref name="target"/>, stopping at every instant on the way where something falls due.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target, FakeTimeProvider clock, List<string> lines, CancellationToken ct)
    {
        while (_next < _due.Count && _due[_next].At <= target)
        {
            var due = _due[_next++];
            if (due.At > clock.GetUtcNow()) clock.SetUtcNow(due.At);
            var generated = due.Event >= 0 && _events[due.Event].Spec.Generated;
            var day = DateOnly.FromDateTime(due.At.ToOffset(ProtocolConstants.JapanOffset).DateTime);
            if (_summaryDay is { } open && open != day) FlushSummary(lines);
            var notices = await NotifyRetroactiveChangesAsync(due, ct);
            var result = await ActAsync(due, ct);
            AfterInstant?.Invoke(due.At, lines);
            if (generated)
            {
                _summaryDay = day;
                var key = due.Stage switch { Stage.Resided => "moves registered", Stage.Died => "deaths registered", _ => $"relay reports {result}" };
                _summary[key] = _summary.GetValueOrDefault(key) + 1;
                if (result is "registered" or "") continue;
            }
            else if (due.Stage == Stage.Detection && result.Length == 0) continue; // a routine run that found nothing
            lines.Add($"⏱ {due.At.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm} {Describe(due)}{(result.Length > 0 ? ": " + result : "")}");
            lines.AddRange(notices);
        }
        FlushSummary(lines);
        if (target > clock.GetUtcNow()) clock.SetUtcNow(target);
    }

    private void FlushSummary(List<string> lines)
    {
        if (_summaryDay is not { } day) return;
        lines.Add($"⏱ {day:yyyy-MM-dd} generated population: {string.Join(", ", _summary.Select(s => $"{s.Value} {s.Key}"))}");
        _summary.Clear();
        _summaryDay = null;
    }

    private async Task<string> ActAsync(Due due, CancellationToken ct)
    {
        switch (due.Stage)
        {
            case Stage.Detection:
                var found = await _detector!.RunAsync(ct);
                return string.Join("; ", found.Select(f => $"{HandleOf(f.PersonId)} uninsured since {f.UninsuredSince:yyyy-MM-dd} → {f.NhiPartyId}: {f.Result}"));
            case Stage.Reported:
                var e = _events[due.Event];
                if (e.Spec.Generated && _network.Scenario.Population?.Reports == "direct") return ReportDirect(e);
                return await ReportAsync(_network, e.Person, e.Insurer, e.Fact!, e.Spec.Event == "acquire", e.Date, e.Spec.Id, ct);
            case Stage.Resided:
                var r = _events[due.Event];
                // The resident registry (J-LIS) tells the relay of the new address; it is provisioning, not an insurer report.
                _network.Relay.Store.SetResidence(_network.PersonIds[r.Person.Id], r.Insurer.Id);
                return "";
            case Stage.Died:
                _network.Relay.Store.RemoveResidence(_network.PersonIds[_events[due.Event].Person.Id]);
                return "";
            default:
                return "";
        }
    }

    /// <summary>
    /// ELG-015, ELG-017: when an insurer registers a change, and again before it reports one to the relay, it re-checks
    /// the valid answers it gave and notifies those the change made wrong (resending any not yet acknowledged).
    /// </summary>
    private async Task<IReadOnlyList<string>> NotifyRetroactiveChangesAsync(Due due, CancellationToken ct)
    {
        if (due.Stage is not (Stage.Registered or Stage.Reported) || !_network.Insurers.TryGetValue(_events[due.Event].Insurer.Id, out var node)) return [];
        var outcomes = await node.NotifyRetroactiveChangesAsync(ct);
        return outcomes.Select(o => RetroactiveNoticeText.Sent(_network.Scenario.Id, node.Self.PartyId, o)).ToList();
    }

    private string Describe(Due due)
    {
        if (due.Stage == Stage.Detection) return "relay fall-through detection";
        var e = _events[due.Event];
        var (ev, insurer) = (e.Spec, e.Insurer.Id);
        var acquire = ev.Event == "acquire";
        return due.Stage switch
        {
            Stage.Happened => $"event — {insurer}: {e.Person.Id} {(acquire ? "acquires" : "loses")} the qualification {(acquire ? "from" : "on")} {ev.At} ({ev.Id})",
            Stage.Notified => $"{insurer} is notified ({ev.Id}); its answers now say change pending",
            Stage.Registered => $"{insurer} registers it in its database ({ev.Id})",
            Stage.Resided => $"relay: {e.Person.Id} now lives in {insurer}'s municipality ({ev.Id})",
            Stage.Died => $"relay: the resident registry records {e.Person.Id}'s death ({ev.Id})",
            Stage.AgeReached when insurer.Length == 0 =>
                $"{e.Person.Id} reaches 40 with no medical insurance: not a secondary LTC insured until a medical insurance covers them ({ev.Id})",
            Stage.AgeReached =>
                $"{e.Person.Id} reaches 40: a secondary LTC insured (介護保険第2号被保険者) while {insurer} covers them; {insurer} collects LTC premiums from {e.Date:yyyy-MM} and its answers say ltcSecondaryInsured from {e.Date:yyyy-MM-dd} ({ev.Id})",
            _ => $"{insurer} reports it to the relay ({ev.Id})",
        };
    }

    private string ReportDirect(Scheduled e)
    {
        _enrolments ??= new Relay.Enrolments.EnrolmentService(_network.Relay);
        var update = Update(_network, e.Person, e.Insurer, e.Fact!, e.Spec.Event == "acquire", e.Date, e.Spec.Id);
        try
        {
            return Wire.Name(_enrolments.Apply(_network.Directory.Find(e.Insurer.Id)!, update).Outcome);
        }
        catch (Contracts.Problems.ProtocolException ex)
        {
            return $"refused {ex.Code.Code}";
        }
    }

    private static EnrolmentUpdate Update(SimulatedNetwork network, PersonSpec person, InsurerSpec insurer, QualificationFact fact, bool acquire, DateOnly date, string eventId) => new()
    {
        BasicPensionNumber = person.BasicPensionNumber,
        Event = acquire ? EnrolmentEvent.Acquired : EnrolmentEvent.Lost,
        EffectiveDate = date,
        Medical = insurer.Kind == "ltc" ? null : new MedicalInsured { InsurerNumber = insurer.Number, Symbol = fact.Symbol, Number = fact.Number, Branch = fact.Branch! },
        Ltc = insurer.Kind == "ltc" ? new LtcInsured { InsurerNumber = insurer.Number, InsuredNumber = fact.Number } : null,
        CorrelationId = $"{network.Scenario.Id}/{eventId}",
    };

    private static async Task<string> ReportAsync(SimulatedNetwork network, PersonSpec person, InsurerSpec insurer, QualificationFact fact, bool acquire, DateOnly date, string eventId, CancellationToken ct)
    {
        var update = Update(network, person, insurer, fact, acquire, date, eventId);
        var response = await network.Insurers[insurer.Id].Client.PostAsync<EnrolmentUpdate, EnrolmentAnswer>(network.Directory.RelayId, "/v1/enrolments", update, ct);
        return response.IsSuccess ? Wire.Name(response.Answer!.Outcome) : $"refused {response.Problem?.Code}";
    }

    private static TimeSpan Lag(Scenario s, InsurerSpec insurer, TimelineEventSpec ev, Func<LagSpec, string?> stage)
    {
        var text = (ev.Lag is { } a ? stage(a) : null) ?? (insurer.Lag is { } b ? stage(b) : null) ?? (s.Lag is { } c ? stage(c) : null);
        return text is null ? TimeSpan.Zero : ScenarioValidator.ParseDuration(text)!.Value;
    }
}

/// <summary>One change and when each party knew of it: it happened, the insurer was notified, registered it, the relay registered it.</summary>
public sealed record TimelineEntry(string PersonId, string EventId, string InsurerId, bool Acquire, DateOnly Date,
    DateTimeOffset Happened, DateTimeOffset Notified, DateTimeOffset Registered, DateTimeOffset AtRelay)
{
    /// <summary>
    /// Set for an age reached rather than a change ("age 40"): nobody is notified, because the insurer answers from the
    /// birth date it holds, so every instant is the day itself. <see cref="InsurerId"/> is the insurer covering the
    /// person that day, or empty.
    /// </summary>
    public string? Milestone { get; init; }
}

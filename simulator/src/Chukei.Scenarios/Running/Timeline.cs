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
/// such instant to the next; nothing sleeps.
/// </summary>
internal sealed class Timeline
{
    private sealed record Due(DateTimeOffset At, int Order, string Description, Func<CancellationToken, Task<string>>? Act);

    private readonly List<Due> _due = [];
    private readonly List<TimelineEntry> _entries = [];

    /// <summary>Each event with the instants each party learned of it, for reports.</summary>
    public IReadOnlyList<TimelineEntry> Entries => _entries;
    private readonly SimulatedNetwork _network;
    private int _next;

    private Timeline(SimulatedNetwork network) => _network = network;

    /// <summary>Writes every event into the insurers' books (with its future instants) and schedules the relay reports.</summary>
    public static Timeline Build(SimulatedNetwork network)
    {
        var timeline = new Timeline(network);
        var scenario = network.Scenario;
        var held = new Dictionary<(string Person, string Insurer), QualificationFact>();
        foreach (var p in scenario.People)
        {
            for (var n = 0; n < p.Enrolments.Count; n++)
            {
                var e = p.Enrolments[n];
                held[(p.Id, e.Insurer)] = Facts.FromEnrolment(scenario, p, e, n, DateTimeOffset.MinValue);
            }
        }
        var order = 0;
        foreach (var ev in scenario.Timeline.OrderBy(e => e.At, StringComparer.Ordinal))
        {
            var person = scenario.People.First(p => p.Id == ev.Person);
            var insurer = scenario.Insurers.First(i => i.Id == ev.Insurer);
            var date = ScenarioValidator.ParseDate(ev.At)!.Value;
            var happened = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ProtocolConstants.JapanOffset);
            var notified = happened + Lag(scenario, insurer, ev, l => l.Notification);
            var registered = notified + Lag(scenario, insurer, ev, l => l.Registration);
            var atRelay = registered + Lag(scenario, insurer, ev, l => l.Relay);
            var acquire = ev.Event == "acquire";
            var fact = acquire
                ? Facts.FromEvent(person, insurer, ev, notified, registered)
                : held[(person.Id, insurer.Id)] with { DisqualificationDate = date, ReasonOfLoss = ev.ReasonOfLoss ?? LossReasons.Other, NotifiedAt = notified, RegisteredAt = registered };
            held[(person.Id, insurer.Id)] = fact;
            timeline._entries.Add(new TimelineEntry(person.Id, ev.Id, insurer.Id, acquire, date, happened, notified, registered, atRelay));
            var what = $"{insurer.Id}: {person.Id} {(acquire ? "acquires" : "loses")} the qualification {(acquire ? "from" : "on")} {ev.At} ({ev.Id})";
            timeline._due.Add(new Due(happened, order++, $"event — {what}", null));
            if (network.Insurers.TryGetValue(insurer.Id, out var node))
            {
                node.Book.Add(fact);
                timeline._due.Add(new Due(notified, order++, $"{insurer.Id} is notified ({ev.Id}); its answers now say change pending", null));
                timeline._due.Add(new Due(registered, order++, $"{insurer.Id} registers it in its database ({ev.Id})", null));
                timeline._due.Add(new Due(atRelay, order++, $"{insurer.Id} reports it to the relay ({ev.Id})", ct => ReportAsync(network, person, insurer, fact, acquire, date, ev.Id, ct)));
            }
        }
        timeline.ScheduleFallThroughDetection(order);
        timeline._due.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Order.CompareTo(b.Order));
        return timeline;
    }

    /// <summary>The relay's detection at 00:00 JST every day the scenario covers (RLY-050); silent on days it finds nothing.</summary>
    private void ScheduleFallThroughDetection(int order)
    {
        var scenario = _network.Scenario;
        if (scenario.FallThrough is null) return;
        var grace = ScenarioValidator.ParseDuration(scenario.FallThrough.Grace)!.Value;
        var detector = new Chukei.Relay.FallThrough.FallThroughDetector(_network.Relay, grace);
        var start = ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value.ToOffset(ProtocolConstants.JapanOffset);
        var end = scenario.Steps.Select(s => ScenarioValidator.ParseInstant(s.At)).Append(_due.Count == 0 ? start : _due.Max(d => d.At)).Max() ?? start;
        for (var day = new DateTimeOffset(start.Date.AddDays(1), ProtocolConstants.JapanOffset); day <= end; day = day.AddDays(1))
        {
            _due.Add(new Due(day, order++, "relay fall-through detection", async ct =>
            {
                var found = await detector.RunAsync(ct);
                return string.Join("; ", found.Select(f => $"{HandleOf(f.PersonId)} uninsured since {f.UninsuredSince:yyyy-MM-dd} → {f.NhiPartyId}: {f.Result}"));
            }));
        }
    }

    private string HandleOf(string personId) => _network.PersonIds.FirstOrDefault(p => p.Value == personId).Key ?? personId;

    /// <summary>Moves the clock to <paramref name="target"/>, stopping at every instant on the way where something falls due.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target, FakeTimeProvider clock, List<string> lines, CancellationToken ct)
    {
        while (_next < _due.Count && _due[_next].At <= target)
        {
            var due = _due[_next++];
            if (due.At > clock.GetUtcNow()) clock.SetUtcNow(due.At);
            var result = due.Act is null ? "" : await due.Act(ct);
            if (due.Act is not null && result.Length == 0) continue; // a routine run that found nothing
            if (result.Length > 0) result = ": " + result;
            lines.Add($"⏱ {due.At.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm} {due.Description}{result}");
        }
        if (target > clock.GetUtcNow()) clock.SetUtcNow(target);
    }

    private static async Task<string> ReportAsync(SimulatedNetwork network, PersonSpec person, InsurerSpec insurer, QualificationFact fact, bool acquire, DateOnly date, string eventId, CancellationToken ct)
    {
        var update = new EnrolmentUpdate
        {
            BasicPensionNumber = person.BasicPensionNumber,
            Event = acquire ? EnrolmentEvent.Acquired : EnrolmentEvent.Lost,
            EffectiveDate = date,
            Medical = insurer.Kind == "ltc" ? null : new MedicalInsured { InsurerNumber = insurer.Number, Symbol = fact.Symbol, Number = fact.Number, Branch = fact.Branch! },
            Ltc = insurer.Kind == "ltc" ? new LtcInsured { InsurerNumber = insurer.Number, InsuredNumber = fact.Number } : null,
            CorrelationId = $"{network.Scenario.Id}/{eventId}",
        };
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
    DateTimeOffset Happened, DateTimeOffset Notified, DateTimeOffset Registered, DateTimeOffset AtRelay);

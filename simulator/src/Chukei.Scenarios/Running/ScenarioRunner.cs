using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Running;

/// <summary>
/// Runs a scenario's steps against a started network on a virtual clock, printing each step of figure 5 as it
/// happens and checking the step's expectations.
/// </summary>
public sealed class ScenarioRunner(SimulatedNetwork network, FakeTimeProvider clock, TextWriter output)
{
    private readonly FlowSteps _flows = new(network);
    private readonly RetroactiveNoticeSteps _notices = new(network);
    private readonly CardCheckStep _cardChecks = new(network);
    private readonly Timeline _timeline = Timeline.Build(network);
    private readonly InvariantChecker _invariants = new(network);
    private Dictionary<string, string>? _byPensionNumber;

    /// <summary>Instants of the timeline passed so far and in all, for a progress display on long runs.</summary>
    public (int Done, int Total) Progress => _timeline.Progress;

    /// <summary>The scenario's changes and when each party knew of them.</summary>
    public IReadOnlyList<TimelineEntry> TimelineEntries => _timeline.Entries;

    public async Task<ScenarioResult> RunAsync(CancellationToken ct = default)
    {
        var result = new ScenarioResult { ScenarioId = network.Scenario.Id };
        if (_invariants.Any)
        {
            _flows.Answered = _invariants.Answered;
            _cardChecks.Answered = _invariants.Answered;
            _timeline.AfterInstant = (at, lines) => lines.AddRange(_invariants.Check($"at {at.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm} JST"));
        }
        foreach (var step in network.Scenario.Steps)
        {
            var r = new StepResult { Id = step.Id, Action = step.Action, Person = step.Person, Title = step.Title };
            result.Steps.Add(r);
            if (network.Faults is { } faults) faults.Sink = r.Lines;
            if (step.At is not null) await _timeline.AdvanceToAsync(ScenarioValidator.ParseInstant(step.At)!.Value, clock, r.Lines, ct);
            r.At = clock.GetUtcNow();
            output.WriteLine($"── {step.Id}: {step.Title ?? step.Action}  [{clock.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm:ss} JST]");
            try
            {
                await RunStepAsync(step, r, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Contracts.Problems.ProtocolException)
            {
                r.Error = ex.Message;
            }
            if (_invariants.Any) r.Lines.AddRange(_invariants.Check($"after step {step.Id} ({clock.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm:ss} JST)"));
            foreach (var line in r.Lines) output.WriteLine("   " + line);
            foreach (var e in r.Expectations)
                output.WriteLine(e.Holds ? $"   ✔ {e.Name} = {e.Actual}" : $"   ✘ {e.Name}: expected {e.Expected}, got {e.Actual}");
            if (r.Error is not null) output.WriteLine($"   ✘ step failed: {r.Error}");
        }
        if (network.Faults is { } f) f.Sink = null;
        result.Invariants.AddRange(_invariants.Results);
        foreach (var i in result.Invariants)
            output.WriteLine(i.Held ? $"✔ invariant {i.Name} held ({i.Checks} checks)" : $"✘ invariant {i.Name} broken {i.Where}: {i.Detail}");
        var failed = result.Steps.Count(s => !s.Passed);
        var checks = result.Steps.Sum(s => s.Expectations.Count);
        var broken = result.Invariants.Count(i => !i.Held);
        var held = result.Invariants.Count == 0 ? "" : $", {result.Invariants.Count} invariants hold";
        output.WriteLine(failed == 0 && broken == 0
            ? $"PASS {result.ScenarioId}: {result.Steps.Count} steps, {checks} expectations hold{held}"
            : $"FAIL {result.ScenarioId}: {failed} of {result.Steps.Count} steps failed{(broken > 0 ? $", {broken} of {result.Invariants.Count} invariants broken" : "")}");
        return result;
    }

    private async Task RunStepAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        switch (step.Action)
        {
            case "flow":
                await _flows.DirectAsync(step, r, ct);
                break;
            case "routed":
                await _flows.RoutedAsync(step, r, ct);
                break;
            case "lookup":
                await _flows.LookupOnlyAsync(step, r, ct);
                break;
            case SimulatedNetwork.CardCheckAction:
                await _cardChecks.RunAsync(step, r, ct);
                break;
            case "person-log":
                await _flows.PersonLogAsync(step.Person!, step.Expect, r, ct);
                break;
            case "verify-log":
                await VerifyLogAsync(step, r, ct);
                break;
            case "enrolment":
                await EnrolmentAsync(step, r, ct);
                break;
            case "fall-through-notices":
                Notices(step, r);
                break;
            case "retroactive-notices":
                await _notices.PickupAsync(step, r, ct);
                break;
            case "advance":
                var by = ScenarioValidator.ParseDuration(step.By!)!.Value;
                await _timeline.AdvanceToAsync(clock.GetUtcNow() + by, clock, r.Lines, ct);
                r.Lines.Add($"clock advanced by {step.By} to {clock.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm:ss} JST");
                break;
        }
    }

    private async Task VerifyLogAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var portal = network.NewClient(network.Portal);
        var v = await portal.PostAsync<object, ChainVerification>(network.Directory.RelayId, "/v1/access-log/verifications", new { }, ct);
        if (!v.IsSuccess) { r.Error = $"verification refused: {v.Problem?.Code}"; return; }
        r.Lines.Add(v.Answer!.Valid
            ? $"access-log chain verified: {v.Answer.Entries} entries, every hash links"
            : $"access-log chain BROKEN at seq {v.Answer.FirstBrokenSeq}: {v.Answer.Reason}");
        if (step.Expect?.ChainValid is { } valid) r.Expectations.Add(new("chainValid", Bool(valid), Bool(v.Answer.Valid)));
    }

    private async Task EnrolmentAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var person = network.Scenario.People.First(p => p.Id == step.Person);
        var spec = network.Scenario.Insurers.First(i => i.Id == step.Insurer);
        var node = network.Insurers[spec.Id];
        var enrolment = person.Enrolments.FirstOrDefault(e => e.Insurer == spec.Id);
        if (enrolment is null) { r.Error = $"{spec.Id} holds no enrolment for {person.Id}"; return; }
        var date = ScenarioValidator.ParseDate(step.Date)!.Value;
        var lost = step.Event == "lost";
        var now = clock.GetUtcNow();
        if (lost)
        {
            // The insurer registers the loss in its own database first, then tells the relay.
            var index = person.Enrolments.IndexOf(enrolment);
            node.Book.Add(Facts.FromEnrolment(network.Scenario, person, enrolment, index, now) with
            {
                DisqualificationDate = date,
                ReasonOfLoss = enrolment.ReasonOfLoss ?? LossReasons.Other,
            });
            // ELG-015: a registered loss may make earlier valid answers wrong; they are notified before the relay is told.
            foreach (var o in await node.NotifyRetroactiveChangesAsync(ct)) r.Lines.Add(RetroactiveNoticeText.Sent(network.Scenario.Id, spec.Id, o));
        }
        var update = new EnrolmentUpdate
        {
            BasicPensionNumber = person.BasicPensionNumber,
            Event = lost ? EnrolmentEvent.Lost : EnrolmentEvent.Acquired,
            EffectiveDate = date,
            Medical = spec.Kind == "ltc" ? null : new MedicalInsured { InsurerNumber = spec.Number, Symbol = enrolment.Symbol, Number = enrolment.Number, Branch = enrolment.Branch! },
            Ltc = spec.Kind == "ltc" ? new LtcInsured { InsurerNumber = spec.Number, InsuredNumber = enrolment.Number } : null,
            CorrelationId = $"{network.Scenario.Id}/{step.Id}",
        };
        var answer = await node.Client.PostAsync<EnrolmentUpdate, EnrolmentAnswer>(network.Directory.RelayId, "/v1/enrolments", update, ct);
        var outcome = answer.IsSuccess ? Wire.Name(answer.Answer!.Outcome) : $"problem {answer.Problem?.Code}";
        r.Lines.Add($"{spec.Id} → relay: enrolment {step.Event} on {step.Date} for {person.Id}: {outcome}");
        if (step.Expect?.Enrolment is { } expected) r.Expectations.Add(new("enrolment", expected, outcome));
        if (step.Expect?.Problem is { } p) r.Expectations.Add(new("problem", p, answer.Problem?.Code ?? "(none)"));
    }

    private void Notices(StepSpec step, StepResult r)
    {
        var notices = network.Insurers[step.Insurer!].FallThroughInbox.Notices;
        r.Lines.Add($"{step.Insurer} has received {notices.Count} fall-through notice(s) from the relay");
        _byPensionNumber ??= network.Scenario.People.GroupBy(p => p.BasicPensionNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        foreach (var n in notices)
        {
            var who = _byPensionNumber.GetValueOrDefault(n.BasicPensionNumber) ?? "(unknown person)";
            r.Lines.Add($"   {who}: uninsured since {n.UninsuredSince:yyyy-MM-dd}, last insurer {n.LastInsurerNumber}, detected {n.DetectedAt.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm}");
        }
        if (step.Expect?.Notices is { } expected) r.Expectations.Add(new("notices", expected.ToString(null, null), notices.Count.ToString(null, null)));
    }

    internal static string Bool(bool b) => b ? "true" : "false";
}

using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;

namespace Chukei.Scenarios.Running;

/// <summary>The verdict on one invariant: held throughout, or where it first broke and what broke.</summary>
public sealed class InvariantResult
{
    public required string Check { get; init; }

    /// <summary>no-silent-fall-through: the days allowed.</summary>
    public int? Days { get; init; }

    /// <summary>How many times it was checked (after every step and every instant the clock stopped at).</summary>
    public int Checks { get; set; }

    public bool Held => BrokenAt is null;

    /// <summary>The virtual instant it was first found broken.</summary>
    public DateTimeOffset? BrokenAt { get; set; }

    /// <summary>When it was checked: after which step, or at which timeline instant.</summary>
    public string? Where { get; set; }

    public string? Detail { get; set; }

    public string Name => Days is { } d ? $"{Check} (days {d})" : Check;
}

/// <summary>
/// Checks a scenario's invariants against what the relay and the insurers hold. Each is reported once, where it first
/// breaks; later checks of a broken invariant are skipped, since the first break is what a reader needs.
/// </summary>
internal sealed class InvariantChecker
{
    private readonly SimulatedNetwork _network;
    private readonly List<(InvariantSpec Spec, InvariantResult Result)> _invariants;
    private readonly List<(string Person, string EntryId, string StepId)> _answered = [];
    private Dictionary<string, string>? _handles;

    public InvariantChecker(SimulatedNetwork network)
    {
        _network = network;
        _invariants = network.Scenario.Invariants.Select(i => (i, new InvariantResult { Check = i.Check, Days = i.Days })).ToList();
    }

    public IReadOnlyList<InvariantResult> Results => _invariants.Select(i => i.Result).ToList();

    public bool Any => _invariants.Count > 0;

    /// <summary>An inquiry was answered: the relay's entry <paramref name="entryId"/> opened it.</summary>
    public void Answered(string person, string entryId, string stepId) => _answered.Add((person, entryId, stepId));

    /// <summary>Checks every invariant not yet broken; returns a line for each that breaks now. <paramref name="where"/> names the step or instant.</summary>
    public List<string> Check(string where)
    {
        var lines = new List<string>();
        foreach (var (spec, result) in _invariants)
        {
            if (!result.Held) continue;
            result.Checks++;
            var broken = spec.Check switch
            {
                "every-answered-inquiry-is-logged" => UnloggedInquiry(),
                "no-silent-fall-through" => SilentFallThrough(spec.Days!.Value),
                _ => BrokenChain(),
            };
            if (broken is null) continue;
            var now = _network.Time.GetUtcNow();
            (result.BrokenAt, result.Where, result.Detail) = (now, where, broken);
            lines.Add($"✘ invariant {result.Name} broken {where}: {broken}");
        }
        return lines;
    }

    /// <summary>Every answered inquiry has the relay's entry and the answering insurer's report related to it (reconciled).</summary>
    private string? UnloggedInquiry()
    {
        var store = _network.Relay.Store;
        foreach (var (person, entryId, stepId) in _answered)
        {
            var entry = store.FindLogEntry(entryId);
            if (entry is null || entry.PersonId != _network.PersonIds[person])
                return $"the inquiry answered in step {stepId} has no relay entry {entryId} in {person}'s access log";
            if (!store.HasEntryRelatedTo(entryId))
                return $"the inquiry answered in step {stepId} (relay entry {entryId}) has no insurer report reconciled with it in {person}'s access log";
        }
        return null;
    }

    /// <summary>
    /// No resident whose medical coverage the relay knows to have ended stays uncovered more than <paramref name="days"/>
    /// days without their municipality's NHI having received a fall-through notice for that gap. Works from what the
    /// relay has registered (as its detection does), so a loss not yet reported to the relay does not count yet.
    /// </summary>
    private string? SilentFallThrough(int days)
    {
        var relay = _network.Relay;
        var today = relay.Self.Today;
        foreach (var (personId, nhi) in relay.Store.Residents().OrderBy(r => r.PersonId, StringComparer.Ordinal))
        {
            var medical = relay.Store.EnrolmentsOf(personId).Where(e => e.Kind == InsuranceKind.Medical).ToList();
            // As the relay's detection (RLY-050): insured once, nothing covering today, the gap since the last loss.
            if (medical.Any(e => e.CoversDate(today)) || medical.Where(e => e.EffectiveTo is not null).Max(e => e.EffectiveTo) is not { } since) continue;
            var uncovered = today.DayNumber - since.DayNumber;
            if (uncovered <= days || Notified(personId, nhi, since)) continue;
            return $"{HandleOf(personId)} has had no medical coverage since {since:yyyy-MM-dd} ({uncovered} days) and {nhi} has received no fall-through notice";
        }
        return null;
    }

    /// <summary>The notice reached the NHI (its inbox when the kit runs it; otherwise the relay's log of sending it).</summary>
    private bool Notified(string personId, string nhi, DateOnly since)
    {
        if (_network.Insurers.TryGetValue(nhi, out var node))
        {
            var pension = _network.Relay.Store.BasicPensionNumberOf(personId);
            return node.FallThroughInbox.Notices.Any(n => n.BasicPensionNumber == pension && n.UninsuredSince == since);
        }
        return _network.Relay.Store.LogOf(personId).Any(e => e.Action == AccessAction.FallThroughNotice && e.CorrelationId == $"fall-through/{since:yyyy-MM-dd}");
    }

    private string? BrokenChain()
    {
        var v = _network.Relay.Log.Verify();
        return v.Valid ? null : $"the relay's access-log chain breaks at seq {v.FirstBrokenSeq}: {v.Reason}";
    }

    private string HandleOf(string personId)
    {
        _handles ??= _network.PersonIds.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return _handles.GetValueOrDefault(personId) ?? personId;
    }
}

namespace Chukei.Scenarios.Running;

/// <summary>One checked expectation: what the scenario said, what happened.</summary>
public sealed record ExpectationResult(string Name, string Expected, string Actual)
{
    public bool Holds => string.Equals(Expected, Actual, StringComparison.Ordinal);
}

/// <summary>What one step printed and whether its expectations held.</summary>
public sealed class StepResult
{
    public required string Id { get; init; }
    public required string Action { get; init; }
    public string? Title { get; init; }
    public string? Person { get; init; }

    /// <summary>The virtual instant the step ran at.</summary>
    public DateTimeOffset At { get; set; }
    public List<string> Lines { get; } = [];
    public List<ExpectationResult> Expectations { get; } = [];

    /// <summary>A failure that stopped the step (not an expectation): e.g. the target did not answer.</summary>
    public string? Error { get; set; }

    public bool Passed => Error is null && Expectations.All(e => e.Holds);
}

/// <summary>The outcome of a whole run.</summary>
public sealed class ScenarioResult
{
    public required string ScenarioId { get; init; }
    public List<StepResult> Steps { get; } = [];

    /// <summary>The scenario's invariants, each held throughout or broken at an instant.</summary>
    public List<InvariantResult> Invariants { get; } = [];

    public bool Passed => Steps.All(s => s.Passed) && Invariants.All(i => i.Held);
}

namespace Chukei.Scenarios.Model;

/// <summary>
/// A fault seeded at a party for an interval of virtual time (docs/scenarios.md "Faults"): requests to the party's
/// endpoint are refused (<c>down</c>), answered with an HTTP error (<c>error</c>) or answered late (<c>delay</c>).
/// The relay's lookups do not touch the insurer, so they still work; inquiries to it do not.
/// </summary>
public sealed class FaultSpec : ScenarioNode
{
    /// <summary>The simulated insurer the fault is at.</summary>
    public string Party { get; set; } = "";

    /// <summary>down, error or delay.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Start of the interval (ISO 8601 instant, JST without an offset), inclusive.</summary>
    public string From { get; set; } = "";

    /// <summary>End of the interval, exclusive.</summary>
    public string To { get; set; } = "";

    /// <summary>error: the HTTP status answered (500 by default).</summary>
    public int Status { get; set; } = 500;

    /// <summary>delay: how long the answer takes, as an ISO 8601 duration; as long as the caller's timeout or longer, it never arrives.</summary>
    public string? Delay { get; set; }

    /// <summary>The chance that one request in the interval is hit (1 by default), drawn from the scenario's seed.</summary>
    public double Probability { get; set; } = 1;
}

/// <summary>
/// A condition that must hold throughout the run, checked after every step and every instant the clock stops at
/// (docs/scenarios.md "Invariants").
/// </summary>
public sealed class InvariantSpec : ScenarioNode
{
    /// <summary>every-answered-inquiry-is-logged, no-silent-fall-through or log-chain-valid.</summary>
    public string Check { get; set; } = "";

    /// <summary>no-silent-fall-through: the longest a resident may stay without medical coverage with no notice sent.</summary>
    public int? Days { get; set; }
}

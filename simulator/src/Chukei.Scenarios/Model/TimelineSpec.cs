namespace Chukei.Scenarios.Model;

/// <summary>
/// The delays between a change and what each party knows of it (docs/scenarios.md "Lag"): event → notification to
/// the insurer, notification → the insurer's database, the insurer's database → the relay. ISO 8601 durations.
/// </summary>
public sealed class LagSpec : ScenarioNode
{
    public string? Notification { get; set; }
    public string? Registration { get; set; }
    public string? Relay { get; set; }
}

/// <summary>
/// A change in a person's insurance on a date. The basic events are <c>acquire</c> (資格取得, covered from
/// <see cref="At"/>) and <c>lose</c> (資格喪失, <see cref="At"/> is the first day not covered); life events (hire,
/// job-change, retire, death, birth, turn-65, turn-75) are expanded into those by the rules in
/// <see cref="Loading.LifeEvents"/>. Each party learns of a change after its lag.
/// </summary>
public sealed class TimelineEventSpec : ScenarioNode
{
    public string Id { get; set; } = "";
    public string At { get; set; } = "";
    public string Event { get; set; } = "";
    public string Person { get; set; } = "";

    /// <summary>acquire/lose: the insurer concerned.</summary>
    public string Insurer { get; set; } = "";

    /// <summary>job-change, retire: the insurer left (default: the person's open medical enrolment).</summary>
    public string? From { get; set; }

    /// <summary>hire, job-change, retire (optional NHI), turn-65 (LTC), turn-75 (late-elderly): the insurer joined.</summary>
    public string? To { get; set; }

    /// <summary>birth: the parent whose medical insurance covers the child as a dependant.</summary>
    public string? Parent { get; set; }

    /// <summary>For acquire: the new card (medical) or LTC insured number.</summary>
    public string? Symbol { get; set; }

    public string? Number { get; set; }
    public string? Branch { get; set; }
    public int CopaymentRatio { get; set; } = 30;
    public string PersonalFamilyClassification { get; set; } = "1";

    /// <summary>For lose: 01 death, 02 public assistance, 03 other insurance, 99 other.</summary>
    public string? ReasonOfLoss { get; set; }

    /// <summary>Overrides the insurer's and the scenario's lag for this event.</summary>
    public LagSpec? Lag { get; set; }
}

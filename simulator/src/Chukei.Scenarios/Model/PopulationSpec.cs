namespace Chukei.Scenarios.Model;

/// <summary>
/// People generated from seeded distributions instead of listed one by one (docs/scenarios.md "Generated
/// population"). The scenario's <see cref="Scenario.Seed"/> seeds every draw, so a file always yields the same people.
/// Percentages are weights that must sum to 100.
/// </summary>
public sealed class PopulationSpec : ScenarioNode
{
    /// <summary>How many people to generate (households are filled until the count is reached).</summary>
    public int Count { get; set; }

    /// <summary>Age band of household heads ("20-39") → percent. Spouses and children follow from the household.</summary>
    public Weights Ages { get; set; } = new() { ["20-39"] = 33, ["40-64"] = 41, ["65-74"] = 12, ["75-99"] = 14 };

    /// <summary>Insurer kind of people of working age (20–64) → percent; nhi stands for the self-employed and the unemployed.</summary>
    public Weights Employment { get; set; } = new() { ["health-insurance-society"] = 30, ["national-association"] = 40, ["mutual-aid"] = 8, ["nhi"] = 22 };

    /// <summary>Household size ("1" … "6") → percent.</summary>
    public Weights Households { get; set; } = new() { ["1"] = 38, ["2"] = 28, ["3"] = 17, ["4"] = 12, ["5"] = 4, ["6"] = 1 };

    /// <summary>How many municipalities (from the embedded table, in its order) people live in; each gets an NHI and an LTC insurer.</summary>
    public int Municipalities { get; set; } = 3;

    /// <summary>Employee insurers to generate, by kind; insurers of these kinds declared in the scenario are used too.</summary>
    public Weights Employers { get; set; } = new() { ["health-insurance-society"] = 5, ["national-association"] = 1, ["mutual-aid"] = 1 };

    /// <summary>
    /// How insurers report generated people's changes to the relay: <c>http</c> (default), a signed call over loopback
    /// like every written event; or <c>direct</c>, the relay's own enrolment service called in-process — the same
    /// registration at the same instant without transport and signatures, for populations of hundreds of thousands.
    /// </summary>
    public string Reports { get; set; } = "http";

    /// <summary>Life events over a period; none means the population only provides the starting state.</summary>
    public PopulationEventsSpec? Events { get; set; }

    /// <summary>Set once the people are in the scenario, so validating twice does not generate twice.</summary>
    [YamlDotNet.Serialization.YamlIgnore] public bool Generated { get; set; }
}

/// <summary>Seeded life events for the generated people over a period, at yearly rates per 1,000.</summary>
public sealed class PopulationEventsSpec : ScenarioNode
{
    /// <summary>The period's first day (default: the clock's start date).</summary>
    public string? From { get; set; }

    /// <summary>ISO 8601 duration of the period, e.g. P1Y or P90D.</summary>
    public string Period { get; set; } = "P1Y";

    /// <summary>
    /// Yearly events per 1,000 of the people they can happen to: job-change (employees), retire (employees aged 60+),
    /// move (households), birth (households with a head aged 20–44), death (by age band: under-65, 65-74, 75-plus).
    /// Birthdays (65, 75) follow from birth dates. Defaults are rough Japanese figures (docs/scenarios.md).
    /// </summary>
    public Weights Rates { get; set; } = new();
}

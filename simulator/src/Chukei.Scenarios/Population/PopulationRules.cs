using System.Globalization;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Population;

/// <summary>The rules a population section must meet before anyone is generated; each error points at its map or key.</summary>
internal static class PopulationRules
{
    public const int MaxCount = 5_000_000;

    public static readonly IReadOnlyList<string> EmploymentKinds = ["health-insurance-society", "national-association", "mutual-aid", "nhi"];
    public static readonly IReadOnlyList<string> EmployerKinds = ["health-insurance-society", "national-association", "mutual-aid"];

    public static void Validate(Scenario s, PopulationSpec p, Action<ScenarioNode, string> error)
    {
        if (p.Count is < 1 or > MaxCount) error(p, $"population.count must be between 1 and {MaxCount:N0}; found {p.Count}");
        if (p.Municipalities < 1 || p.Municipalities > PopulationTables.Municipalities.Count)
            error(p, $"population.municipalities must be between 1 and {PopulationTables.Municipalities.Count} (the rows of the embedded table); found {p.Municipalities}");
        Distribution(p, p.Ages, "population.ages", k => PopulationGenerator.ParseBand(k) is { Low: >= 18 } ? null : "must be an age band 'from-to' of household heads, from 18 to 120", error);
        Distribution(p, p.Employment, "population.employment", k => EmploymentKinds.Contains(k) ? null : $"is not an insurer kind people work under; use one of {string.Join(", ", EmploymentKinds)}", error);
        Distribution(p, p.Households, "population.households",
            k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10 ? null : "must be a household size from 1 to 10", error);
        foreach (var (kind, count) in p.Employers.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!EmployerKinds.Contains(kind)) error(At(p.Employers, p), $"population.employers: '{kind}' is not an employee insurer kind; use one of {string.Join(", ", EmployerKinds)}");
            else if (count < 0 || count > 999 || count != Math.Floor(count)) error(At(p.Employers, p), $"population.employers.{kind} must be a whole number from 0 to 999; found {count}");
        }
        foreach (var (kind, weight) in p.Employment.Where(e => e.Value > 0 && EmployerKinds.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var declared = s.Insurers.Count(i => i.Kind == kind && i.External is null);
            if (declared + (int)p.Employers.GetValueOrDefault(kind) == 0)
                error(At(p.Employment, p), $"population.employment: {kind} has weight {weight} but there is no such insurer; declare one or set population.employers.{kind}");
        }
        if (p.Reports is not ("http" or "direct")) error(p, $"population.reports must be http or direct; found '{p.Reports}'");
        if (p.Events is { } ev)
        {
            if (ev.From is not null && ScenarioValidator.ParseDate(ev.From) is null) error(ev, $"population.events.from '{ev.From}' is not a date (yyyy-MM-dd)");
            if (ScenarioValidator.ParseDuration(ev.Period) is not { } period || period.Ticks % TimeSpan.TicksPerDay != 0 || period.TotalDays is < 1 or > 3660)
                error(ev, $"population.events.period '{ev.Period}' must be a duration in whole days from P1D to P10Y, such as P1Y or P90D");
            foreach (var (key, rate) in ev.Rates.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (!LifeEventGenerator.RateKeys.Contains(key)) error(At(ev.Rates, ev), $"population.events.rates: '{key}' must be one of {string.Join(", ", LifeEventGenerator.RateKeys)}");
                else if (rate is < 0 or > 1000) error(At(ev.Rates, ev), $"population.events.rates.{key} is per 1,000 a year and must be from 0 to 1000; found {rate}");
            }
        }
    }

    /// <summary>Where a map's problems are reported: the map, or (for a default the file does not write) its section.</summary>
    private static ScenarioNode At(Weights weights, ScenarioNode section) => weights.Line > 0 ? weights.Position : section;

    private static void Distribution(ScenarioNode section, Weights weights, string what, Func<string, string?> keyProblem, Action<ScenarioNode, string> error)
    {
        foreach (var (key, weight) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (keyProblem(key) is { } problem) error(At(weights, section), $"{what}: '{key}' {problem}");
            if (weight < 0) error(At(weights, section), $"{what}.{key}: a weight must not be negative; found {weight}");
        }
        var sum = weights.Values.Sum();
        if (Math.Abs(sum - 100) > 1e-6)
            error(At(weights, section), $"{what}: the weights are percentages and must sum to 100; they sum to {sum.ToString("0.###", CultureInfo.InvariantCulture)}");
    }
}

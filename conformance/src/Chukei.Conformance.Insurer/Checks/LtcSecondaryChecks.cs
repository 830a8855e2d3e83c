using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Wire;
using static Chukei.Conformance.Insurer.Checks.LagChecks;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// ELG-023: a medical insurer's qualification says whether the person is a secondary LTC insured (介護保険第2号被保険者)
/// on the service date: covered and aged 40 to 64, ages reached on the day before the birthday. The target holds the
/// people of <see cref="InsurerPeople"/>; each case asks about a date where a common way of computing it goes wrong.
/// </summary>
public static class LtcSecondaryChecks
{
    /// <summary>One question: the person, the service date, the answer ELG-023 gives and why.</summary>
    private sealed record Probe(InsurerPerson Person, DateOnly ServiceDate, bool Expected, string Why)
    {
        /// <summary>The status the case needs to be about the member at all (ELG-002 tests the status itself).</summary>
        public EligibilityStatus Status { get; init; } = EligibilityStatus.Valid;
    }

    /// <summary>The day age 40 is reached is the day before the 40th birthday, and the status starts on it.</summary>
    public static Task TurningFortyAsync(InsurerSession session, CheckContext check) => AskAsync(session, check, "turning-40",
        new Probe(InsurerPeople.TurnsForty, new DateOnly(2026, 5, 31), true, "age 40 is reached on the day before the 40th birthday (年齢計算ニ関スル法律), so the person is a secondary LTC insured from that day"));

    /// <summary>The day before that the person is 39, whatever their age today.</summary>
    public static Task BeforeFortyAsync(InsurerSession session, CheckContext check) => AskAsync(session, check, "before-40",
        new Probe(InsurerPeople.TurnsForty, new DateOnly(2026, 5, 30), false, "the person is 39 on that date (age 40 is reached on 2026-05-31); the status is for the service date, not for today"));

    /// <summary>Born on 29 February: age 65 is reached on 28 February of a year without a 29th, not a day earlier.</summary>
    public static Task LeapDayAtSixtyFiveAsync(InsurerSession session, CheckContext check) => AskAsync(session, check, "leap-day-at-65",
        new Probe(InsurerPeople.LeapDay, new DateOnly(2025, 2, 27), true, "age 65 is reached on 2025-02-28 (the day before 1 March, as 2025 has no 29 February), so the person is still 64"),
        new Probe(InsurerPeople.LeapDay, new DateOnly(2025, 2, 28), false, "age 65 is reached that day: the person is a primary LTC insured of the municipality from then on, no longer a secondary one"));

    /// <summary>A dependant aged 40 to 64 is a secondary LTC insured like the insured person.</summary>
    public static Task DependantAsync(InsurerSession session, CheckContext check) => AskAsync(session, check, "dependant",
        new Probe(InsurerPeople.Dependant, new DateOnly(2026, 6, 1), true, "a dependant (家族) aged 40 to 64 is a secondary LTC insured as much as the insured person (介護保険法 第9条第2号)"));

    /// <summary>Only a medical insurance that covers the person on the date makes them a secondary LTC insured.</summary>
    public static Task NotCoveredAsync(InsurerSession session, CheckContext check) => AskAsync(session, check, "not-covered",
        new Probe(InsurerPeople.Lost, new DateOnly(2026, 4, 1), false, "the record no longer covers that date (the status is invalid), and without a medical insurance nobody is a secondary LTC insured, whatever their age")
        {
            Status = EligibilityStatus.Invalid,
        });

    private static async Task AskAsync(InsurerSession session, CheckContext check, string caseName, params Probe[] probes)
    {
        foreach (var p in probes)
        {
            var answer = await LagChecks.AskAsync(session, check, p.Person, p.ServiceDate, caseName);
            // The case is about the member, so it needs the status it assumes and a qualification to read it from (ELG-002 and ELG-009 test those).
            if (answer.Status != p.Status || answer.Qualification is null)
                throw check.Unreachable($"the answer about {Who(p.Person)} for {p.ServiceDate:yyyy-MM-dd} is {answer.Status}{(answer.Qualification is null ? " without a qualification" : "")}, " +
                    $"not {p.Status} with one; ELG-002 and ELG-009 cover that");
            var said = answer.Qualification.LtcSecondaryInsured;
            check.Must(said == p.Expected,
                $"for {Who(p.Person)}, born {p.Person.BirthDate:yyyy-MM-dd}, on service date {p.ServiceDate:yyyy-MM-dd} ltcSecondaryInsured must be {Json(p.Expected)}: {p.Why}; " +
                $"the answer has {(said is { } b ? "ltcSecondaryInsured " + Json(b) : "a qualification without ltcSecondaryInsured")}");
        }
    }

    private static string Json(bool value) => value ? "true" : "false";
}

using Chukei.Contracts.Wire;

namespace Chukei.Contracts.Tests;

/// <summary>Ages as the law counts them (ELG-023): reached on the day before the birthday; 29 February on 28 February.</summary>
public sealed class AgeInLawTests
{
    [TestCase("1986-06-01", 40, "2026-05-31")]
    [TestCase("1986-03-01", 40, "2026-02-28")]
    [TestCase("1988-03-01", 40, "2028-02-29")] // the day before 1 March in a leap year
    [TestCase("1960-02-29", 65, "2025-02-28")] // no 29 February in 2025: still the 28th, not the 27th
    [TestCase("1964-02-29", 64, "2028-02-28")] // a leap year: the day before the 29th
    [TestCase("1986-01-01", 40, "2025-12-31")]
    public void DayReached_IsTheDayBeforeTheBirthday(string birth, int years, string expected)
    {
        Assert.That(AgeInLaw.DayReached(DateOnly.Parse(birth, null), years), Is.EqualTo(DateOnly.Parse(expected, null)));
    }

    [TestCase("1951-11-20", "2026-11-20")]
    [TestCase("1951-02-28", "2026-02-28")]
    [TestCase("1952-02-29", "2027-03-01")] // age 75 is reached at the end of 28 February 2027
    [TestCase("1956-02-29", "2031-03-01")]
    public void LateElderly_StartsTheDayAfterAge75IsReached(string birth, string expected)
    {
        Assert.That(AgeInLaw.LateElderlyStarts(DateOnly.Parse(birth, null)), Is.EqualTo(DateOnly.Parse(expected, null)));
    }

    [TestCase("2026-05-30", false)]
    [TestCase("2026-05-31", true)]
    [TestCase("2051-05-30", true)]
    [TestCase("2051-05-31", false)]
    public void LtcSecondaryAge_RunsFromAge40ToTheDayBeforeAge65(string date, bool expected)
    {
        Assert.That(AgeInLaw.IsLtcSecondaryAge(new DateOnly(1986, 6, 1), DateOnly.Parse(date, null)), Is.EqualTo(expected));
    }
}

namespace Chukei.Contracts.Wire;

/// <summary>
/// Ages as Japanese law counts them (年齢計算ニ関スル法律 with 民法 143): a person reaches an age at the end of the
/// day before the birthday's anniversary, so the insurance laws date the change on that day (ELG-023). For someone
/// born on 29 February that day is 28 February in every year, leap or not.
/// </summary>
public static class AgeInLaw
{
    /// <summary>Secondary LTC insured (介護保険第2号被保険者) from age 40 (介護保険法 第9条第2号).</summary>
    public const int LtcSecondaryFrom = 40;

    /// <summary>Primary LTC insured (第1号被保険者) from age 65, which ends the secondary status.</summary>
    public const int LtcPrimaryFrom = 65;

    /// <summary>The late-elderly system (後期高齢者医療) from age 75.</summary>
    public const int LateElderlyFrom = 75;

    /// <summary>
    /// The day on which a person born on <paramref name="birth"/> reaches <paramref name="years"/>. The day before the
    /// birth date, moved by whole years: moving the birthday first and then subtracting a day is wrong for 29 February
    /// in a year that has none (it gives 27 February).
    /// </summary>
    public static DateOnly DayReached(DateOnly birth, int years) => birth.AddDays(-1).AddYears(years);

    /// <summary>The first day of the late-elderly system: the day after age 75 is reached (the 75th birthday, or 1 March).</summary>
    public static DateOnly LateElderlyStarts(DateOnly birth) => DayReached(birth, LateElderlyFrom).AddDays(1);

    /// <summary>ELG-023: aged 40 to 64 on <paramref name="date"/>, as the law counts it.</summary>
    public static bool IsLtcSecondaryAge(DateOnly birth, DateOnly date) =>
        DayReached(birth, LtcSecondaryFrom) <= date && date < DayReached(birth, LtcPrimaryFrom);
}

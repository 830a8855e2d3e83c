using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>One version of a qualification the insurer under test must hold: what it says, when it was notified, when registered (null: notified, not yet registered).</summary>
public sealed record QualificationVersion(DateOnly QualificationDate, DateOnly? DisqualificationDate, string? ReasonOfLoss, DateTimeOffset NotifiedAt, DateTimeOffset? RegisteredAt);

/// <summary>A month of self-pay the insurer under test must hold for a person (ELG-012), as a <c>BenefitRecord</c> answers it.</summary>
public sealed record HeldBenefit(string Month, long SelfPay, long Reimbursed);

/// <summary>
/// One qualification the insurer under test must hold under kenpo-a's insurer number, with the history a lag case
/// needs. <paramref name="Person"/> names whose it is: records with the same person are one person's qualifications
/// (ELG-002's newer qualification), records of different people under one number are multiple matches.
/// </summary>
public sealed record InsurerPerson(string Case, string Person, string Symbol, string Number, string Branch, IReadOnlyList<QualificationVersion> Versions, string Meaning)
{
    /// <summary>The person's birth date, from which the insurer derives the secondary LTC status (ELG-023).</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>"1" the insured person (本人), "2" a dependant (家族).</summary>
    public string PersonalFamilyClassification { get; init; } = "1";

    /// <summary>The months of self-pay the insurer holds for the person (medical, kenpo-a's kind).</summary>
    public IReadOnlyList<HeldBenefit> Benefits { get; init; } = [];

    /// <summary>The co-payment ratio the record carries (integer percent; everyone published is aged 6 to 69 on every date asked: 30).</summary>
    public int CopaymentRatio { get; init; } = 30;

    /// <summary>When the insurer last registered a change for the person: what asOf must say (ELG-003).</summary>
    public DateTimeOffset LastRegistered => Versions.Where(v => v.RegisteredAt is not null).Max(v => v.RegisteredAt!.Value);
}

/// <summary>
/// The people the insurer under test holds, published as <see cref="DocumentPath"/> for vendors to load into their
/// insurer: the main person every seal names unless a case says otherwise, and the lag cases' (ELG-*): a loss registered in April 2026, a loss notified in October 2026 and never registered (a change pending),
/// and a number nobody holds. Dates are fixed, so the answers for them are too.
/// </summary>
public static class InsurerPeople
{
    public const string DocumentPath = "docs/test-vectors/insurer-people.json";

    /// <summary>The person every seal of the suite names unless a case says otherwise: insured since 2018-04-01, nothing since.</summary>
    public static InsurerPerson Main { get; } = new("main", "main", "12", "3456", "01",
    [
        new(new DateOnly(2018, 4, 1), null, null, At(2018, 4, 2), At(2018, 4, 5)),
    ], "The person the suite's seals name unless a case says otherwise: the insured person, covered from 2018-04-01 with no change since, born 1975-05-20, no self-pay held.")
    {
        BirthDate = new DateOnly(1975, 5, 20),
    };

    public static InsurerPerson Lost { get; } = new("lost", "lost", "12", "5001", "01",
    [
        new(new DateOnly(2019, 4, 1), null, null, At(2019, 4, 2), At(2019, 4, 5)),
        new(new DateOnly(2019, 4, 1), new DateOnly(2026, 4, 1), "03", At(2026, 4, 2), At(2026, 4, 5)),
    ], "Insured from 2019-04-01; lost on 2026-04-01 (reason 03: other insurance acquired), registered 2026-04-05.")
    {
        BirthDate = new DateOnly(1980, 1, 15),
    };

    public static InsurerPerson Pending { get; } = new("pending", "pending", "12", "5002", "01",
    [
        new(new DateOnly(2020, 4, 1), null, null, At(2020, 4, 2), At(2020, 4, 3)),
        new(new DateOnly(2020, 4, 1), new DateOnly(2026, 10, 1), "03", At(2026, 10, 1), null),
    ], "Insured from 2020-04-01; a loss on 2026-10-01 was notified on 2026-10-01 and is not registered: a change pending.")
    {
        BirthDate = new DateOnly(1990, 7, 7),
    };

    /// <summary>A number the insurer holds no record under.</summary>
    public static InsurerPerson Absent { get; } = new("absent", "absent", "12", "5999", "01", [], "No record: the insurer must answer no-qualification.");

    /// <summary>A qualification lost on 2025-10-01; the same person qualified again, under another number, on 2026-01-01.</summary>
    public static InsurerPerson Requalified { get; } = new("requalified-earlier", "requalified", "12", "5003", "01",
    [
        new(new DateOnly(2017, 4, 1), null, null, At(2017, 4, 2), At(2017, 4, 3)),
        new(new DateOnly(2017, 4, 1), new DateOnly(2025, 10, 1), "03", At(2025, 10, 2), At(2025, 10, 6)),
    ], "Insured from 2017-04-01; lost on 2025-10-01 (reason 03). The same person holds requalified-later: ask about this number after the loss and the answer is invalid-newer-qualification.")
    {
        BirthDate = new DateOnly(1985, 3, 3),
    };

    /// <summary>The later qualification of <see cref="Requalified"/>'s person.</summary>
    public static InsurerPerson RequalifiedLater { get; } = new("requalified-later", "requalified", "12", "5004", "01",
    [
        new(new DateOnly(2026, 1, 1), null, null, At(2026, 1, 5), At(2026, 1, 7)),
    ], "The same person as requalified-earlier, insured again from 2026-01-01 under another number.")
    {
        BirthDate = new DateOnly(1985, 3, 3),
    };

    /// <summary>One number, symbol and branch registered for two people (<see cref="SharedNumberOther"/>).</summary>
    public static InsurerPerson SharedNumber { get; } = new("shared-number", "shared-first", "12", "5005", "01",
    [
        new(new DateOnly(2021, 4, 1), null, null, At(2021, 4, 2), At(2021, 4, 3)),
    ], "Insured from 2021-04-01 under a symbol, number and branch also registered for another person (shared-number-other): the answer is multiple-matches.")
    {
        BirthDate = new DateOnly(1970, 10, 10),
    };

    /// <summary>The other person under <see cref="SharedNumber"/>'s number.</summary>
    public static InsurerPerson SharedNumberOther { get; } = new("shared-number-other", "shared-second", "12", "5005", "01",
    [
        new(new DateOnly(2022, 4, 1), null, null, At(2022, 4, 2), At(2022, 4, 4)),
    ], "Another person, insured from 2022-04-01 under the same symbol, number and branch as shared-number.")
    {
        BirthDate = new DateOnly(1972, 12, 12),
    };

    /// <summary>
    /// Insured throughout, with self-pay in months of two calculation periods (1 August – 31 July) and on both sides
    /// of April, so that only the period ELG-012 names gives the right months.
    /// </summary>
    public static InsurerPerson WithBenefits { get; } = new("benefits", "benefits", "12", "5006", "01",
    [
        new(new DateOnly(2016, 4, 1), null, null, At(2016, 4, 2), At(2016, 4, 4)),
    ], "Insured from 2016-04-01, with self-pay in the months listed under benefits (medical, in yen): the benefits answered are those of the calculation period containing the service date.")
    {
        BirthDate = new DateOnly(1962, 5, 5),
        Benefits =
        [
            new("2025-07", 31_000, 0),
            new("2025-08", 58_000, 0),
            new("2025-11", 120_500, 40_400),
            new("2026-03", 12_340, 0),
            new("2026-07", 87_600, 7_600),
            new("2026-08", 45_000, 0),
        ],
    };

    /// <summary>Reaches 40 on 2026-05-31, the day before the 40th birthday (ELG-023): a secondary LTC insured from that day.</summary>
    public static InsurerPerson TurnsForty { get; } = new("turns-40", "turns-40", "12", "5007", "01",
    [
        new(new DateOnly(2016, 4, 1), null, null, At(2016, 4, 2), At(2016, 4, 4)),
    ], "Insured from 2016-04-01, born 1986-06-01: age 40 is reached on 2026-05-31, so the person is a secondary LTC insured from that day and not on 2026-05-30.")
    {
        BirthDate = new DateOnly(1986, 6, 1),
    };

    /// <summary>Born on 29 February: age 65 is reached on 28 February 2025, a year without a 29th (ELG-023).</summary>
    public static InsurerPerson LeapDay { get; } = new("leap-day", "leap-day", "12", "5008", "01",
    [
        new(new DateOnly(2015, 4, 1), null, null, At(2015, 4, 2), At(2015, 4, 3)),
    ], "Insured from 2015-04-01, born 1960-02-29: age 65 is reached on 2025-02-28, so the person is a secondary LTC insured on 2025-02-27 and no longer on 2025-02-28.")
    {
        BirthDate = new DateOnly(1960, 2, 29),
    };

    /// <summary>A dependant aged 44: a secondary LTC insured like the insured person (ELG-023).</summary>
    public static InsurerPerson Dependant { get; } = new("dependant", "dependant", "12", "5009", "02",
    [
        new(new DateOnly(2012, 4, 1), null, null, At(2012, 4, 2), At(2012, 4, 3)),
    ], "A dependant (personalFamilyClassification 2) covered from 2012-04-01, born 1981-09-10: aged 40 to 64 in 2026, so a secondary LTC insured.")
    {
        BirthDate = new DateOnly(1981, 9, 10),
        PersonalFamilyClassification = "2",
    };

    public static IReadOnlyList<InsurerPerson> All { get; } = [Main, Lost, Pending, Absent, Requalified, RequalifiedLater, SharedNumber, SharedNumberOther, WithBenefits, TurnsForty, LeapDay, Dependant];

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The published file.</summary>
    public static string Render() => JsonSerializer.Serialize(new
    {
        description = "People the insurer under test must hold under kenpo-a's insurer number: the main person (symbol 12 number 3456 branch 01, " +
            "whom the suite's seals name unless a case says otherwise) and the people of the lag cases (ELG-*) of the insurer suite. Each entry is one qualification of the person it names: entries " +
            "with the same person are one person's, entries of different people under one number are two people. Each version is one state of " +
            "the qualification: load the versions with registeredAt as registered at that instant, and a version with registeredAt null as " +
            "notified at notifiedAt and not registered. benefits are the person's months of self-pay at this insurer (medical, in yen). birthDate is " +
            "the person's (ELG-023 derives the secondary LTC status from it) and personalFamilyClassification says whether the record is the insured " +
            "person's (1) or a dependant's (2). copaymentRatio is the ratio the record carries (integer percent).",
        people = All.Select(p => new
        {
            @case = p.Case, p.Person, p.Symbol, p.Number, p.Branch, p.PersonalFamilyClassification, p.BirthDate, p.CopaymentRatio, p.Meaning, versions = p.Versions, benefits = p.Benefits,
        }),
    }, Options) + "\n";

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Population;

/// <summary>
/// Builds the people of a <see cref="PopulationSpec"/> into the scenario (docs/scenarios.md "Generated population"):
/// households of drawn sizes in the first municipalities of the embedded table, heads aged by the pyramid, enrolled by
/// the rules — working-age people by the employment mix, 65–74 with their municipality's NHI, 75+ with the late-elderly
/// union, everyone 65+ with their municipality's LTC insurer, employees' spouses (half of them) and children as
/// dependants on the head's card. Then the life events of <see cref="LifeEventGenerator"/>.
/// </summary>
public static class PopulationGenerator
{
    /// <summary>Adds the generated insurers, people and timeline events to <paramref name="s"/>.</summary>
    public static void Generate(Scenario s)
    {
        var spec = s.Population!;
        spec.Generated = true;
        var random = new Randomizer(SeedOf(s.Seed, "population"));
        var start = ScenarioValidator.ParseInstant(s.Clock.Start)!.Value.ToOffset(Contracts.ProtocolConstants.JapanOffset).Date;
        var today = DateOnly.FromDateTime(start);
        var pool = InsurerPool.Build(s, spec);
        s.Insurers.AddRange(pool.Generated);

        var ages = Draw.Of(spec.Ages, k => ParseBand(k)!.Value);
        var sizes = Draw.Of(spec.Households, k => int.Parse(k, CultureInfo.InvariantCulture));
        var employment = Draw.Of(spec.Employment, k => k);
        var width = Math.Max(6, spec.Count.ToString(CultureInfo.InvariantCulture).Length);
        var households = new List<Household>();
        var made = 0;
        s.People.Capacity = s.People.Count + spec.Count;
        while (made < spec.Count)
        {
            var home = pool.Municipalities[random.Number(pool.Municipalities.Count - 1)];
            var h = new Household(home, AddressIn(home, random));
            households.Add(h);
            var family = PopulationTables.FamilyNames[random.Number(PopulationTables.FamilyNames.Count - 1)];
            var size = Math.Min(sizes.Pick(random), spec.Count - made);
            var (low, high) = ages.Pick(random);
            var headAge = random.Number(low, high);
            var headFemale = random.Bool();
            for (var k = 0; k < size; k++)
            {
                var age = k switch
                {
                    0 => headAge,
                    1 => Math.Clamp(headAge + random.Number(-5, 5), 20, 105),
                    _ => random.Number(0, Math.Clamp(headAge - 20, 0, 22)),
                };
                var female = k switch { 0 => headFemale, 1 => !headFemale, _ => random.Bool() };
                var birth = today.AddYears(-age).AddDays(-random.Number(0, 364));
                var member = NewMember(s, h, family, female, birth, ++made, width, random);
                Enrol(member, k, today, employment, pool, random);
            }
        }
        LifeEventGenerator.Generate(s, spec, households, pool, today, width, random);
    }

    internal static Member NewMember(Scenario s, Household h, PopulationTables.Name family, bool female, DateOnly birth, int serial, int width, Randomizer random)
    {
        var given = female ? PopulationTables.FemaleNames : PopulationTables.MaleNames;
        var name = given[random.Number(given.Count - 1)];
        var person = new PersonSpec
        {
            Id = "p" + serial.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Name = family.Kanji + " " + name.Kanji,
            Kana = family.Kana + " " + name.Kana,
            BirthDate = Dates.Text(birth),
            // 9 leads: generated numbers never collide with hand-written ones, which by convention do not start with 9.
            BasicPensionNumber = (9_000_000_000L + serial).ToString(CultureInfo.InvariantCulture),
            Residence = h.Home.Nhi.Spec.Id,
            Address = h.Address,
            Enrolments = new List<EnrolmentSpec>(2),
            Line = s.Population!.Line,
            Column = s.Population.Column,
        };
        s.People.Add(person);
        var member = new Member(person, birth, h);
        h.Members.Add(member);
        return member;
    }

    private static void Enrol(Member m, int position, DateOnly today, Draw<string> employment, InsurerPool pool, Randomizer random)
    {
        var age = m.AgeOn(today);
        var h = m.Household;
        var head = h.Head;
        var since = Later(m.Birth, today.AddDays(-random.Number(30, 3650)));
        if (position > 0 && head.IsEmployee && age < 75 && (position > 1 || random.Bool()))
        {
            // Spouses (half of them) and children of an employee are covered as dependants on the head's card.
            m.Medical = head.Medical;
            m.Dependant = true;
            m.Branch = Branch(h.NextBranch++);
            AddEnrolment(m, head.Medical!, h.Symbol, h.Number!, m.Branch, Later(m.Birth, ScenarioValidator.ParseDate(head.Spec.Enrolments[0].From)!.Value), "2", today);
        }
        else if (age >= 75)
        {
            var kouki = pool.LateElderly[h.Home.Table.PrefectureCode];
            m.Medical = kouki;
            AddEnrolment(m, kouki, null, kouki.NextNumber("D8"), "00", AgeInLaw.LateElderlyStarts(m.Birth), "1", today);
        }
        else
        {
            var kind = age is >= 20 and < 65 && position < 2 ? employment.Pick(random) : "nhi";
            var insurer = kind == "nhi" ? h.Home.Nhi : Pick(pool.Employers[kind], random);
            m.Medical = insurer;
            m.Branch = "00";
            var symbol = insurer.IsEmployee ? insurer.Symbols[random.Number(insurer.Symbols.Length - 1)] : h.Home.Table.Name[..^1];
            var number = insurer.NextNumber("D1");
            if (position == 0 && insurer.IsEmployee) (h.Symbol, h.Number) = (symbol, number);
            AddEnrolment(m, insurer, symbol, number, "00", since, "1", today);
        }
        if (age >= 65)
        {
            m.HoldsLtc = true;
            AddEnrolment(m, h.Home.Ltc, null, h.Home.Ltc.NextNumber("D10"), null, AgeInLaw.DayReached(m.Birth, AgeInLaw.LtcPrimaryFrom), "1", today);
        }
    }

    internal static void AddEnrolment(Member m, InsurerPool.Entry insurer, string? symbol, string number, string? branch, DateOnly from, string family, DateOnly today) =>
        m.Spec.Enrolments.Add(new EnrolmentSpec
        {
            Insurer = insurer.Spec.Id, Symbol = symbol, Number = number, Branch = branch, From = Dates.Text(from),
            CopaymentRatio = insurer.Spec.Kind == "ltc" ? 10 : CopaymentRatio(m.AgeOn(today)), PersonalFamilyClassification = family,
            Line = m.Spec.Line, Column = m.Spec.Column,
        });

    /// <summary>Under school age 2割, to 69 3割, 70–74 2割, 75+ 1割 (without the income test that raises some).</summary>
    internal static int CopaymentRatio(int age) => age switch { < 6 => 20, < 70 => 30, < 75 => 20, _ => 10 };

    internal static string Branch(int n) => n.ToString("D2", CultureInfo.InvariantCulture);

    internal static InsurerPool.Entry Pick(List<InsurerPool.Entry> list, Randomizer random) => list[random.Number(list.Count - 1)];

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    internal static string AddressIn(Municipal home, Randomizer random)
    {
        var t = home.Table;
        var town = PopulationTables.Towns[random.Number(PopulationTables.Towns.Count - 1)];
        var postal = $"{t.PostalArea}-{random.Number(0, 99):D2}{random.Number(1, 99):D2}";
        return string.Create(CultureInfo.InvariantCulture,
            $"〒{postal} {PopulationTables.Prefectures[t.PrefectureCode]}{t.Name}{town}{random.Number(1, 5)}丁目{random.Number(1, 30)}番{random.Number(1, 20)}号");
    }

    /// <summary>"20-39" → (20, 39); null when the band is not two ages in order.</summary>
    internal static (int Low, int High)? ParseBand(string band)
    {
        var parts = band.Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high) && low <= high && high <= 120
            ? (low, high) : null;
    }

    /// <summary>A 32-bit seed from the scenario seed and a purpose, the same on every platform.</summary>
    internal static int SeedOf(string seed, string purpose) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/" + purpose)), 0) & int.MaxValue;
}

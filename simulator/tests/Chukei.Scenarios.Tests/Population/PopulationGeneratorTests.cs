using System.Globalization;
using Chukei.Contracts.Identifiers;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Tests.Population;

/// <summary>Generated people: seeded, valid, enrolled by the rules, with readings and addresses (docs/scenarios.md "Generated population").</summary>
public sealed class PopulationGeneratorTests
{
    private static string Yaml(int count, string seed = "pop", string extra = "") => $$"""
        chukei: 1
        id: pop
        title: Population
        seed: {{seed}}
        clock: { start: 2026-04-01T09:00:00+09:00 }
        population:
          count: {{count}}
          municipalities: 3
        {{extra}}
        steps:
          - { id: s, action: verify-log }
        """;

    private static Scenario Load(int count, string seed = "pop", string extra = "") => ScenarioLoader.Load(Yaml(count, seed, extra), "pop.yaml");

    private static readonly DateOnly Start = new(2026, 4, 1);

    private static int Age(PersonSpec p)
    {
        var birth = ScenarioValidator.ParseDate(p.BirthDate)!.Value;
        return Start.Year - birth.Year - (Start.Month < birth.Month || (Start.Month == birth.Month && Start.Day < birth.Day) ? 1 : 0);
    }

    [Test]
    public void Generate_SameSeed_GivesTheSamePeople_AnotherSeed_OtherPeople()
    {
        static string Fingerprint(Scenario s) => string.Join("\n", s.People.Select(p => $"{p.Id} {p.Name} {p.Kana} {p.BirthDate} {p.Address} " +
            string.Join(",", p.Enrolments.Select(e => $"{e.Insurer}:{e.Symbol}:{e.Number}:{e.Branch}:{e.From}"))));

        var first = Fingerprint(Load(2000));
        var again = Fingerprint(Load(2000));
        var other = Fingerprint(Load(2000, seed: "other"));

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void Generate_Count_IsTheNumberOfPeople()
    {
        var s = Load(1234);

        Assert.That(s.People, Has.Count.EqualTo(1234));
    }

    [Test]
    public void Generate_NamesHaveKatakanaReadings_AndAddressesLieInTheResidenceMunicipality()
    {
        var s = Load(3000);
        var municipalities = s.Insurers.Where(i => i.Kind == "nhi").ToDictionary(i => i.Id, i => i.Name.Replace("国民健康保険", "", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            foreach (var p in s.People)
            {
                Assert.That(p.Kana, Does.Match(@"^[\u30A0-\u30FF]+ [\u30A0-\u30FF]+$"), p.Id);
                Assert.That(p.Name.Split(' '), Has.Length.EqualTo(2), p.Id);
                Assert.That(p.Address, Does.Match(@"^〒\d{3}-\d{4} .+\d丁目\d+番\d+号$"), p.Id);
                Assert.That(p.Address, Does.Contain(municipalities[p.Residence!]), p.Id);
            }
        });
    }

    [Test]
    public void Generate_EnrolsByAge_LtcFrom65_LateElderlyFrom75_NhiOrEmployeeBelow()
    {
        var s = Load(5000);
        var kinds = s.Insurers.ToDictionary(i => i.Id, i => i.Kind);

        Assert.Multiple(() =>
        {
            foreach (var p in s.People)
            {
                var age = Age(p);
                var held = p.Enrolments.Select(e => kinds[e.Insurer]).ToList();
                Assert.That(held.Count(k => k == "ltc"), Is.EqualTo(age >= 65 ? 1 : 0), $"{p.Id} aged {age}: LTC primary insured from 65");
                Assert.That(held.Count(k => k != "ltc"), Is.EqualTo(1), $"{p.Id}: exactly one medical insurance");
                if (age >= 75) Assert.That(held, Does.Contain("late-elderly"), $"{p.Id} aged {age}");
                else Assert.That(held, Does.Not.Contain("late-elderly"), $"{p.Id} aged {age}");
                if (p.Enrolments.FirstOrDefault(e => kinds[e.Insurer] == "ltc") is { } ltc)
                    Assert.That(ltc.Insurer, Is.EqualTo("ltc-" + p.Residence!["nhi-".Length..]), $"{p.Id}: LTC of the municipality lived in");
            }
        });
    }

    [Test]
    public void Generate_Dependants_ShareTheHeadsEmployeeCardUnderTheirOwnBranch()
    {
        var s = Load(5000);
        var kinds = s.Insurers.ToDictionary(i => i.Id, i => i.Kind);
        var dependants = s.People.SelectMany(p => p.Enrolments.Where(e => e.PersonalFamilyClassification == "2").Select(e => (p, e))).ToList();
        var insured = s.People.SelectMany(p => p.Enrolments.Where(e => e.PersonalFamilyClassification == "1").Select(e => (p, e)))
            .ToLookup(x => (x.e.Insurer, x.e.Symbol, x.e.Number));

        Assert.That(dependants, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (p, e) in dependants)
            {
                Assert.That(kinds[e.Insurer], Is.AnyOf("health-insurance-society", "national-association", "mutual-aid"), p.Id);
                Assert.That(e.Branch, Is.Not.EqualTo("00"), p.Id);
                var head = insured[(e.Insurer, e.Symbol, e.Number)].SingleOrDefault();
                Assert.That(head.p, Is.Not.Null, $"{p.Id}: an insured person holds the card {e.Symbol}-{e.Number}");
                Assert.That(head.p?.Address, Is.SameAs(p.Address), $"{p.Id} lives with the head");
            }
        });
    }

    [Test]
    public void Generate_InsurerNumbers_CarryValidCheckDigits_AndMunicipalityCodesTheirs()
    {
        var s = Load(100);

        Assert.Multiple(() =>
        {
            foreach (var i in s.Insurers)
            {
                Assert.That(i.Kind == "ltc" ? IdentifierRules.LtcInsurerNumber(i.Number) : IdentifierRules.MedicalInsurerNumber(i.Number), Is.Null, i.Id);
            }
            // Known 全国地方公共団体コード: 千代田区, 中央区, 港区.
            Assert.That(s.Insurers.Where(i => i.Kind == "nhi").Select(i => i.Id), Is.EqualTo(new[] { "nhi-131016", "nhi-131024", "nhi-131032" }));
        });
    }

    [Test]
    public void Generate_HeadsAges_FollowThePyramid()
    {
        var s = Load(20000, extra: """
              ages: { "30-34": 50, "70-74": 50 }
              households: { "1": 100 }
            """);
        var ages = s.People.Select(Age).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ages.All(a => a is >= 30 and <= 34 or >= 70 and <= 74), Is.True);
            Assert.That(ages.Count(a => a < 50) / (double)ages.Count, Is.EqualTo(0.5).Within(0.02));
        });
    }

    [Test]
    public void Generate_AYearOfEvents_HasEveryKind_AndExpandsToLossesAndAcquisitions()
    {
        var s = Load(10000, extra: """
              events: { period: P1Y }
            """);
        var ids = s.Timeline.Select(e => e.Id.Split('/')[1]).Select(k => k[..k.LastIndexOf('-')]).ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            foreach (var kind in new[] { "job-change", "retire", "move", "death", "birth", "turn-65", "turn-75" })
                Assert.That(ids, Does.Contain(kind), $"a year of 10,000 people has a {kind}");
            Assert.That(s.Timeline.Select(e => e.Event).Distinct(), Is.EquivalentTo(new[] { "acquire", "lose", "reside", "died" }));
            Assert.That(s.Timeline.All(e => string.CompareOrdinal(e.At, "2026-04-01") >= 0 && string.CompareOrdinal(e.At, "2027-04-02") < 0), Is.True);
            Assert.That(s.People.Count, Is.GreaterThan(10000), "newborns join the population");
        });
    }

    [TestCase("count: -5", "population.count must be between 1")]
    [TestCase("count: 10\n  ages: { \"20-39\": 50, \"40-64\": 40 }", "must sum to 100; they sum to 90")]
    [TestCase("count: 10\n  employment: { pension-fund: 100 }", "'pension-fund' is not an insurer kind")]
    [TestCase("count: 10\n  employers: { mutual-aid: 0 }", "mutual-aid has weight 8 but there is no such insurer")]
    [TestCase("count: 10\n  events: { period: P1Y, rates: { divorce: 3 } }", "'divorce' must be one of job-change")]
    public void Load_BadPopulation_IsRefusedWithFileLineColumn(string population, string message)
    {
        var yaml = $$"""
            chukei: 1
            id: pop
            title: Population
            population:
              {{population}}
            steps:
              - { id: s, action: verify-log }
            """;

        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(yaml, "pop.yaml"));

        Assert.That(ex!.Diagnostics.Select(d => d.ToString()), Has.Some.Match(@"^pop\.yaml:[5-7]:\d+: .*" + System.Text.RegularExpressions.Regex.Escape(message)));
    }

    [Test]
    public void LocalGovernmentCheckDigit_OfKnownCodes_IsTheirLastDigit()
    {
        // 札幌市 011002, 千代田区 131016, 横浜市 141003, 神戸市 281000 (remainder 1 → 0), 福岡市 401307.
        foreach (var code in new[] { "011002", "131016", "141003", "281000", "401307" })
            Assert.That(Chukei.Scenarios.Population.PopulationTables.LocalGovernmentCheckDigit(code[..5]).ToString(CultureInfo.InvariantCulture), Is.EqualTo(code[5..]), code);
    }
}

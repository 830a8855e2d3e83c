using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Tests.Loading;

/// <summary>Life events become the enrolment changes the rules imply (docs/scenarios.md "Life events").</summary>
public sealed class LifeEventsTests
{
    private const string People = """
        chukei: 1
        id: t
        title: T
        insurers:
          - { id: ltc-chiyoda, kind: ltc, name: 千代田区, number: "131011" }
          - { id: nhi-chiyoda, kind: nhi, name: 千代田区国保, number: "138107" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 健保, number: "06139992" }
          - { id: kyokai-tokyo, kind: national-association, name: 協会, number: "01130004" }
          - { id: koki-tokyo, kind: late-elderly, name: 後期, number: "39130018" }
          - { id: ltc-chuo, kind: ltc, name: 中央区, number: "131029" }
          - { id: nhi-chuo, kind: nhi, name: 中央区国保, number: "138115" }
        people:
          - id: hanako
            name: 山田 花子
            birthDate: 1961-04-02
            basicPensionNumber: "1234567890"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "00", from: 2018-04-01 }
          - id: sakura
            name: 山田 さくら
            basicPensionNumber: "9999999991"
          - id: jiro
            name: 鈴木 次郎
            birthDate: 1961-04-02
            basicPensionNumber: "3456789012"
          - id: kenji
            name: 佐藤 健二
            birthDate: 1986-06-01
            basicPensionNumber: "5678901234"
            enrolments:
              - { insurer: kyokai-tokyo, symbol: "5501", number: "40", branch: "00", from: 2009-04-01 }
          - id: leap
            name: 高橋 閏
            birthDate: 1960-02-29
            basicPensionNumber: "4567890123"
          - id: taro
            name: 佐藤 太郎
            birthDate: 1956-11-02
            basicPensionNumber: "2345678901"
            residence: nhi-chiyoda
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000067890", from: 2021-11-02 }
              - { insurer: nhi-chiyoda, symbol: "千代田", number: "880123", branch: "00", from: 2021-04-01, copaymentRatio: 20 }
        timeline:
        """;

    private static List<(string Event, string Insurer, string At, string? Reason)> Expand(string timeline)
    {
        var scenario = ScenarioLoader.Load(People + "\n" + timeline + "\nsteps:\n  - { id: s, action: verify-log }\n", "t.yaml");
        return scenario.Timeline.Select(e => (e.Event, e.Insurer, e.At, e.ReasonOfLoss)).ToList();
    }

    [Test]
    public void JobChange_LosesTheOpenMedicalWithReason03AndAcquiresTheNewOneTheSameDay()
    {
        var e = Expand("  - { id: e, at: 2026-09-01, event: job-change, person: hanako, to: kyokai-tokyo, symbol: '7', number: '42', branch: '00' }");

        Assert.That(e, Is.EqualTo(new[] { ("lose", "kenpo-chukei", "2026-09-01", (string?)"03"), ("acquire", "kyokai-tokyo", "2026-09-01", null) }));
    }

    [Test]
    public void Retire_WithoutNhi_LosesOnly_AndWithNhi_JoinsIt()
    {
        var alone = Expand("  - { id: e, at: 2026-10-01, event: retire, person: hanako }");
        var withNhi = Expand("  - { id: e, at: 2026-10-01, event: retire, person: hanako, to: nhi-chiyoda, number: '880123', branch: '00' }");

        Assert.That(alone, Is.EqualTo(new[] { ("lose", "kenpo-chukei", "2026-10-01", (string?)"99") }));
        Assert.That(withNhi.Select(x => (x.Event, x.Insurer)), Is.EqualTo(new[] { ("lose", "kenpo-chukei"), ("acquire", "nhi-chiyoda") }));
    }

    [Test]
    public void Death_EndsEveryOpenQualificationTheNextDayWithReason01_AndTheRegistryRecordsIt()
    {
        var e = Expand("  - { id: e, at: 2026-11-10, event: death, person: hanako }");

        Assert.That(e, Is.EquivalentTo(new[]
        {
            ("died", "", "2026-11-10", (string?)null), ("lose", "kenpo-chukei", "2026-11-11", "01"), ("lose", "ltc-chiyoda", "2026-11-11", "01"),
        }));
    }

    [Test]
    public void Birth_AcquiresAsDependantUnderTheParentsCard()
    {
        var scenario = ScenarioLoader.Load(People + "\n  - { id: e, at: 2026-11-05, event: birth, person: sakura, parent: hanako, branch: '01' }\nsteps:\n  - { id: s, action: verify-log }\n", "t.yaml");

        var child = scenario.Timeline.Single();
        Assert.That((child.Event, child.Insurer, child.Symbol, child.Number, child.Branch, child.PersonalFamilyClassification, child.CopaymentRatio),
            Is.EqualTo(("acquire", "kenpo-chukei", "12", "3456", "01", "2", 20)));
    }

    [Test]
    public void Turn65_DefaultsToTheDayBeforeTheBirthday_Turn75ToTheBirthday()
    {
        var e = Expand("""
              - { id: a, event: turn-65, person: jiro, to: ltc-chiyoda, number: '0000099999' }
              - { id: b, event: turn-75, person: jiro, to: koki-tokyo, number: '10001', branch: '00' }
            """);

        Assert.That(e.Where(x => x.Event == "acquire").Select(x => (x.Insurer, x.At)),
            Is.EqualTo(new[] { ("ltc-chiyoda", "2026-04-01"), ("koki-tokyo", "2036-04-02") }));
    }

    [Test]
    public void BornOn29February_Turns65On28February_And75On1MarchInAYearWithout29February()
    {
        var e = Expand("""
              - { id: a, event: turn-65, person: leap, to: ltc-chiyoda, number: '0000099998' }
              - { id: b, event: turn-75, person: leap, to: koki-tokyo, number: '10002', branch: '00' }
            """);

        Assert.That(e.Where(x => x.Event == "acquire").Select(x => (x.Insurer, x.At)),
            Is.EqualTo(new[] { ("ltc-chiyoda", "2025-02-28"), ("koki-tokyo", "2035-03-01") }));
    }

    [Test]
    public void Turn40_IsTheDayAge40IsReached_WithTheMedicalInsurerThatCoversThePersonThen()
    {
        var covered = Expand("  - { id: a, event: turn-40, person: kenji }");
        var notYetCovered = Expand("  - { id: a, event: turn-40, person: hanako }");
        var uncovered = Expand("  - { id: a, event: turn-40, person: jiro }");

        Assert.That(covered, Is.EqualTo(new[] { (LifeEvents.AgeFortyReached, "kyokai-tokyo", "2026-05-31", (string?)null) }), "changes no enrolment");
        Assert.That(notYetCovered, Is.EqualTo(new[] { (LifeEvents.AgeFortyReached, "", "2001-04-01", (string?)null) }), "her enrolment begins in 2018");
        Assert.That(uncovered, Is.EqualTo(new[] { (LifeEvents.AgeFortyReached, "", "2001-04-01", (string?)null) }));
    }

    [TestCase("  - { id: e, at: 2001-04-02, event: turn-40, person: hanako }", "hanako reaches 40 on 2001-04-01")]
    [TestCase("  - { id: e, at: 2001-04-01, event: turn-40, person: sakura }", "sakura needs a birthDate")]
    [TestCase("  - { id: e, at: 2026-09-01, event: job-change, person: hanako }", "'to' is required for job-change")]
    [TestCase("  - { id: e, at: 2026-09-01, event: emigrate, person: hanako }", "must be one of acquire, lose, hire")]
    [TestCase("  - { id: e, at: 2026-09-01, event: birth, person: sakura, parent: nobody }", "'parent' must name a person")]
    [TestCase("  - { id: e, event: turn-75, person: sakura, to: koki-tokyo }", "needs a birthDate")]
    public void LifeEvent_Incomplete_SaysWhatIsMissingAtTheEvent(string timeline, string message)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(People + "\n" + timeline + "\nsteps:\n  - { id: s, action: verify-log }\n", "t.yaml"))!;

        Assert.That(ex.Diagnostics.Select(d => d.Message), Has.Some.Contain(message));
        Assert.That(ex.Diagnostics[0].Line, Is.EqualTo(People.Split('\n').Length + 1), "points at the event");
    }

    [Test]
    public void Move_OnNhiWithLtc_ChangesNhiAndLtcTogetherAndTheResidence()
    {
        var e = Expand("  - { id: e, at: 2026-10-01, event: move, person: taro, to: nhi-chuo, symbol: '中央', number: '770456', branch: '00', copaymentRatio: 20, ltc: ltc-chuo, ltcNumber: '0000099001' }");

        Assert.That(e.Select(x => (x.Event, x.Insurer, x.At)), Is.EqualTo(new[]
        {
            ("reside", "nhi-chuo", "2026-10-01"), ("lose", "nhi-chiyoda", "2026-10-01"), ("acquire", "nhi-chuo", "2026-10-01"),
            ("lose", "ltc-chiyoda", "2026-10-01"), ("acquire", "ltc-chuo", "2026-10-01"),
        }));
    }

    [Test]
    public void Move_OfAnEmployee_ChangesOnlyTheResidenceAndTheLtc()
    {
        var e = Expand("  - { id: e, at: 2026-10-01, event: move, person: hanako, to: nhi-chuo, ltc: ltc-chuo, ltcNumber: '0000099002' }");

        Assert.That(e.Select(x => (x.Event, x.Insurer)), Is.EqualTo(new[] { ("reside", "nhi-chuo"), ("lose", "ltc-chiyoda"), ("acquire", "ltc-chuo") }),
            "employee insurance does not depend on the municipality");
    }

    [Test]
    public void Move_OnNhiWithoutANewNumber_IsRefusedWithItsPosition()
    {
        var ex = Assert.Throws<ScenarioException>(() => Expand("  - { id: e, at: 2026-10-01, event: move, person: taro, to: nhi-chuo, ltc: ltc-chuo, ltcNumber: '0000099001' }"));

        Assert.That(ex!.Diagnostics.Single().ToString(), Does.Contain("give the new card's 'number'").And.StartWith("t.yaml:"));
    }
}

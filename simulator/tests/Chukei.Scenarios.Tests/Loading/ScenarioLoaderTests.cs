using Chukei.Scenarios.Loading;

namespace Chukei.Scenarios.Tests.Loading;

/// <summary>Broken scenarios are reported as file:line:column with a reason; nothing runs.</summary>
public sealed class ScenarioLoaderTests
{
    private const string Valid = """
        chukei: 1
        id: t
        title: T
        insurers:
          - { id: ltc-chiyoda, kind: ltc, name: 千代田区, number: "131011" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 健保, number: "06139992" }
        people:
          - id: hanako
            name: 山田 花子
            basicPensionNumber: "1234567890"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
        steps:
          - { id: s1, action: verify-log }
        """;

    private static ScenarioDiagnostic Single(string yaml)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(yaml, "s.yaml"))!;
        Assert.That(ex.Diagnostics, Has.Count.GreaterThanOrEqualTo(1));
        return ex.Diagnostics[0];
    }

    [Test]
    public void Load_ValidScenario_Loads() => Assert.That(ScenarioLoader.Load(Valid, "s.yaml").People[0].Enrolments, Has.Count.EqualTo(1));

    [Test]
    public void Load_BrokenYamlSyntax_ReportsLineAndColumn()
    {
        var d = Single(Valid.Replace("title: T", "title: [unclosed", StringComparison.Ordinal));

        Assert.That(d.File, Is.EqualTo("s.yaml"));
        Assert.That(d.Line, Is.EqualTo(3));
        Assert.That(d.ToString(), Does.StartWith("s.yaml:3:"));
    }

    [Test]
    public void Load_UnknownKey_ReportsItsPosition()
    {
        var d = Single(Valid.Replace("title: T", "title: T\nseeed: 3", StringComparison.Ordinal));

        Assert.That(d.Line, Is.EqualTo(4));
        Assert.That(d.Column, Is.EqualTo(1));
        Assert.That(d.Message, Does.Contain("unknown key 'seeed'"));
    }

    [Test]
    public void Load_ValueOfWrongType_ReportsItsPosition()
    {
        var d = Single(Valid.Replace("from: 2023-03-10 }", "from: 2023-03-10, copaymentRatio: lots }", StringComparison.Ordinal));

        Assert.That(d.Line, Is.EqualTo(12));
        Assert.That(d.Message, Does.Contain("wrong type").Or.Contain("lots"));
    }

    [Test]
    public void Load_EnrolmentAtUnknownInsurer_PointsAtTheEnrolment()
    {
        var d = Single(Valid.Replace("insurer: ltc-chiyoda, number", "insurer: ltc-nowhere, number", StringComparison.Ordinal));

        Assert.That((d.Line, d.Column), Is.EqualTo((12, 9)));
        Assert.That(d.Message, Does.Contain("unknown insurer 'ltc-nowhere'"));
    }

    [Test]
    public void Load_InsurerNumberWithWrongCheckDigit_SaysWhichDigitWasExpected()
    {
        var d = Single(Valid.Replace("\"06139992\"", "\"06139993\"", StringComparison.Ordinal));

        Assert.That(d.Line, Is.EqualTo(6));
        Assert.That(d.Message, Does.Contain("expected 2"));
    }

    [Test]
    public void Load_StepWithUnknownAction_ListsTheActions()
    {
        var d = Single(Valid.Replace("action: verify-log", "action: fly", StringComparison.Ordinal));

        Assert.That(d.Line, Is.EqualTo(14));
        Assert.That(d.Message, Does.Contain("flow, routed, lookup"));
    }

    [Test]
    public void Load_WrongLanguageVersion_IsRefused()
    {
        var d = Single(Valid.Replace("chukei: 1", "chukei: 2", StringComparison.Ordinal));

        Assert.That(d.Message, Does.Contain("'chukei: 1' is required"));
    }

    private static string WithTimeline(string timeline, string steps = "  - { id: s1, action: verify-log }") =>
        Valid.Replace("steps:\n  - { id: s1, action: verify-log }", "timeline:\n" + timeline + "\nsteps:\n" + steps, StringComparison.Ordinal);

    [TestCase("  - { id: e1, at: 2026-09-01, event: lose, person: hanako, insurer: kenpo-chukei }", "holds no open qualification at kenpo-chukei", TestName = "Timeline_LossOfWhatIsNotHeld_IsRefused")]
    [TestCase("  - { id: e1, at: 2026-09-01, event: lose, person: nobody, insurer: ltc-chiyoda }", "person 'nobody' is not defined", TestName = "Timeline_UnknownPerson_IsRefused")]
    [TestCase("  - { id: e1, at: 1900-01-01, event: acquire, person: hanako, insurer: kenpo-chukei, number: '1', branch: '00' }", "before hanako was born", TestName = "Timeline_EventBeforeBirth_IsRefused")]
    [TestCase("  - { id: e1, at: 2026-09-01, event: acquire, person: hanako, insurer: ltc-chiyoda, number: '0000000001' }", "already holds a qualification at ltc-chiyoda", TestName = "Timeline_OverlappingEnrolment_IsRefused")]
    [TestCase("  - { id: e1, at: 2026-09-01, event: lose, person: hanako, insurer: ltc-chiyoda, lag: { relay: 5 days } }", "must be an ISO 8601 duration", TestName = "Timeline_LagThatIsNoDuration_IsRefused")]
    [TestCase("  - { id: e1, at: 2026-09-31, event: lose, person: hanako, insurer: ltc-chiyoda }", "must be a date", TestName = "Timeline_ImpossibleDate_IsRefused")]
    public void Load_BrokenTimeline_SaysWhatIsWrongAtTheEvent(string timeline, string message)
    {
        var d = Single(WithTimeline(timeline).Replace("name: 山田 花子", "name: 山田 花子\n    birthDate: 1958-03-10", StringComparison.Ordinal));

        Assert.That(d.Message, Does.Contain(message));
        Assert.That(d.Line, Is.GreaterThanOrEqualTo(15), "points at the timeline, not the file start");
    }

    [Test]
    public void Load_StepsOutOfTimeOrder_AreRefused()
    {
        var d = Single(WithTimeline("  []", "  - { id: s1, at: 2026-09-02T00:00:00, action: verify-log }\n  - { id: s2, at: 2026-09-01T00:00:00, action: verify-log }").Replace("timeline:\n  []", "timeline: []", StringComparison.Ordinal));

        Assert.That(d.Message, Does.Contain("step 's2'").And.Contain("time order"));
    }

    [Test]
    public void LoadFile_Missing_SaysFileNotFound()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile("/nonexistent/s.yaml"))!;

        Assert.That(ex.Diagnostics[0].Message, Is.EqualTo("file not found"));
    }
}

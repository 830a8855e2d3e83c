using Chukei.Conformance.Evidence;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.SelfTests.Runs;

/// <summary>Issue 21 §3: a verdict writes dates and times as the protocol does, never as the culture or .NET's round-trip format would.</summary>
public sealed class DetailTests
{
    private static readonly DateOnly ServiceDate = new(2026, 4, 1);
    private static readonly DateTimeOffset AsOf = new(2026, 11, 2, 10, 15, 30, 120, TimeSpan.FromHours(9));

    [Test]
    public void Must_DatesAndTimesInTheMessage_AreWrittenTheProtocolsWay()
    {
        // Arrange
        var check = new CheckContext("ELG-003", new EvidenceRecorder());
        DateOnly? lossDate = ServiceDate.AddDays(-1);
        DateTimeOffset? pendingSince = AsOf.AddTicks(1234);

        // Act
        var violation = Assert.Throws<RequirementViolationException>(() =>
            check.Must(false, $"for {ServiceDate} asOf is {AsOf}, round-trip {AsOf:O}, loss {lossDate}, pending since {pendingSince}, count {1234.5}"));

        // Assert
        Assert.That(violation!.Message, Does.StartWith(
            "ELG-003 (MUST) violated: for 2026-04-01 asOf is 2026-11-02T01:15:30.120Z, round-trip 2026-11-02T01:15:30.120Z, loss 2026-03-31, " +
            "pending since 2026-11-02T01:15:30.120Z, count 1234.5"));
    }

    [Test]
    public void Must_AHoleWithItsOwnFormat_KeepsIt()
    {
        var check = new CheckContext("ELG-003", new EvidenceRecorder());

        var violation = Assert.Throws<RequirementViolationException>(() => check.Must(false, $"month {ServiceDate:yyyy-MM}"));

        Assert.That(violation!.Message, Does.StartWith("ELG-003 (MUST) violated: month 2026-04"));
    }

    [Test]
    public void Must_ConditionHolds_DoesNotBuildTheMessage()
    {
        // Arrange
        var check = new CheckContext("ELG-003", new EvidenceRecorder());
        var built = 0;
        string Expensive() { built++; return "text"; }

        // Act
        check.Must(true, $"never shown: {Expensive()}");

        // Assert
        Assert.That(built, Is.Zero);
    }

    [Test]
    public void Unreachable_DatesInTheReason_AreWrittenTheProtocolsWay()
    {
        var check = new CheckContext("ELG-003", new EvidenceRecorder());

        var unreachable = check.Unreachable($"the loss of {ServiceDate} is not registered");

        Assert.That(unreachable.Message, Is.EqualTo("ELG-003: not checked: the loss of 2026-04-01 is not registered"));
    }
}

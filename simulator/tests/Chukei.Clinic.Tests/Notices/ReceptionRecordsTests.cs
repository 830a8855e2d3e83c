using Chukei.Clinic.Notices;
using Chukei.Contracts.Wire;

namespace Chukei.Clinic.Tests.Notices;

/// <summary>ELG-021 in the reference clinic's own records: a notice supersedes the check it names, once.</summary>
public sealed class ReceptionRecordsTests
{
    private static readonly DateOnly ServiceDate = new(2026, 8, 3);

    private static DeliveredRetroactiveNotice Delivered(string logEntryId, string correlationId = "rcpt-1", string relayLogEntryId = "L-1", DateOnly? serviceDate = null) => new()
    {
        Provider = "kenpo-chukei",
        LogEntryId = logEntryId,
        ReceivedAt = new DateTimeOffset(2026, 8, 4, 0, 0, 0, TimeSpan.Zero),
        Notice = new RetroactiveChangeNotice
        {
            NoticeId = "N-1", Requester = "clinic.chukei.test", RelayLogEntryId = relayLogEntryId, InsurerLogEntryId = "I-1", CorrelationId = correlationId,
            ServiceDate = serviceDate ?? ServiceDate, PreviousStatus = EligibilityStatus.Valid, Status = EligibilityStatus.Invalid,
            DisqualificationDate = ServiceDate, ReasonOfLoss = "03", RegisteredAt = new DateTimeOffset(2026, 8, 4, 0, 0, 0, TimeSpan.Zero),
        },
    };

    [Test]
    public void Notice_SupersedesTheCheckItNames_AndIsHeldOnce()
    {
        // Arrange
        var records = new ReceptionRecords();
        records.Keep("rcpt-1", "L-1", ServiceDate);

        // Act
        var first = records.Store(Delivered("R-9"));
        var again = records.Store(Delivered("R-9"));

        // Assert
        Assert.That((first, again), Is.EqualTo((true, false)));
        Assert.That(records.Held.Select(h => (h.NoticeLogEntryId, h.RelayLogEntryId, h.Status, h.DisqualificationDate)),
            Is.EqualTo(new[] { ("R-9", "L-1", EligibilityStatus.Invalid, (DateOnly?)ServiceDate) }));
        Assert.That(records.IsReliable("rcpt-1", "L-1"), Is.False, "a superseded answer is not relied on for the claim");
    }

    [Test]
    public void Notice_NamingAnotherCheckOrDate_SupersedesNothing()
    {
        // Arrange
        var records = new ReceptionRecords();
        records.Keep("rcpt-1", "L-1", ServiceDate);

        // Act
        var otherEntry = records.Store(Delivered("R-1", relayLogEntryId: "L-2"));
        var otherCorrelation = records.Store(Delivered("R-2", correlationId: "rcpt-2"));
        var otherDate = records.Store(Delivered("R-3", serviceDate: ServiceDate.AddDays(-1)));

        // Assert
        Assert.That((otherEntry, otherCorrelation, otherDate), Is.EqualTo((false, false, false)));
        Assert.That(records.Held, Is.Empty);
        Assert.That(records.IsReliable("rcpt-1", "L-1"), Is.True);
    }
}

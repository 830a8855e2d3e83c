using Chukei.Insurers.Records;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Running;

namespace Chukei.Scenarios.Tests.Running;

public sealed class FactsTests
{
    [Test]
    public void Facts_EventNamedLikeAStartingEnrolment_IsAQualificationOfItsOwn()
    {
        // Arrange: hanako's starting enrolment (index 0) ended; an event the author named "0" enrols her again at the same insurer.
        var kenpo = new InsurerSpec { Id = "kenpo", Kind = "health-insurance-society", Name = "健保", Number = "06139992" };
        var start = new EnrolmentSpec { Insurer = "kenpo", Number = "3456", From = "2018-04-01", To = "2026-04-01" };
        var hanako = new PersonSpec { Id = "hanako", Name = "山田 花子", BasicPensionNumber = "1234567890", Enrolments = [start] };
        var scenario = new Scenario { Insurers = [kenpo], People = [hanako] };
        var rejoined = new TimelineEventSpec { Id = "0", At = "2026-06-01", Event = "acquire", Person = "hanako", Insurer = "kenpo", Number = "7890" };
        var at = new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);
        var book = new InsurerBook();

        // Act
        book.Add(Facts.FromEnrolment(scenario, hanako, start, 0, at, kenpo));
        book.Add(Facts.FromEvent(hanako, kenpo, rejoined, at, at));

        // Assert: two qualifications, not the event's record taken for a new version of the first.
        Assert.That(book.RegisteredFor("1234567890", at).Select(f => f.Number), Is.EqualTo(new[] { "3456", "7890" }));
    }
}

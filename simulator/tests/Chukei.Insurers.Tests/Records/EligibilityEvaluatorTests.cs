using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;

namespace Chukei.Insurers.Tests.Records;

/// <summary>Eligibility on a service date from what the insurer has registered (docs/protocol.md §9).</summary>
public sealed class EligibilityEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly SealedInsured Card = new() { Kind = InsuranceKind.Medical, InsurerNumber = "06139992", Symbol = "12", Number = "3456", Branch = "02" };

    private static QualificationFact Fact(string id = "q1", string person = "p1", string number = "3456", DateOnly? from = null, DateOnly? to = null,
        DateTimeOffset? notified = null, DateTimeOffset? registered = null, int ratio = 30) => new()
    {
        QualificationId = id, PersonKey = person, Kind = InsuranceKind.Medical, Symbol = "12", Number = number, Branch = "02",
        QualificationDate = from ?? new DateOnly(2018, 4, 1), DisqualificationDate = to, ReasonOfLoss = to is null ? null : LossReasons.OtherInsurance,
        CopaymentRatio = ratio, NotifiedAt = notified ?? T0.AddDays(-30), RegisteredAt = registered ?? T0.AddDays(-30),
    };

    [Test]
    public void Evaluate_ServiceDateInsideTheQualification_IsValid()
    {
        var book = new InsurerBook();
        book.Add(Fact());

        var r = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 8, 1), T0);

        Assert.That(r.Status, Is.EqualTo(EligibilityStatus.Valid));
        Assert.That(r.PendingSince, Is.Null);
        Assert.That(r.AsOf, Is.EqualTo(T0.AddDays(-30)));
    }

    [Test]
    public void Evaluate_ServiceDateOnTheLossDate_IsInvalidBecauseTheLossDateIsTheFirstDayNotCovered()
    {
        var book = new InsurerBook();
        book.Add(Fact(to: new DateOnly(2026, 8, 1)));

        var r = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 8, 1), T0);

        Assert.That(r.Status, Is.EqualTo(EligibilityStatus.Invalid));
        Assert.That(r.Fact!.DisqualificationDate, Is.EqualTo(new DateOnly(2026, 8, 1)));
    }

    [Test]
    public void Evaluate_PastServiceDateBeforeTheLoss_IsAnsweredForThatDate()
    {
        var book = new InsurerBook();
        book.Add(Fact(to: new DateOnly(2026, 8, 1)));

        var r = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 7, 15), T0);

        Assert.That(r.Status, Is.EqualTo(EligibilityStatus.Valid));
    }

    [Test]
    public void Evaluate_LostAndRequalifiedAtTheSameInsurer_IsInvalidWithNewerQualification()
    {
        var book = new InsurerBook();
        book.Add(Fact(to: new DateOnly(2026, 4, 1)));
        book.Add(Fact(id: "q2", number: "9999", from: new DateOnly(2026, 4, 1)));

        var r = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 8, 1), T0);

        Assert.That(r.Status, Is.EqualTo(EligibilityStatus.InvalidNewerQualification));
    }

    [Test]
    public void Evaluate_ServiceDateBeforeTheQualification_IsNoQualification()
    {
        var book = new InsurerBook();
        book.Add(Fact(from: new DateOnly(2026, 9, 1)));

        var r = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 8, 1), T0);

        Assert.That(r.Status, Is.EqualTo(EligibilityStatus.NoQualification));
    }

    [Test]
    public void Evaluate_UnknownNumber_IsNoQualification()
    {
        var r = EligibilityEvaluator.Evaluate(new InsurerBook(), Card, new DateOnly(2026, 8, 1), T0);

        Assert.That(r.Status, Is.EqualTo(EligibilityStatus.NoQualification));
    }

    [Test]
    public void Evaluate_NumberRegisteredForTwoPeople_IsMultipleMatches()
    {
        var book = new InsurerBook();
        book.Add(Fact());
        book.Add(Fact(id: "q9", person: "p2"));

        var r = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 8, 1), T0);

        Assert.That(r.Status, Is.EqualTo(EligibilityStatus.MultipleMatches));
    }

    [Test]
    public void Evaluate_LossNotifiedButNotYetRegistered_AnswersValidWithChangePending()
    {
        // The employer filed the loss two days ago; the insurer's database registers it in three days.
        var book = new InsurerBook();
        book.Add(Fact());
        book.Add(Fact(to: new DateOnly(2026, 8, 1), notified: T0.AddDays(-2), registered: T0.AddDays(3)));

        var before = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 8, 2), T0);
        var after = EligibilityEvaluator.Evaluate(book, Card, new DateOnly(2026, 8, 2), T0.AddDays(3));

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(EligibilityStatus.Valid), "answers come only from what is registered");
            Assert.That(before.PendingSince, Is.EqualTo(T0.AddDays(-2)));
            Assert.That(after.Status, Is.EqualTo(EligibilityStatus.Invalid));
            Assert.That(after.PendingSince, Is.Null);
            Assert.That(after.AsOf, Is.EqualTo(T0.AddDays(3)));
        });
    }

    [Test]
    public void Book_RegisteredWithNumber_GivesTheNewestRegisteredVersionOfEachHolder()
    {
        var book = new InsurerBook();
        book.Add(Fact(id: "q1", person: "p1"));
        book.Add(Fact(id: "q1", person: "p1", to: new DateOnly(2026, 9, 1), registered: T0.AddDays(1)));
        book.Add(Fact(id: "q2", person: "p2"));
        book.Add(Fact(id: "q3", person: "p3", number: "9999"));

        var now = book.RegisteredWithNumber("3456", T0);
        var later = book.RegisteredWithNumber("3456", T0.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(now.Select(f => (f.PersonKey, f.DisqualificationDate)), Is.EqualTo(new[] { ("p1", (DateOnly?)null), ("p2", null) }));
            Assert.That(later.Select(f => (f.PersonKey, f.DisqualificationDate)), Is.EqualTo(new[] { ("p1", (DateOnly?)new DateOnly(2026, 9, 1)), ("p2", null) }));
            Assert.That(book.RegisteredAt(T0.AddDays(1)).Select(f => f.QualificationId), Is.EqualTo(new[] { "q1", "q2", "q3" }));
        });
    }
}

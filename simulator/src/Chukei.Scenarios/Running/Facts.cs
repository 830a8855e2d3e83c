using System.Globalization;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Running;

/// <summary>Insurer-book records built from a scenario's enrolments and timeline events; one place, so ids always agree.</summary>
internal static class Facts
{
    // A book compares qualification ids only among one person's records, so ids need to be unique per person only:
    // a starting enrolment's id is its index (shared strings, no allocation per record for a million people), an
    // event's is "event/" and the event's id (never a bare number, so the two cannot meet).
    private static readonly string[] StartingIds = [.. Enumerable.Range(0, 16).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public static string QualificationId(int enrolmentIndex) =>
        enrolmentIndex < StartingIds.Length ? StartingIds[enrolmentIndex] : enrolmentIndex.ToString(CultureInfo.InvariantCulture);

    public static string QualificationId(TimelineEventSpec ev) => "event/" + ev.Id;

    public static QualificationFact FromEnrolment(Scenario scenario, PersonSpec person, EnrolmentSpec e, int index, DateTimeOffset registeredAt, InsurerSpec? insurer = null) => new()
    {
        QualificationId = QualificationId(index),
        PersonKey = person.BasicPensionNumber,
        Kind = (insurer ?? scenario.Insurers.First(i => i.Id == e.Insurer)).Kind == "ltc" ? InsuranceKind.Ltc : InsuranceKind.Medical,
        Symbol = e.Symbol,
        Number = e.Number,
        Branch = e.Branch,
        PersonalFamilyClassification = e.PersonalFamilyClassification,
        QualificationDate = ScenarioValidator.ParseDate(e.From)!.Value,
        DisqualificationDate = ScenarioValidator.ParseDate(e.To),
        ReasonOfLoss = e.ReasonOfLoss,
        CopaymentRatio = e.CopaymentRatio,
        BirthDate = ScenarioValidator.ParseDate(person.BirthDate),
        NotifiedAt = registeredAt,
        RegisteredAt = registeredAt,
    };

    public static QualificationFact FromEvent(PersonSpec person, InsurerSpec insurer, TimelineEventSpec ev, DateTimeOffset notified, DateTimeOffset registered) => new()
    {
        QualificationId = QualificationId(ev),
        PersonKey = person.BasicPensionNumber,
        Kind = insurer.Kind == "ltc" ? InsuranceKind.Ltc : InsuranceKind.Medical,
        Symbol = ev.Symbol,
        Number = ev.Number!,
        Branch = ev.Branch,
        PersonalFamilyClassification = ev.PersonalFamilyClassification,
        QualificationDate = ScenarioValidator.ParseDate(ev.At)!.Value,
        CopaymentRatio = ev.CopaymentRatio,
        BirthDate = ScenarioValidator.ParseDate(person.BirthDate),
        NotifiedAt = notified,
        RegisteredAt = registered,
    };
}

using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Running;

/// <summary>Insurer-book records built from a scenario's enrolments and timeline events; one place, so ids always agree.</summary>
internal static class Facts
{
    public static string QualificationId(PersonSpec person, int enrolmentIndex) => $"{person.Id}/{enrolmentIndex}";

    public static QualificationFact FromEnrolment(Scenario scenario, PersonSpec person, EnrolmentSpec e, int index, DateTimeOffset registeredAt, InsurerSpec? insurer = null) => new()
    {
        QualificationId = QualificationId(person, index),
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
        NotifiedAt = registeredAt,
        RegisteredAt = registeredAt,
    };

    public static QualificationFact FromEvent(PersonSpec person, InsurerSpec insurer, TimelineEventSpec ev, DateTimeOffset notified, DateTimeOffset registered) => new()
    {
        QualificationId = $"{person.Id}/{ev.Id}",
        PersonKey = person.BasicPensionNumber,
        Kind = insurer.Kind == "ltc" ? InsuranceKind.Ltc : InsuranceKind.Medical,
        Symbol = ev.Symbol,
        Number = ev.Number!,
        Branch = ev.Branch,
        PersonalFamilyClassification = ev.PersonalFamilyClassification,
        QualificationDate = ScenarioValidator.ParseDate(ev.At)!.Value,
        CopaymentRatio = ev.CopaymentRatio,
        NotifiedAt = notified,
        RegisteredAt = registered,
    };
}

using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// Lag at the insurer (docs/protocol.md §9.1–§9.2, ELG-002 … ELG-011): statuses for a service date, past dates answered
/// for that date, asOf, and a notified but unregistered change reported as pending without changing the answer. The
/// target holds the people of <see cref="InsurerPeople"/>.
/// </summary>
public static class LagChecks
{
    private static readonly DateOnly BeforeLoss = new(2026, 3, 31);
    private static readonly DateOnly LossDate = new(2026, 4, 1);

    /// <summary>ELG-002 / ELG-008: on and after the disqualification date the status is invalid, with the date and reason.</summary>
    public static async Task AfterLossAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.Lost, LossDate, "after-loss");
        check.Must(answer.Status == EligibilityStatus.Invalid, $"{Who(InsurerPeople.Lost)} lost the qualification on {LossDate}; for service date {LossDate} the status must be invalid, not {answer.Status}");
        if (check.RequirementId == "ELG-008")
        {
            check.Must(answer.Qualification?.DisqualificationDate == LossDate, $"the invalid answer's disqualificationDate is {answer.Qualification?.DisqualificationDate}, the record's {LossDate}");
            check.Must(answer.Qualification?.ReasonOfLoss == "03", $"the invalid answer's reasonOfLoss is '{answer.Qualification?.ReasonOfLoss}', the record's 03");
        }
    }

    /// <summary>ELG-007: a past service date is answered for that date from the records as now registered.</summary>
    public static async Task PastServiceDateAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.Lost, BeforeLoss, "past-service-date");
        check.Must(answer.ServiceDate == BeforeLoss, $"the answer's serviceDate is {answer.ServiceDate}, the inquiry asked for {BeforeLoss}");
        check.Must(answer.Status == EligibilityStatus.Valid, $"{Who(InsurerPeople.Lost)} was insured on {BeforeLoss}; the status for that date must be valid, not {answer.Status}");
    }

    /// <summary>ELG-006: without a serviceDate the answer is for today in Japan, and says so.</summary>
    public static async Task TodayAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        var today = DateOnly.FromDateTime(session.Target.Time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime);
        var answer = await AskAsync(session, check, InsurerPeople.Lost, null, "no-service-date");
        // Around midnight in Japan the target's clock may already be on the next day.
        check.Must(answer.ServiceDate == today || answer.ServiceDate == today.AddDays(1), $"no serviceDate was sent; the answer's serviceDate is {answer.ServiceDate}, today in Japan is {today}");
        check.Must(answer.Status == EligibilityStatus.Invalid, $"{Who(InsurerPeople.Lost)} has been uninsured since {LossDate}; today's status must be invalid, not {answer.Status}");
    }

    /// <summary>ELG-003: asOf is when the insurer last registered a change for the person.</summary>
    public static async Task AsOfAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.Lost, BeforeLoss, "as-of");
        check.Must(answer.AsOf == InsurerPeople.Lost.LastRegistered, $"asOf is {ProtocolText.Time(answer.AsOf)}; the person's last change was registered at {ProtocolText.Time(InsurerPeople.Lost.LastRegistered)}");
    }

    /// <summary>ELG-004: a notified, unregistered change makes changePending true with pendingSince the notification.</summary>
    public static async Task PendingAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.Pending, null, "change-pending");
        var notified = InsurerPeople.Pending.Versions.Where(v => v.RegisteredAt is null).Min(v => v.NotifiedAt);
        check.Must(answer.ChangePending, $"a loss of {Who(InsurerPeople.Pending)} was notified on {ProtocolText.Time(notified)} and is not registered, yet changePending is false");
        check.Must(answer.PendingSince == notified, $"pendingSince is {ProtocolText.Time(answer.PendingSince)}, the change was notified at {ProtocolText.Time(notified)}");
    }

    /// <summary>ELG-004: with nothing notified and unregistered, changePending is false and pendingSince absent.</summary>
    public static async Task NotPendingAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.Lost, BeforeLoss, "no-change-pending");
        check.Must(!answer.ChangePending && answer.PendingSince is null, $"nothing is pending for {Who(InsurerPeople.Lost)}, yet changePending is {answer.ChangePending}, pendingSince {ProtocolText.Time(answer.PendingSince)}");
    }

    /// <summary>ELG-011: a change notified but not registered does not change the status or the qualification.</summary>
    public static async Task UnregisteredChangeIgnoredAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.Pending, null, "unregistered-change");
        check.Must(answer.Status == EligibilityStatus.Valid, $"the loss of {Who(InsurerPeople.Pending)} is notified but not registered; the status must stay valid, not {answer.Status}");
        check.Must(answer.Qualification?.DisqualificationDate is null, $"the unregistered loss date {answer.Qualification?.DisqualificationDate} appears in the answer");
    }

    /// <summary>ELG-009: no record → no-qualification, without a qualification.</summary>
    public static async Task NoQualificationAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.Absent, BeforeLoss, "no-qualification");
        check.Must(answer.Status == EligibilityStatus.NoQualification, $"nobody holds {Who(InsurerPeople.Absent)}; the status must be no-qualification, not {answer.Status}");
        check.Must(answer.Qualification is null, "a no-qualification answer carries a qualification");
    }

    /// <summary>ELG-001 invalid-newer-qualification: the record asked about has ended and the same person qualified again here; the newer record is not disclosed (ELG-008).</summary>
    public static async Task NewerQualificationAsync(InsurerSession session, CheckContext check)
    {
        var asked = new DateOnly(2026, 2, 2);
        var answer = await AskAsync(session, check, InsurerPeople.Requalified, asked, "invalid-newer-qualification");
        check.Must(answer.Status == EligibilityStatus.InvalidNewerQualification,
            $"{Who(InsurerPeople.Requalified)} lost the qualification on 2025-10-01 and the same person has been insured here again since 2026-01-01 " +
            $"({Who(InsurerPeople.RequalifiedLater)}); for service date {asked} the status must be invalid-newer-qualification, not {answer.Status}");
        check.Must(answer.Qualification?.Number == InsurerPeople.Requalified.Number && answer.Qualification.DisqualificationDate == new DateOnly(2025, 10, 1),
            $"the qualification answered must be the ended record asked about (number {InsurerPeople.Requalified.Number}, disqualified 2025-10-01), not " +
            (answer.Qualification is null ? "none" : $"number {answer.Qualification.Number}, disqualified {(answer.Qualification.DisqualificationDate is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "never")}"));
    }

    /// <summary>ELG-001 multiple-matches: a number registered for two people is never answered from one of them (ELG-009).</summary>
    public static async Task MultipleMatchesAsync(InsurerSession session, CheckContext check)
    {
        var answer = await AskAsync(session, check, InsurerPeople.SharedNumber, BeforeLoss, "multiple-matches");
        check.Must(answer.Status == EligibilityStatus.MultipleMatches,
            $"{Who(InsurerPeople.SharedNumber)} is registered for two people ({InsurerPeople.SharedNumber.Case}, {InsurerPeople.SharedNumberOther.Case}); the status must be multiple-matches, not {answer.Status}");
        check.Must(answer.Qualification is null, "a multiple-matches answer carries a qualification: the insurer picked one of the two people");
    }

    /// <summary>INS-003: a seal naming a held person's number under another insurer's number finds no record here.</summary>
    public static async Task OtherInsurersNumberAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        var person = InsurerPeople.Lost;
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "other-insurers-number", [DataItems.Eligibility],
            c => c with { Insured = c.Insured with { InsurerNumber = SealFixture.OtherInsurerNumber, Symbol = person.Symbol, Number = person.Number, Branch = person.Branch } },
            serviceDate: BeforeLoss);
        if (response.Status != 200) throw check.Unreachable($"the inquiry was answered {response.Summary} (the seal cases cover refusals)");
        var answer = response.ReadAnswer(session.World, response.CallerId);

        check.Must(answer.Status == EligibilityStatus.NoQualification && answer.Qualification is null,
            $"the seal names {Who(person)} under insurer number {SealFixture.OtherInsurerNumber}, not the target's; the target holds no record under it and must answer no-qualification, " +
            $"but answered {answer.Status}{(answer.Qualification is null ? "" : " with a qualification")}");
    }

    /// <summary>
    /// ELG-009: a valid answer's qualification is the record r as the insurer holds it, member for member: the main
    /// person's published record (docs/test-vectors/insurer-people.json), asked about on a date it covers.
    /// </summary>
    public static async Task HeldRecordAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var person = InsurerPeople.Main;
        var held = person.Versions[^1];
        var answer = await AskAsync(session, check, person, BeforeLoss, "valid-answer-is-the-held-record");
        if (answer.Status != EligibilityStatus.Valid)
            throw check.Unreachable($"{Who(person)} is covered from {held.QualificationDate} with no loss; the answer for {BeforeLoss} is {answer.Status} (INS-040 and ELG-002 cover that)");
        check.Must(answer.Qualification is not null, $"the valid answer about {Who(person)} carries no qualification; eligibility was asked for");
        var record = answer.Qualification!;
        Compare(check, "insurerNumber", record.InsurerNumber, SealFixture.TargetInsurerNumber);
        Compare(check, "symbol", record.Symbol, person.Symbol);
        Compare(check, "number", record.Number, person.Number);
        Compare(check, "branch", record.Branch, person.Branch);
        Compare(check, "personalFamilyClassification", record.PersonalFamilyClassification, person.PersonalFamilyClassification);
        check.Must(record.QualificationDate == held.QualificationDate,
            $"qualificationDate is {record.QualificationDate}; the held record's is {held.QualificationDate} (the date the qualification was acquired, not when it was notified or registered)");
        check.Must(record.DisqualificationDate is null, $"the record carries disqualificationDate {record.DisqualificationDate}; the held record has none");
        check.Must(record.ReasonOfLoss is null, $"the record carries reasonOfLoss '{record.ReasonOfLoss}'; the held record has none");
        check.Must(record.CopaymentRatio is null || record.CopaymentRatio == person.CopaymentRatio,
            $"copaymentRatio is {record.CopaymentRatio}; the held record's is {person.CopaymentRatio}");
    }

    private static void Compare(CheckContext check, string member, string? answered, string? held) =>
        check.Must(string.Equals(answered, held, StringComparison.Ordinal),
            $"the valid answer's qualification has {member} {(answered is null ? "absent" : "'" + answered + "'")}; the held record's is {(held is null ? "absent" : "'" + held + "'")} (compared byte for byte)");

    internal static async Task<InquiryAnswer> AskAsync(InsurerSession session, CheckContext check, InsurerPerson person, DateOnly? serviceDate, string caseName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (response, _) = await SealChecks.PresentValidAsync(session, check, caseName, [DataItems.Eligibility],
            c => c with { Insured = c.Insured with { Symbol = person.Symbol, Number = person.Number, Branch = person.Branch } }, serviceDate: serviceDate);
        if (response.Status != 200)
            throw check.Unreachable($"the inquiry about {Who(person)} was answered {response.Summary}; does the target hold the people of {InsurerPeople.DocumentPath}?");
        return response.ReadAnswer(session.World, response.CallerId);
    }

    internal static string Who(InsurerPerson p) => $"the person {p.Symbol}/{p.Number}/{p.Branch} ({p.Case})";
}

using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// ELG-012: the benefits answered for purpose ltc-medical-combined are the person's months of self-pay in the
/// calculation period (1 August – 31 July) containing the service date, as the insurer holds them
/// (<see cref="InsurerPeople.WithBenefits"/>).
/// </summary>
public static class BenefitChecks
{
    /// <summary>The period's months, in order, with the kind, self-pay and reimbursement held; nothing from another period.</summary>
    public static async Task CalculationPeriodAsync(InsurerSession session, CheckContext check, DateOnly serviceDate, string caseName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var person = InsurerPeople.WithBenefits;
        var (response, _) = await SealChecks.PresentValidAsync(session, check, caseName, [DataItems.Eligibility, DataItems.Benefits],
            c => c with { Insured = c.Insured with { Symbol = person.Symbol, Number = person.Number, Branch = person.Branch } }, serviceDate: serviceDate);
        if (response.Status != 200)
            throw check.Unreachable($"the inquiry about {person.Symbol}/{person.Number}/{person.Branch} was answered {response.Summary}; does the target hold the people of {InsurerPeople.DocumentPath}?");
        var answer = response.ReadAnswer(session.World, response.CallerId);

        var startYear = serviceDate.Month >= 8 ? serviceDate.Year : serviceDate.Year - 1;
        var (from, to) = ($"{startYear:D4}-08", $"{startYear + 1:D4}-07");
        var expected = person.Benefits.Where(b => string.CompareOrdinal(b.Month, from) >= 0 && string.CompareOrdinal(b.Month, to) <= 0)
            .Select(b => new BenefitRecord { Month = b.Month, Kind = "medical", SelfPay = b.SelfPay, Reimbursed = b.Reimbursed }).ToList();
        var got = answer.Benefits ?? [];
        check.Must(answer.Benefits is not null, $"benefits were asked for under purpose {Purposes.LtcMedicalCombined} and the person had self-pay in the period; the answer carries none");
        check.Must(got.SequenceEqual(expected),
            $"for service date {serviceDate} the calculation period is {from} – {to}; expected the months {Months(expected)}, the answer lists {Months(got)}");
    }

    /// <summary>
    /// ELG-012: benefits asked for and allowed, for a person with no month of self-pay in the period, is the empty list:
    /// "none" said, not left out (absent means not asked, not allowed, or no record answered).
    /// </summary>
    public static async Task NoMonthInPeriodAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var person = InsurerPeople.Lost;
        var serviceDate = new DateOnly(2026, 3, 31);
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "benefits-none-in-period", [DataItems.Eligibility, DataItems.Benefits],
            c => c with { Insured = c.Insured with { Symbol = person.Symbol, Number = person.Number, Branch = person.Branch } }, serviceDate: serviceDate);
        if (response.Status != 200)
            throw check.Unreachable($"the inquiry about {person.Symbol}/{person.Number}/{person.Branch} was answered {response.Summary}; does the target hold the people of {InsurerPeople.DocumentPath}?");
        var answer = response.ReadAnswer(session.World, response.CallerId);
        if (answer.Status != EligibilityStatus.Valid) throw check.Unreachable($"the person was insured on {serviceDate}, yet the answer is {answer.Status} (ELG-002 covers that)");

        check.Must(answer.Benefits is { Count: 0 },
            $"benefits were asked for under purpose {Purposes.LtcMedicalCombined} and the person had no self-pay in the period; the answer must carry the empty list [], " +
            $"but carries {(answer.Benefits is null ? "no benefits member" : Months(answer.Benefits))}");
    }

    private static string Months(IEnumerable<BenefitRecord> records) =>
        records.Any() ? string.Join(", ", records.Select(b => $"{b.Month} ({b.Kind}, self-pay {b.SelfPay}, reimbursed {b.Reimbursed})")) : "none";
}

using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Records;

/// <summary>
/// Computes an eligibility status for a sealed number on a service date from what the insurer has registered
/// (docs/protocol.md §9, ELG-001 … ELG-009).
/// </summary>
public static class EligibilityEvaluator
{
    public sealed record Result(EligibilityStatus Status, QualificationFact? Fact, DateTimeOffset AsOf, DateTimeOffset? PendingSince);

    public static Result Evaluate(InsurerBook book, SealedInsured insured, DateOnly serviceDate, DateTimeOffset now)
    {
        var matches = book.RegisteredWithNumber(insured.Number, now).Where(f => f.Number == insured.Number
            && (insured.Kind == InsuranceKind.Ltc || (f.Branch == insured.Branch && (insured.Symbol is null || f.Symbol == insured.Symbol)))).ToList();
        if (matches.Count == 0) return new Result(EligibilityStatus.NoQualification, null, now, null);

        var people = matches.Select(f => f.PersonKey).Distinct().ToList();
        var personKey = people[0];
        var personFacts = book.RegisteredFor(personKey, now);
        var asOf = personFacts.Max(f => f.RegisteredAt);
        var pending = book.PendingFor(personKey, now);
        var pendingSince = pending.Count == 0 ? (DateTimeOffset?)null : pending.Min(f => f.NotifiedAt);
        // ELG-003: several people under one number: no one person's data is dated, so the answer's own time.
        if (people.Count > 1) return new Result(EligibilityStatus.MultipleMatches, null, now, null);

        // ELG-002 (1)(2): one covering record → valid; two → multiple-matches (never pick one).
        var covering = matches.Where(f => f.QualificationDate <= serviceDate && (f.DisqualificationDate is null || serviceDate < f.DisqualificationDate)).ToList();
        if (covering.Count > 1) return new Result(EligibilityStatus.MultipleMatches, null, asOf, pendingSince);
        if (covering.Count == 1) return new Result(EligibilityStatus.Valid, covering[0], asOf, pendingSince);

        // ELG-002 (3)–(5): the latest record begun by the service date has ended; is there a newer one at this insurer?
        var ended = matches.Where(f => f.QualificationDate <= serviceDate).MaxBy(f => f.QualificationDate);
        if (ended is not null)
        {
            var newer = personFacts.Any(f => f.QualificationId != ended.QualificationId && f.QualificationDate > ended.QualificationDate);
            return new Result(newer ? EligibilityStatus.InvalidNewerQualification : EligibilityStatus.Invalid, ended, asOf, pendingSince);
        }

        // ELG-002 (3): no record had begun by the service date.
        return new Result(EligibilityStatus.NoQualification, null, asOf, pendingSince);
    }
}

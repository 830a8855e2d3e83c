using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Records;

/// <summary>
/// One version of a qualification as the insurer's database holds it. A change (e.g. a loss) is a new version of
/// the same <see cref="QualificationId"/>; the insurer answers from the newest version registered by "now", and
/// a version notified but not yet registered makes the answer "change pending" (ELG-003, ELG-004).
/// </summary>
public sealed record QualificationFact
{
    public required string QualificationId { get; init; }

    /// <summary>Internal key tying a person's qualifications together (the insurer's own person record).</summary>
    public required string PersonKey { get; init; }

    public required InsuranceKind Kind { get; init; }
    public string? Symbol { get; init; }
    public required string Number { get; init; }
    public string? Branch { get; init; }
    public string PersonalFamilyClassification { get; init; } = "1";
    public required DateOnly QualificationDate { get; init; }
    public DateOnly? DisqualificationDate { get; init; }
    public string? ReasonOfLoss { get; init; }
    public int CopaymentRatio { get; init; } = 30;

    /// <summary>
    /// The person's birth date, from the acquisition notification: a medical insurer derives the secondary LTC status
    /// from it (ELG-023). Null only where a scenario gives none; the answer then omits the status.
    /// </summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>When the insurer was told of the change this version records.</summary>
    public required DateTimeOffset NotifiedAt { get; init; }

    /// <summary>When the insurer's database registered it; answers ignore this version before then.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }
}

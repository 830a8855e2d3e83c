using Chukei.Contracts.Wire;

namespace Chukei.Clinic.Reception;

/// <summary>What reception may conclude from one check (CLN-037).</summary>
public enum ConclusionKind
{
    /// <summary>Valid for the service date, no change pending.</summary>
    Eligible,

    /// <summary>Valid, but the insurer has a change pending: record as provisional and ask again before the claim (ELG-005).</summary>
    EligibleProvisional,

    /// <summary>The insurer or the relay answered, and the answer is not "valid".</summary>
    NotEligible,

    /// <summary>The card, its PIN or its certificate stopped the check; another proof of eligibility is needed.</summary>
    CardProblem,

    /// <summary>The relay could not be used or its answer could not be trusted.</summary>
    RelayProblem,
}

/// <summary>
/// The conclusion of one reception check. <see cref="Reason"/> is a card failure (<see cref="CardAccess.CardFailures"/>),
/// a relay problem code (e.g. <c>card-certificate-revoked</c>), or a lookup outcome / eligibility status for
/// <see cref="ConclusionKind.NotEligible"/>.
/// </summary>
public sealed record ReceptionConclusion
{
    public required ConclusionKind Kind { get; init; }
    public required DateOnly ServiceDate { get; init; }
    public string? Reason { get; init; }

    /// <summary>Tries left on the authentication PIN, when the card said (CLN-032).</summary>
    public int? PinTriesLeft { get; init; }

    /// <summary>The card's certificate expired (within grace) or expires within three months: show the renewal alert (CLN-038).</summary>
    public bool RenewalAlert { get; init; }

    /// <summary>The relay's verified answer, when there was one.</summary>
    public CardEligibilityAnswer? RelayAnswer { get; init; }

    /// <summary>The insurer's verified answer, when there was one: status, as-of, change pending, co-payment ratio.</summary>
    public InquiryAnswer? InsurerAnswer { get; init; }

    /// <summary>The card commands of this check, PINs masked (CLN-039).</summary>
    public IReadOnlyList<string> CardTrace { get; init; } = [];

    public bool IsEligible => Kind is ConclusionKind.Eligible or ConclusionKind.EligibleProvisional;
}

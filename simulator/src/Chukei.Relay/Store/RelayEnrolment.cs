using Chukei.Contracts.Wire;

namespace Chukei.Relay.Store;

/// <summary>One enrolment as the relay knows it: a person's number at one insurer, over an interval, registered at a time.</summary>
public sealed record RelayEnrolment
{
    public required string PersonId { get; init; }
    public required InsuranceKind Kind { get; init; }
    public required string InsurerNumber { get; init; }
    public required string PartyId { get; init; }
    public string? Symbol { get; init; }
    public required string Number { get; init; }
    public string? Branch { get; init; }
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>First day not covered (資格喪失年月日); null while open.</summary>
    public DateOnly? EffectiveTo { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public bool CoversDate(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date < EffectiveTo);
}

namespace Chukei.Conformance.Clinic.Driver;

/// <summary>The conclusions a clinic may reach (CLN-037).</summary>
public enum ClinicVerdictKind
{
    /// <summary>Valid on the service date, no change pending.</summary>
    Eligible,

    /// <summary>Valid with a change pending: recorded as provisional (ELG-005).</summary>
    EligibleProvisional,

    /// <summary>A verified answer that is not "valid" (another status, no-current-coverage, multiple-matches).</summary>
    NotEligible,

    /// <summary>The card, its PIN or its certificate stopped the check.</summary>
    CardProblem,

    /// <summary>The relay could not be used or its answer could not be trusted.</summary>
    RelayProblem,
}

/// <summary>
/// What the clinic under test concluded from one check: the kind, its reason code when it has one, the PIN tries left
/// when the card said, and every log or trace line the clinic wrote for the check (the kit looks for the PIN in them, CLN-039).
/// </summary>
public sealed record ClinicVerdict(ClinicVerdictKind Kind, string? Reason, int? PinTriesLeft)
{
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>Whether the clinic showed the person a renewal alert (CLN-038); null when the clinic does not report it.</summary>
    public bool? RenewalAlert { get; init; }

    public bool IsEligible => Kind is ClinicVerdictKind.Eligible or ClinicVerdictKind.EligibleProvisional;

    public override string ToString() => $"{Kind}{(Reason is null ? "" : " (" + Reason + ")")}{(PinTriesLeft is { } t ? $", {t} tries left" : "")}";
}

namespace Chukei.Insurers;

/// <summary>
/// For mutation testing only: deliberate defects a mutant of the reference insurer carries, so the conformance kit
/// can prove each of its tests fails against an implementation that breaks its requirement
/// (docs/conformance-mutants.md). The reference insurer always runs with <see cref="None"/>.
/// </summary>
public sealed record InsurerDefects
{
    public static InsurerDefects None { get; } = new();

    /// <summary>Requirement ids of step ④ whose check is skipped (see <c>SealVerificationContext.SkippedChecks</c>).</summary>
    public IReadOnlySet<string> SkippedSealChecks { get; init; } = new HashSet<string>();

    /// <summary>Requirement ids of the envelope checks (AUTH-005, AUTH-007, AUTH-008) the insurer skips; given to its <c>PartyContext</c>.</summary>
    public IReadOnlySet<string> SkippedEnvelopeChecks { get; init; } = new HashSet<string>();

    /// <summary>Refused inquiries leave no access record and so are never reported (breaks LOG-008).</summary>
    public bool OmitsRefusalRecords { get; init; }

    /// <summary>Refusal records never name the relay's entry, even when the seal's signature verified (breaks LOG-009).</summary>
    public bool OmitsRelayEntryOnRefusal { get; init; }

    /// <summary>Answers to a routed seal are addressed to the relay that forwarded it, not the sealed requester (breaks INS-041).</summary>
    public bool AddressesRoutedAnswersToRelay { get; init; }

    /// <summary>Benefits are answered whether or not they were asked for (breaks INS-042).</summary>
    public bool AnswersUnaskedBenefits { get; init; }
}

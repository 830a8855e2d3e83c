using Chukei.Contracts.Directory;
using Chukei.Contracts.Keys;

namespace Chukei.Contracts.Tokens;

/// <summary>Everything the target needs to check a seal (step ④).</summary>
public sealed record SealVerificationContext
{
    /// <summary>The target's own party id: the only acceptable audience.</summary>
    public required string SelfId { get; init; }

    public required PartyKeySet OwnKeys { get; init; }
    public required PartyDirectory Directory { get; init; }
    public required IReplayCache ReplayCache { get; init; }
    public required TimeProvider Time { get; init; }

    /// <summary>The authenticated caller of the inquiry call (from its request envelope).</summary>
    public required string CallerId { get; init; }

    public required IReadOnlyList<string> RequestedItems { get; init; }

    /// <summary>
    /// For mutation testing only: requirement ids (INS-011 … INS-031) whose check <see cref="SealVerifier"/> skips or
    /// gets wrong in a way seen in real code (a fallback key, a catch-all error code), so the
    /// conformance kit can prove its suite catches an insurer that forgets that check. Empty, and never set, in the
    /// reference simulator.
    /// </summary>
    public IReadOnlySet<string> SkippedChecks { get; init; } = EmptyChecks;

    private static readonly IReadOnlySet<string> EmptyChecks = new HashSet<string>();

    /// <summary>Whether the check of <paramref name="requirementId"/> runs (always, outside mutation testing).</summary>
    public bool Enforces(string requirementId) => !SkippedChecks.Contains(requirementId);
}

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
}

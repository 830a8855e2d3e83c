using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Tokens;

/// <summary>The verdict of step ④: the claims, or the first rule the seal broke.</summary>
public sealed record SealVerification
{
    public SealClaims? Claims { get; init; }
    public ProblemCode? Failure { get; init; }
    public string? Detail { get; init; }

    /// <summary>Claims whose relay signature verified although a later check failed; lets the refusal be logged against the lookup.</summary>
    public SealClaims? SignedClaims { get; init; }

    public bool IsValid => Failure is null && Claims is not null;

    public static SealVerification Fail(ProblemCode code, string detail, SealClaims? signedClaims = null) =>
        new() { Failure = code, Detail = detail, SignedClaims = signedClaims };
}

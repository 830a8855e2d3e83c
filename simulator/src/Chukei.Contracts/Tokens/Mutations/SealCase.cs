namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>A built mutation: the token to present and the claims it was made from (the expected claims when accepted).</summary>
public sealed record SealCase(SealMutation Mutation, string Token, SealClaims Claims)
{
    public override string ToString() => Mutation.Name;
}

using Chukei.Contracts.Envelopes;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>A built envelope mutation: the token, the claims it was signed from, and the presentations that come before it.</summary>
public sealed record EnvelopeCase(EnvelopeMutation Mutation, string Token, EnvelopeClaims Claims, IReadOnlyList<EnvelopePresentation> PresentedBefore)
{
    public override string ToString() => Mutation.Name;
}

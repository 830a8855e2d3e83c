using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>An earlier request a replay case presents first: the token, where it is received, and the verdict it must get (null = accept).</summary>
public sealed record EnvelopePresentation(string Token, string Method, string Path, ProblemCode? ExpectedCode)
{
    public string ExpectedVerdict => ExpectedCode?.Code ?? "accept";
}

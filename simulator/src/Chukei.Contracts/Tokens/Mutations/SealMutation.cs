using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// One row of the attack table: how to derive a seal from the valid claims, who presents it asking for which items,
/// and the verdict step ④ must reach. <see cref="ExpectedCode"/> null means the seal must be accepted.
/// </summary>
/// <param name="Name">Stable kebab-case name; also the test-vector name and the seed of the jti.</param>
/// <param name="ExpectedCode">The refusal the target must give, or null for accept.</param>
/// <param name="Description">What the seal is and why the verdict follows, for implementers reading the vectors.</param>
public sealed record SealMutation(string Name, ProblemCode? ExpectedCode, string Description)
{
    /// <summary>Changes the claims before sealing (default: none). Baseline times are iat = nbf = fixture now, exp = now + 300.</summary>
    public Func<SealFixture, SealClaims, SealClaims> Claims { get; init; } = static (_, c) => c;

    /// <summary>Turns the (changed) claims into the presented token (default: a valid seal of them).</summary>
    public Func<SealFixture, SealClaims, string> Token { get; init; } = static (f, c) => f.Seal(c);

    /// <summary>The party id that presents the seal in its authenticated inquiry call.</summary>
    public string Caller { get; init; } = SealFixture.RequesterId;

    /// <summary>The <c>items</c> of the inquiry that carries the seal.</summary>
    public IReadOnlyList<string> Items { get; init; } = SealFixture.DefaultItems;

    /// <summary>
    /// Callers that present the same token first, in order, with the same items; each of those presentations must be
    /// accepted. Only replay cases have any; the verdict is that of the final presentation by <see cref="Caller"/>.
    /// </summary>
    public IReadOnlyList<string> PresentedBefore { get; init; } = [];

    /// <summary>
    /// The code an insurer gives when the token arrives inside an <c>InquiryRequest</c>, where that differs from step ④'s
    /// verdict: INS-002 validates the request body (an empty seal, no or unknown items) before the seal is opened.
    /// </summary>
    public ProblemCode? HttpExpectedCode { get; init; }

    public ProblemCode? ExpectedCodeOverHttp => HttpExpectedCode ?? ExpectedCode;

    public bool ExpectAccepted => ExpectedCode is null;

    /// <summary>The verdict as a string: "accept" or the problem code.</summary>
    public string ExpectedVerdict => ExpectedCode?.Code ?? "accept";

    /// <summary>Builds the token from the valid claims of this mutation's own jti (or the given one, e.g. a fresh one per suite run).</summary>
    public SealCase Build(SealFixture fixture, string? jti = null)
    {
        var claims = Claims(fixture, fixture.ValidClaims(jti ?? SealFixture.JtiFor(Name)));
        return new SealCase(this, Token(fixture, claims), claims);
    }

    public override string ToString() => Name;
}

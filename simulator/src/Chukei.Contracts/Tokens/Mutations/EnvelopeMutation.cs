using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// One row of the envelope attack table: how to derive a request or response envelope from the valid claims, where the
/// receiver gets it, and the verdict §5.2 (requests) or AUTH-014 (responses) requires. <see cref="ExpectedCode"/> null
/// means the envelope must be accepted.
/// </summary>
/// <param name="Name">Stable kebab-case name; also the test-vector name and the seed of the jti.</param>
/// <param name="ExpectedCode">The refusal the receiver must give, or null for accept.</param>
/// <param name="Description">What the envelope is and why the verdict follows, for implementers reading the vectors.</param>
public sealed record EnvelopeMutation(string Name, ProblemCode? ExpectedCode, string Description)
{
    /// <summary>A response envelope checked by the caller (AUTH-014) rather than a request checked by its receiver.</summary>
    public bool IsResponse { get; init; }

    /// <summary>Changes the valid claims before signing (default: none). Baseline: iat = fixture now, exp = now + 120.</summary>
    public Func<SealFixture, EnvelopeClaims, EnvelopeClaims> Claims { get; init; } = static (_, c) => c;

    /// <summary>Turns the (changed) claims into the presented token (default: signed like the sender does, by the kind's sender key).</summary>
    public Func<SealFixture, EnvelopeClaims, string>? Token { get; init; }

    /// <summary>The method the request is received with (requests only).</summary>
    public string Method { get; init; } = EnvelopeMutations.Post;

    /// <summary>The absolute path the request is received at (requests only).</summary>
    public string Path { get; init; } = EnvelopeMutations.InquiryPath;

    /// <summary>
    /// Envelopes the receiver got first, in order, each with the verdict it must reach; the replay cases need them.
    /// The function gets the final token, so a case can present that very token earlier, and the body function of
    /// <see cref="Build"/>, for an earlier envelope signed from other claims.
    /// </summary>
    public Func<SealFixture, EnvelopeClaims, string, Func<EnvelopeClaims, EnvelopeClaims>, IReadOnlyList<EnvelopePresentation>> PresentedBefore { get; init; } =
        static (_, _, _, _) => [];

    /// <summary>The party that checks the envelope: the target for requests, the requester (who called it) for responses.</summary>
    public string Receiver => IsResponse ? SealFixture.RequesterId : SealFixture.TargetId;

    public bool ExpectAccepted => ExpectedCode is null;

    /// <summary>The verdict as a string: "accept" or the problem code.</summary>
    public string ExpectedVerdict => ExpectedCode?.Code ?? "accept";

    /// <summary>
    /// Builds the token from the valid claims of this mutation's own jti (or the given one). <paramref name="retarget"/>
    /// rewrites the changed claims before signing, so a conformance suite can aim the row at another receiver or path.
    /// <paramref name="withBody"/> replaces the placeholder body of a row that must be accepted (and of the earlier
    /// envelopes it signs from other claims) with a real request for the claims' issuer, so that the receiver answers it
    /// and a suite sees acceptance as a verified answer, not as the absence of a refusal. The vectors keep the placeholder.
    /// </summary>
    public EnvelopeCase Build(SealFixture fixture, string? jti = null, Func<EnvelopeClaims, EnvelopeClaims>? retarget = null,
        Func<EnvelopeClaims, EnvelopeClaims>? withBody = null)
    {
        var id = jti ?? SealFixture.JtiFor("envelope/" + Name);
        var claims = Claims(fixture, IsResponse ? EnvelopeMutations.ResponseClaims(fixture, id) : EnvelopeMutations.RequestClaims(fixture, id));
        if (retarget is not null) claims = retarget(claims);
        if (withBody is not null && ExpectAccepted) claims = withBody(claims);
        var token = (Token ?? (IsResponse ? EnvelopeMutations.SignResponse : EnvelopeMutations.SignRequest))(fixture, claims);
        return new EnvelopeCase(this, token, claims, PresentedBefore(fixture, claims, token, withBody ?? (static c => c)));
    }

    public override string ToString() => Name;
}

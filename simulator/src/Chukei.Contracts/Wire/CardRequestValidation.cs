using System.Buffers.Text;
using Chukei.Contracts.Cards;
using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Wire;

/// <summary>Field-level validation of the card-eligibility bodies (CLN-002, ERR-005).</summary>
public static class CardRequestValidation
{
    private const int ChallengeLength = 43;
    private const int MaxSignatureBytes = 1024;

    public static void Validate(CardChallengeRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        CorrelationId(r.CorrelationId);
    }

    public static void Validate(CardEligibilityRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Challenge is not { Length: ChallengeLength } || !Base64Url.IsValid(r.Challenge))
            Fail("/challenge", $"must be {ChallengeLength} base64url characters");
        Bytes(r.Certificate, "/certificate", CardAuthentication.MaxCertificateBytes);
        Bytes(r.Signature, "/signature", MaxSignatureBytes);
        CorrelationId(r.CorrelationId);
    }

    /// <summary>Decodes a base64url member already accepted by <see cref="Validate(CardEligibilityRequest)"/>.</summary>
    public static byte[] Decode(string value) => Base64Url.DecodeFromChars(value);

    private static void Bytes(string? value, string at, int max)
    {
        if (string.IsNullOrEmpty(value) || !Base64Url.IsValid(value, out var length) || length > max || value.Contains('='))
            Fail(at, $"must be 1 to {max} bytes, base64url without padding");
    }

    private static void CorrelationId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 128 || id.Any(char.IsControl)) Fail("/correlationId", "must be 1 to 128 printable characters");
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string at, string reason) =>
        throw new ProtocolException(ProblemCodes.InvalidField, $"{at} {reason}", at);
}

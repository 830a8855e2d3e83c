using Chukei.Card.Pki;

namespace Chukei.Card;

/// <summary>One card: face data, PINs and their counters, keys and certificates. PIN values are ASCII.</summary>
public sealed record CardProfile
{
    public required CardFace Face { get; init; }

    public required CardCredentials Credentials { get; init; }

    /// <summary>JPKI EF 0006: <c>JPKIAPICCTOKEN2</c> on a My Number card, <c>JPKIAPICCTOKEN</c> on the older 住基カード.</summary>
    public string Token { get; init; } = "JPKIAPICCTOKEN2";

    public string AuthPin { get; init; } = "1234";

    public int AuthPinTriesLeft { get; init; } = 3;

    public string SigningPassword { get; init; } = "ABC123";

    public int SigningPasswordTriesLeft { get; init; } = 5;

    public string TextPin { get; init; } = "1234";

    public int TextPinTriesLeft { get; init; } = 3;

    public FreeAreaApplication? FreeArea { get; init; }
}

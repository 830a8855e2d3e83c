namespace Chukei.Contracts.ClinicDriver;

/// <summary>
/// The kit's card reader for one check, relative to the check's <c>readerUrl</c>, and the problem codes it answers
/// with (RFC 9457 problem+json with a <c>code</c> member).
/// </summary>
public static class CardReaderPaths
{
    /// <summary><c>GET</c>: the <see cref="CardReaderState"/>.</summary>
    public const string State = "";

    /// <summary><c>POST</c> a <see cref="CardReaderCommand"/>, get a <see cref="CardReaderResponse"/>: one APDU.</summary>
    public const string Transmit = "transmit";

    /// <summary><c>POST</c>, no body: warm reset; answers the <see cref="CardReaderState"/>.</summary>
    public const string Reset = "reset";

    /// <summary><c>POST</c>, no body; answers the <see cref="CardReaderState"/>.</summary>
    public const string PowerOn = "power-on";

    /// <summary><c>POST</c>, no body; answers the <see cref="CardReaderState"/>.</summary>
    public const string PowerOff = "power-off";

    /// <summary>409: the card did not answer (removed, or not powered); a transport error, as PC/SC's "card removed".</summary>
    public const string CardRemovedCode = "card-removed";

    /// <summary>404: no such reader, or the check it belonged to has ended.</summary>
    public const string NoSuchReaderCode = "no-such-reader";

    /// <summary>400: the body is not a command with an even-length hex APDU of 4 to 65544 bytes.</summary>
    public const string InvalidCommandCode = "invalid-command";
}

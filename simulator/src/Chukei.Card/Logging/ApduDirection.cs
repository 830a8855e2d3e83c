namespace Chukei.Card.Logging;

public enum ApduDirection
{
    /// <summary>A command APDU from the reader to the card.</summary>
    Command,

    /// <summary>The card's response APDU.</summary>
    Response,

    /// <summary>A power or reset event (no APDU bytes).</summary>
    Control,
}

namespace Chukei.Card.Files;

/// <summary>The reference-data formats of the card's PINs (anchors §1, §3.5).</summary>
public enum PinFormat
{
    /// <summary>4 ASCII digits: the JPKI authentication PIN and the text AP PIN.</summary>
    FourDigits,

    /// <summary>6–16 ASCII characters A–Z and 0–9: the JPKI signing password.</summary>
    SigningPassword,
}

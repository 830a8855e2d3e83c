namespace Chukei.Card;

/// <summary>
/// Behaviour switches where public sources disagree or real cards differ (anchors §4); the defaults follow the real-card evidence.
/// </summary>
public sealed record CardOptions
{
    /// <summary>The ATR OpenSC recognises as a JPKI card (anchors §3.2): T=1, no historical bytes, valid TCK.</summary>
    public static ReadOnlyMemory<byte> DefaultAtr { get; } = new byte[] { 0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14 };

    public ReadOnlyMemory<byte> Atr { get; init; } = DefaultAtr;

    /// <summary>Accept extended-length APDUs; off, they get <c>6700</c> like a short-only card.</summary>
    public bool ExtendedLength { get; init; }

    /// <summary>The answer to VERIFY or CHANGE on a blocked PIN: <c>6984</c> (libmyna's reading of real cards) or <c>6983</c> (ISO).</summary>
    public ushort BlockedStatusWord { get; init; } = Apdu.StatusWords.ReferenceDataInvalidated;

    /// <summary>Whether the no-data counter query on a blocked PIN answers <see cref="BlockedStatusWord"/> instead of <c>63C0</c>.</summary>
    public bool BlockedQueryAnswersBlockedStatusWord { get; init; }

    /// <summary>READ BINARY with Le past the end: short data + <c>6282</c> (as vicc) when true, short data + <c>9000</c> when false.</summary>
    public bool WarnOnReadPastEnd { get; init; } = true;

    /// <summary>READ BINARY at an offset at or past the end: <c>6B00</c> when true, empty <c>9000</c> when false.</summary>
    public bool RejectOffsetBeyondEnd { get; init; } = true;

    /// <summary>Selecting a different application clears the session's verified PINs.</summary>
    public bool ClearSecurityOnApplicationSelect { get; init; } = true;

    /// <summary>
    /// T=0 behaviour: response data to a command that carried data is held back behind <c>61xx</c> for GET RESPONSE,
    /// and a wrong Le is answered with <c>6Cxx</c>. vpcd reports T=1, so this only happens when the card chooses to.
    /// </summary>
    public bool T0Mode { get; init; }
}

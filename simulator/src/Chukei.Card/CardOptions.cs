namespace Chukei.Card;

/// <summary>
/// Behaviour switches where public sources disagree or real cards differ (anchors §4); the defaults follow the real-card evidence.
/// </summary>
public sealed record CardOptions
{
    /// <summary>The ATR OpenSC recognises as a JPKI card (anchors §3.2): T=1, no historical bytes, valid TCK.</summary>
    public static ReadOnlyMemory<byte> DefaultAtr { get; } = new byte[] { 0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14 };

    public ReadOnlyMemory<byte> Atr { get; init; } = DefaultAtr;

    /// <summary>
    /// The ATR of the T=0 profile: TS 3B, T0 10 (TA1 follows; no TD1, so T=0 is the only protocol; no historical
    /// bytes), TA1 96 (Fi 512, Di 32). ISO 7816-3 §8.2.5: no TCK when only T=0 is indicated.
    /// </summary>
    public static ReadOnlyMemory<byte> T0Atr { get; } = new byte[] { 0x3B, 0x10, 0x96 };

    /// <summary>
    /// The T=1 profile (the default, as the real JPKI card's ATR announces): response data comes with the command's answer.
    /// </summary>
    public static CardOptions T1Protocol => new();

    /// <summary>
    /// The T=0 profile: an ATR announcing T=0 only, and the T=0 transmission rules of ISO 7816-3/4 (<see cref="T0Mode"/>):
    /// a command that carried data answers <c>61xx</c> and its response data is fetched with GET RESPONSE; a wrong Le is <c>6Cxx</c>.
    /// </summary>
    public static CardOptions T0Protocol => new() { Atr = T0Atr, T0Mode = true };

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
    /// and a wrong Le is answered with <c>6Cxx</c>. vpcd reports T=1, so this only happens when the card chooses to; the
    /// ATR says which protocol the card speaks, so a card in this mode should also carry <see cref="T0Atr"/> (<see cref="T0Protocol"/>).
    /// </summary>
    public bool T0Mode { get; init; }
}

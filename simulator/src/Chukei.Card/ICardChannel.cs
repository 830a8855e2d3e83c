namespace Chukei.Card;

/// <summary>
/// A card as a reader sees it. The in-process channel and the vpcd client are thin transports over this,
/// so everything the card does is reachable without PC/SC.
/// </summary>
public interface ICardChannel
{
    ReadOnlyMemory<byte> Atr { get; }

    bool IsPowered { get; }

    /// <summary>Sends one command APDU and returns the response APDU (data + SW1 SW2). Malformed commands get a status word, never an exception.</summary>
    byte[] Transmit(byte[] commandApdu);

    /// <summary>Warm reset: the session's security state and selections are lost; PIN counters stay.</summary>
    void Reset();

    void PowerOff();

    void PowerOn();
}

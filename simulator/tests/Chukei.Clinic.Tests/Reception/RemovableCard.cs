using Chukei.Card;

namespace Chukei.Clinic.Tests.Reception;

/// <summary>
/// A card channel whose card is pulled out when a chosen command arrives (before the card answers), as a reader
/// reports a removal mid-command; <see cref="Reinsert"/> powers it up again with its session state gone.
/// </summary>
internal sealed class RemovableCard(VirtualCard card) : ICardChannel
{
    private Func<byte[], bool>? _removeOn;

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public bool IsPowered => card.IsPowered;

    /// <summary>Removes the card when the next command matching <paramref name="when"/> is sent.</summary>
    public void RemoveOn(Func<byte[], bool> when) => _removeOn = when;

    public void Reinsert()
    {
        _removeOn = null;
        card.PowerOn();
    }

    public byte[] Transmit(byte[] commandApdu)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        if (_removeOn?.Invoke(commandApdu) == true)
        {
            _removeOn = null;
            card.PowerOff();
        }
        return card.Transmit(commandApdu);
    }

    public void Reset() => card.Reset();

    public void PowerOff() => card.PowerOff();

    public void PowerOn() => card.PowerOn();

    public static bool IsReadBinary(byte[] apdu) => apdu.Length > 1 && apdu[1] == 0xB0;

    public static bool IsSign(byte[] apdu) => apdu.Length > 1 && apdu[0] == 0x80 && apdu[1] == 0x2A;
}

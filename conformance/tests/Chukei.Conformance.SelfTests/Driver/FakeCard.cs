using Chukei.Card;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>A card that answers 9000 to everything and records what it got; removed when <see cref="Removed"/> is set.</summary>
internal sealed class FakeCard : ICardChannel
{
    public List<byte[]> Commands { get; } = [];

    public bool Removed { get; set; }

    public ReadOnlyMemory<byte> Atr { get; } = new byte[] { 0x3B, 0x8A };

    public bool IsPowered { get; private set; } = true;

    public byte[] Transmit(byte[] commandApdu)
    {
        if (Removed) throw new InvalidOperationException("The card was removed before it answered.");
        Commands.Add(commandApdu);
        return [0x90, 0x00];
    }

    public void Reset() => IsPowered = true;

    public void PowerOff() => IsPowered = false;

    public void PowerOn() => IsPowered = true;
}

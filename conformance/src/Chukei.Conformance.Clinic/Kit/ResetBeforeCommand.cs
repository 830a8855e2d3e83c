using Chukei.Card;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// Sits between the fault channel and the card and warm-resets the card just before the first command with INS
/// <see cref="Ins"/> reaches it, as a reader does after a glitch: the command then meets a card with no selected
/// application and no verified PIN, which is what the clinic has to notice (CLN-034).
/// </summary>
internal sealed class ResetBeforeCommand(ICardChannel card) : ICardChannel
{
    public byte? Ins { get; set; }

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public bool IsPowered => card.IsPowered;

    public byte[] Transmit(byte[] commandApdu)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        if (Ins is { } ins && commandApdu.Length > 1 && commandApdu[1] == ins)
        {
            Ins = null;
            card.Reset();
        }
        return card.Transmit(commandApdu);
    }

    public void Reset() => card.Reset();

    public void PowerOff() => card.PowerOff();

    public void PowerOn() => card.PowerOn();
}

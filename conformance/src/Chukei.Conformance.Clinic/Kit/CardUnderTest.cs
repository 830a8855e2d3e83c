using Chukei.Card;
using Chukei.Card.Faults;
using Chukei.Card.Logging;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// One virtual card handed to the clinic, behind a <see cref="FaultInjectingChannel"/>, with the channel's APDU log:
/// every command the clinic sent, including those a fault kept from the card, PINs masked. The kit judges the clinic
/// by this log, not by what the clinic reports.
/// </summary>
public sealed class CardUnderTest
{
    private static readonly byte[] JpkiAid = [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];
    private readonly VirtualCard _card;
    private readonly List<ApduLoggedEventArgs> _log = [];
    private readonly Lock _gate = new();

    public CardUnderTest(VirtualCard card, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(card);
        _card = card;
        Channel = new FaultInjectingChannel(card, time);
        Channel.ApduLogged += (_, e) =>
        {
            lock (_gate) _log.Add(e);
        };
    }

    /// <summary>What the clinic is given.</summary>
    public FaultInjectingChannel Channel { get; }

    public CardUnderTest Inject(CardFault fault)
    {
        Channel.Inject(fault);
        return this;
    }

    /// <summary>Warm-resets the card just before the next command with <paramref name="ins"/> reaches it.</summary>
    public CardUnderTest ResetBefore(byte ins) => Inject(new CardFault { Kind = CardFaultKind.ResetBeforeCommand, Ins = ins });

    /// <summary>The channel's log so far.</summary>
    public IReadOnlyList<ApduLoggedEventArgs> Log
    {
        get
        {
            lock (_gate) return _log.ToList();
        }
    }

    /// <summary>A mark in the log: <see cref="CommandsSince"/> gives what came after it.</summary>
    public int Mark() => Log.Count;

    public IReadOnlyList<ReadOnlyMemory<byte>> CommandsSince(int mark) =>
        Log.Skip(mark).Where(e => e.Direction == ApduDirection.Command).Select(e => e.Bytes).ToList();

    /// <summary>Powers the card up again after a removal, as a person reinserting it.</summary>
    public void Reinsert()
    {
        Channel.ClearFaults();
        Channel.PowerOn();
    }

    /// <summary>
    /// The authentication PIN's retry counter as the card now holds it, read by the kit itself (counter query, no PIN),
    /// bypassing the faults and outside the clinic's log: take marks before calling this.
    /// </summary>
    public int AuthPinTriesLeft()
    {
        if (!_card.IsPowered) _card.PowerOn();
        _card.Transmit([0x00, 0xA4, 0x04, 0x0C, (byte)JpkiAid.Length, .. JpkiAid]);
        _card.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18]);
        var answer = _card.Transmit([0x00, 0x20, 0x00, 0x80]);
        var sw = (answer[^2] << 8) | answer[^1];
        return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : sw is 0x6983 or 0x6984 ? 0 : -1;
    }
}

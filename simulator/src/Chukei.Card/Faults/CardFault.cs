using System.Security.Cryptography;

namespace Chukei.Card.Faults;

/// <summary>What a fault does to the command it fires on (anchors §4, fault-injection knobs).</summary>
public enum CardFaultKind
{
    /// <summary>The card is pulled out before it processes the command: no state changes, the reader gets a transport error.</summary>
    RemoveBeforeResponse,

    /// <summary>The card processes the command (a PIN try may be spent) and is pulled out before the reader gets the answer.</summary>
    RemoveAfterResponse,

    /// <summary>
    /// The card is warm-reset just before it processes the command, as a reader does after a glitch or another
    /// application's reset: the command meets a card with no application selected and no PIN verified.
    /// </summary>
    ResetBeforeCommand,

    /// <summary>The command is not processed; the card answers <see cref="CardFault.StatusWord"/> alone (e.g. <c>6F00</c>, <c>6581</c>).</summary>
    ForceStatusWord,

    /// <summary>The answer comes <see cref="CardFault.Latency"/> later, on the channel's <see cref="TimeProvider"/>.</summary>
    Latency,

    /// <summary>A successful SIGN answers a signature made with <see cref="CardFault.WrongKey"/> instead of the card's key.</summary>
    WrongKeySignature,

    /// <summary>A successful answer has one data byte flipped (at <see cref="CardFault.CorruptAt"/>, else the middle), as a corrupt TLV or DER.</summary>
    CorruptData,
}

/// <summary>
/// One scripted fault: which commands it matches (INS, and the EF selected when the command is sent), on which
/// occurrence it fires (the Nth match, 1-based; 0 = every match), and what it does.
/// </summary>
public sealed record CardFault
{
    public required CardFaultKind Kind { get; init; }

    /// <summary>Match only this instruction byte (e.g. <c>0xB0</c> READ BINARY, <c>0x20</c> VERIFY, <c>0x2A</c> SIGN); null matches any.</summary>
    public byte? Ins { get; init; }

    /// <summary>Match only while this EF is selected (the last SELECT EF the channel saw); null matches any.</summary>
    public ushort? FileId { get; init; }

    /// <summary>Fire on the Nth matching command (1-based); 0 fires on every match.</summary>
    public int Occurrence { get; init; } = 1;

    public ushort StatusWord { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>For <see cref="CardFaultKind.WrongKeySignature"/>; the caller keeps ownership.</summary>
    public RSA? WrongKey { get; init; }

    /// <summary>For <see cref="CardFaultKind.CorruptData"/>: the data byte to flip; null flips the middle byte.</summary>
    public int? CorruptAt { get; init; }
}

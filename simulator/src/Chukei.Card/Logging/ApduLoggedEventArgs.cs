namespace Chukei.Card.Logging;

/// <summary>One logged exchange step. Command bytes are already masked: PIN data never reaches a log.</summary>
public sealed class ApduLoggedEventArgs(ApduDirection direction, ReadOnlyMemory<byte> bytes, string text, ushort? statusWord, DateTimeOffset at) : EventArgs
{
    public ApduDirection Direction { get; } = direction;

    /// <summary>The bytes as exchanged, except that VERIFY and CHANGE data are replaced by <c>2A</c> ('*').</summary>
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <summary>Hex with masked bytes shown as <c>**</c>, or the control event's name.</summary>
    public string Text { get; } = text;

    /// <summary>SW1 SW2 of a response; null for commands and control events.</summary>
    public ushort? StatusWord { get; } = statusWord;

    public DateTimeOffset At { get; } = at;

    /// <summary>For a control entry that records a fault firing: which kind.</summary>
    public Faults.CardFaultKind? Fault { get; init; }

    public override string ToString() => $"{At:O} {Direction} {Text}";
}

namespace Chukei.Card.Files;

/// <summary>A transparent EF read with READ BINARY; <see cref="ReadRule"/> is the PIN that must be verified first, if any.</summary>
public sealed class BinaryFile(ushort id, byte[] content, PinObject? readRule = null) : CardFile(id)
{
    public ReadOnlyMemory<byte> Content { get; } = content;

    public PinObject? ReadRule { get; } = readRule;
}

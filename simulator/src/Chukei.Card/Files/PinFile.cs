namespace Chukei.Card.Files;

/// <summary>An EF holding a PIN; selecting it makes VERIFY and CHANGE REFERENCE DATA act on <see cref="Pin"/>.</summary>
public sealed class PinFile(ushort id, PinObject pin) : CardFile(id)
{
    public PinObject Pin { get; } = pin;
}

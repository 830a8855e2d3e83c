namespace Chukei.Card.Files;

/// <summary>An elementary file of an application, addressed by its 2-byte file id.</summary>
public abstract class CardFile(ushort id)
{
    public ushort Id { get; } = id;
}

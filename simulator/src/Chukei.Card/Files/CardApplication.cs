namespace Chukei.Card.Files;

/// <summary>An application (DF) selected by AID, holding its elementary files.</summary>
public sealed class CardApplication
{
    private readonly Dictionary<ushort, CardFile> _files;

    public CardApplication(string name, byte[] aid, IEnumerable<CardFile> files)
    {
        Name = name;
        Aid = aid;
        _files = files.ToDictionary(f => f.Id);
    }

    public string Name { get; }

    public ReadOnlyMemory<byte> Aid { get; }

    public CardFile? Find(ushort fileId) => _files.GetValueOrDefault(fileId);
}

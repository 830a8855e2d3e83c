using Chukei.Card.Files;

namespace Chukei.Card;

/// <summary>The card's volatile state: lost on reset and power cycle, unlike PIN values and counters.</summary>
internal sealed class CardSession
{
    public CardApplication? Application { get; set; }

    public CardFile? File { get; set; }

    public HashSet<PinObject> Verified { get; } = [];

    /// <summary>T=0 response data waiting for GET RESPONSE.</summary>
    public byte[]? Pending { get; set; }

    public void Clear()
    {
        Application = null;
        File = null;
        Verified.Clear();
        Pending = null;
    }
}

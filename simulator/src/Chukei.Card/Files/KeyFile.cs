using System.Security.Cryptography;

namespace Chukei.Card.Files;

/// <summary>An EF holding an RSA private key; selecting it makes the JPKI signature command use <see cref="Key"/>.</summary>
public sealed class KeyFile(ushort id, RSA key, PinObject useRule) : CardFile(id)
{
    public RSA Key { get; } = key;

    public PinObject UseRule { get; } = useRule;
}

namespace Chukei.Card.Apdu;

/// <summary>A parsed command APDU.</summary>
/// <param name="Data">The command data field (Nc bytes; empty for cases 1 and 2).</param>
/// <param name="Ne">The expected response length: 0 when Le is absent, 256 for a short Le of 00, 65536 for an extended Le of 0000.</param>
/// <param name="IsExtended">Whether the APDU used extended length fields.</param>
public sealed record CommandApdu(byte Cla, byte Ins, byte P1, byte P2, byte[] Data, int Ne, bool IsExtended)
{
    /// <summary>P1 and P2 as one big-endian 16-bit value (the READ BINARY offset, the SELECT mode).</summary>
    public int P1P2 => (P1 << 8) | P2;

    public bool HasData => Data.Length > 0;

    public bool HasLe => Ne > 0;
}

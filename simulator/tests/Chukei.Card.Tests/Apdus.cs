using System.Text;
using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

/// <summary>Command APDUs as the public JPKI clients send them (anchors §3.5), and response helpers.</summary>
internal static class Apdus
{
    // RFC 8017 §9.2 note 1: the DER prefix of a SHA-256 DigestInfo.
    private static readonly byte[] Sha256DigestInfoPrefix =
        [0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

    public static byte[] SelectAid(ReadOnlySpan<byte> aid) => [0x00, 0xA4, 0x04, 0x0C, (byte)aid.Length, .. aid];

    public static byte[] SelectJpki() => SelectAid(CardApplications.JpkiAid);

    public static byte[] SelectFile(ushort fileId) => [0x00, 0xA4, 0x02, 0x0C, 0x02, (byte)(fileId >> 8), (byte)fileId];

    public static byte[] ReadBinary(int offset, int le) => [0x00, 0xB0, (byte)(offset >> 8), (byte)offset, (byte)le];

    public static byte[] Verify(string pin) => [0x00, 0x20, 0x00, 0x80, (byte)pin.Length, .. Encoding.ASCII.GetBytes(pin)];

    public static byte[] VerifyQuery() => [0x00, 0x20, 0x00, 0x80];

    public static byte[] Change(string pin) => [0x00, 0x24, 0x01, 0x80, (byte)pin.Length, .. Encoding.ASCII.GetBytes(pin)];

    public static byte[] Sign(ReadOnlySpan<byte> digestInfo) => [0x80, 0x2A, 0x00, 0x80, (byte)digestInfo.Length, .. digestInfo, 0x00];

    public static byte[] GetResponse(int le) => [0x00, 0xC0, 0x00, 0x00, (byte)le];

    public static byte[] Sha256DigestInfo(ReadOnlySpan<byte> hash) => [.. Sha256DigestInfoPrefix, .. hash];

    public static ushort Sw(byte[] response) => (ushort)((response[^2] << 8) | response[^1]);

    public static byte[] Data(byte[] response) => response[..^2];

    /// <summary>Sends each command and asserts 9000, for the set-up steps of a test.</summary>
    public static void SendOk(this ICardChannel card, params byte[][] commands)
    {
        foreach (byte[] command in commands)
        {
            Assert.That(Sw(card.Transmit(command)), Is.EqualTo(StatusWords.Success), Convert.ToHexString(command));
        }
    }

    public static byte[] ReadWholeFile(this ICardChannel card)
    {
        // Header first, then the BER length decides the size, then chunks of up to 256 bytes (anchors §3.5).
        byte[] header = Data(card.Transmit(ReadBinary(0, 4)));
        int size = header[1] == 0x82 ? ((header[2] << 8) | header[3]) + 4 : throw new AssertionException("not a long-form DER");
        var content = new List<byte>(size);
        while (content.Count < size)
        {
            int chunk = Math.Min(256, size - content.Count);
            byte[] response = card.Transmit(ReadBinary(content.Count, chunk == 256 ? 0 : chunk));
            Assert.That(Sw(response), Is.EqualTo(StatusWords.Success));
            content.AddRange(Data(response));
        }

        return [.. content];
    }
}

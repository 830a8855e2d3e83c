using System.Text;

namespace Chukei.Card.Logging;

/// <summary>Masks PIN data in command APDUs before they are logged (as myna does, anchors §3.5).</summary>
public static class ApduMasker
{
    private const int FirstDataIndex = 5;
    private const byte MaskByte = (byte)'*';

    /// <summary>
    /// For VERIFY (20) and CHANGE REFERENCE DATA (24) everything after the first length byte is masked, whatever the class
    /// or whether the APDU is well formed: a malformed VERIFY may still carry a real PIN.
    /// </summary>
    public static (byte[] Bytes, string Text) Mask(ReadOnlySpan<byte> command)
    {
        bool sensitive = command.Length > FirstDataIndex && command[1] is 0x20 or 0x24;
        byte[] bytes = command.ToArray();
        var text = new StringBuilder(command.Length * 3);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            if (sensitive && i >= FirstDataIndex)
            {
                bytes[i] = MaskByte;
                text.Append("**");
            }
            else
            {
                text.Append(Convert.ToHexString(bytes, i, 1));
            }
        }

        return (bytes, text.ToString());
    }

    public static string Hex(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', bytes.ToArray().Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}

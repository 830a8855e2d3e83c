namespace Chukei.Card.Apdu;

/// <summary>
/// Parses command APDUs (ISO/IEC 7816-4 §5.1, cases 1–4, short and optionally extended length).
/// Never throws: a malformed APDU yields the status word the card answers with.
/// </summary>
public static class ApduParser
{
    private const int HeaderLength = 4;

    /// <summary>Parses <paramref name="bytes"/>; on failure <paramref name="statusWord"/> is <c>6700</c> (length) or <c>6E00</c> (class).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, bool allowExtended, out CommandApdu? apdu, out ushort statusWord)
    {
        apdu = null;
        statusWord = StatusWords.WrongLength;
        if (bytes.Length < HeaderLength)
        {
            return false;
        }

        byte cla = bytes[0];
        // The card speaks interindustry class 00 and the JPKI proprietary class 80; secure messaging, chaining and logical channels are not offered.
        if (cla is not (0x00 or 0x80))
        {
            statusWord = StatusWords.ClaNotSupported;
            return false;
        }

        if (!TryParseBody(bytes[HeaderLength..], allowExtended, out byte[] data, out int ne, out bool extended))
        {
            return false;
        }

        apdu = new CommandApdu(cla, bytes[1], bytes[2], bytes[3], data, ne, extended);
        statusWord = StatusWords.Success;
        return true;
    }

    private static bool TryParseBody(ReadOnlySpan<byte> body, bool allowExtended, out byte[] data, out int ne, out bool extended)
    {
        data = [];
        ne = 0;
        extended = false;
        switch (body.Length)
        {
            case 0:
                return true; // case 1
            case 1:
                ne = body[0] == 0 ? 256 : body[0]; // case 2S
                return true;
        }

        if (body[0] != 0)
        {
            int nc = body[0];
            if (body.Length == 1 + nc)
            {
                data = body[1..].ToArray(); // case 3S
                return true;
            }

            if (body.Length == 2 + nc)
            {
                data = body[1..^1].ToArray(); // case 4S
                ne = body[^1] == 0 ? 256 : body[^1];
                return true;
            }

            return false;
        }

        // A first body byte of 00 followed by more bytes can only be an extended length field.
        if (!allowExtended)
        {
            return false;
        }

        if (body.Length < 3)
        {
            return false; // 00 xx: neither a short nor an extended length field.
        }

        extended = true;
        int first = (body[1] << 8) | body[2];
        if (body.Length == 3)
        {
            ne = first == 0 ? 65536 : first; // case 2E
            return true;
        }

        if (first == 0)
        {
            return false; // Nc of 0 is not encodable in case 3E/4E.
        }

        if (body.Length == 3 + first)
        {
            data = body[3..].ToArray(); // case 3E
            return true;
        }

        if (body.Length == 5 + first)
        {
            data = body[3..^2].ToArray(); // case 4E
            int le = (body[^2] << 8) | body[^1];
            ne = le == 0 ? 65536 : le;
            return true;
        }

        return false;
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chukei.Card;

namespace Chukei.Clinic.CardAccess;

/// <summary>
/// One card session with the JPKI-AP (anchors §3.5): SELECT, READ BINARY of the authentication certificate, the PIN
/// counter query, VERIFY and the JPKI SIGN. A session never outlives a removal or reset: the reception check makes a new
/// one for every attempt (CLN-034). Every command goes to <see cref="Trace"/> with the PIN masked (CLN-039).
/// </summary>
public sealed class JpkiSession(ICardChannel card)
{
    private const ushort Ok = 0x9000;
    private const int MaxChunk = 256;
    private static ReadOnlySpan<byte> JpkiAid => [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];

    private readonly List<string> _trace = [];

    /// <summary>What was sent and answered, one line per command; PINs never appear.</summary>
    public IReadOnlyList<string> Trace => _trace;

    public void SelectJpki()
    {
        var sw = Send("SELECT JPKI-AP", [0x00, 0xA4, 0x04, 0x0C, (byte)JpkiAid.Length, .. JpkiAid]).Sw;
        if (sw == 0x6A82) throw new CardFailureException(CardFailures.NotJpkiCard, "the card has no JPKI application");
        Expect(sw, "SELECT JPKI-AP");
    }

    /// <summary>
    /// For mutation testing only (ClinicDefects.UsesPartialCertificate): <see cref="ReadAuthCertificate"/> stops at the
    /// first answer shorter than asked and returns what it has, the defect CLN-033 forbids.
    /// </summary>
    public bool KeepsPartialCertificate { get; init; }

    /// <summary>CLN-033: EF 000A in chunks; only a complete DER certificate that parses is returned.</summary>
    public byte[] ReadAuthCertificate()
    {
        SelectFile(0x000A, "SELECT EF 000A");
        var header = ReadBinary(0, 4);
        var total = DerLength(header) ?? throw new CardFailureException(CardFailures.CertificateUnreadable, "EF 000A does not start with a DER SEQUENCE");
        var der = new byte[total];
        var read = 0;
        while (read < total)
        {
            var asked = Math.Min(MaxChunk, total - read);
            var chunk = ReadBinary(read, asked);
            if (KeepsPartialCertificate && chunk.Length < asked) return [.. der.AsSpan(0, read), .. chunk];
            if (chunk.Length == 0) throw new CardFailureException(CardFailures.CertificateUnreadable, "EF 000A ended before the certificate did");
            chunk.AsSpan(0, Math.Min(chunk.Length, total - read)).CopyTo(der.AsSpan(read));
            read += chunk.Length;
        }
        try
        {
            using var parsed = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException ex)
        {
            throw new CardFailureException(CardFailures.CertificateUnreadable, "EF 000A is not a certificate", null, ex);
        }
        return der;
    }

    /// <summary>CLN-031: the counter query (VERIFY without data) on EF 0018; 0 means blocked.</summary>
    public int QueryAuthPinTries()
    {
        SelectFile(0x0018, "SELECT EF 0018");
        var sw = Send("VERIFY (counter query)", [0x00, 0x20, 0x00, 0x80]).Sw;
        return sw switch
        {
            _ when (sw & 0xFFF0) == 0x63C0 => sw & 0x0F,
            0x6983 or 0x6984 => 0,
            // Some cards answer 9000 to the query when the PIN is already verified in this session.
            Ok => int.MaxValue,
            _ => throw Unexpected(sw, "VERIFY (counter query)"),
        };
    }

    /// <summary>CLN-032: exactly one VERIFY with the PIN; a wrong PIN is reported, never retried.</summary>
    public void VerifyAuthPin(string pin)
    {
        byte[] command = [0x00, 0x20, 0x00, 0x80, (byte)pin.Length, .. System.Text.Encoding.ASCII.GetBytes(pin)];
        var sw = Send("VERIFY (PIN masked)", command).Sw;
        Array.Clear(command);
        if (sw == Ok) return;
        if (sw is 0x6983 or 0x6984 or 0x63C0) throw new CardFailureException(CardFailures.PinBlocked, "the PIN is blocked", 0);
        if ((sw & 0xFFF0) == 0x63C0) throw new CardFailureException(CardFailures.PinWrong, "wrong PIN", sw & 0x0F);
        throw Unexpected(sw, "VERIFY");
    }

    /// <summary>The JPKI signature (<c>80 2A 00 80</c>) with the authentication key over a DigestInfo (CLN-003).</summary>
    public byte[] SignWithAuthKey(byte[] digestInfo)
    {
        SelectFile(0x0017, "SELECT EF 0017");
        var (data, sw) = Send("SIGN", [0x80, 0x2A, 0x00, 0x80, (byte)digestInfo.Length, .. digestInfo, 0x00]);
        Expect(sw, "SIGN");
        return data;
    }

    private void SelectFile(ushort fid, string what) =>
        Expect(Send(what, [0x00, 0xA4, 0x02, 0x0C, 0x02, (byte)(fid >> 8), (byte)fid]).Sw, what);

    private byte[] ReadBinary(int offset, int length)
    {
        var (data, sw) = Send($"READ BINARY {offset}+{length}", [0x00, 0xB0, (byte)(offset >> 8), (byte)offset, (byte)(length == MaxChunk ? 0 : length)]);
        // 6282: fewer bytes than asked for because the file ended; the length check above decides whether that is enough.
        if (sw != Ok && sw != 0x6282) throw Unexpected(sw, "READ BINARY");
        return data;
    }

    /// <summary>Sends one command, collecting T=0 data behind 61xx and resending once with the right Le on 6Cxx.</summary>
    private (byte[] Data, ushort Sw) Send(string what, byte[] command)
    {
        var (data, sw) = Transmit(what, command);
        if ((sw & 0xFF00) == 0x6C00)
        {
            command[^1] = (byte)sw;
            (data, sw) = Transmit(what + " (Le corrected)", command);
        }
        var collected = new List<byte>(data);
        while ((sw & 0xFF00) == 0x6100)
        {
            (data, sw) = Transmit("GET RESPONSE", [0x00, 0xC0, 0x00, 0x00, (byte)sw]);
            collected.AddRange(data);
        }
        return (collected.ToArray(), sw);
    }

    private (byte[] Data, ushort Sw) Transmit(string what, byte[] command)
    {
        byte[] response;
        try
        {
            response = card.Transmit(command);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException or TimeoutException)
        {
            _trace.Add($"{what} → removed");
            throw new CardFailureException(CardFailures.CardRemoved, "the card did not answer: " + what, null, ex);
        }
        if (response.Length < 2)
        {
            _trace.Add($"{what} → no status word");
            throw new CardFailureException(CardFailures.CardRemoved, "the card answered without a status word: " + what);
        }
        var sw = (ushort)((response[^2] << 8) | response[^1]);
        _trace.Add($"{what} → {sw:X4}");
        return (response[..^2], sw);
    }

    private static void Expect(ushort sw, string what)
    {
        if (sw != Ok) throw Unexpected(sw, what);
    }

    private static CardFailureException Unexpected(ushort sw, string what) =>
        new(CardFailures.CardError, $"{what} answered {sw:X4}");

    /// <summary>Total length of a DER SEQUENCE from its first four bytes (short or one/two-byte long form).</summary>
    private static int? DerLength(byte[] header)
    {
        if (header.Length < 4 || header[0] != 0x30) return null;
        return header[1] switch
        {
            < 0x80 => header[1] + 2,
            0x81 => header[2] + 3,
            0x82 => ((header[2] << 8) | header[3]) + 4,
            _ => null,
        };
    }
}

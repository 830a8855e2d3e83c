using System.Text;
using Chukei.Card.Files;

namespace Chukei.Card;

/// <summary>The applications of a My-Number-style card, built from a <see cref="CardProfile"/> (anchors §3).</summary>
public static class CardApplications
{
    public static ReadOnlySpan<byte> JpkiAid => [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];

    public static ReadOnlySpan<byte> TextAid => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08];

    public static ReadOnlySpan<byte> ImageAid => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02];

    private const int TokenLength = 32;

    internal static IReadOnlyList<CardApplication> Build(CardProfile profile)
    {
        var applications = new List<CardApplication> { Jpki(profile), Text(profile), Image(profile) };
        if (profile.FreeArea is { } free)
        {
            applications.Add(new CardApplication("free-area", free.Aid.ToArray(), [new BinaryFile(free.FileId, free.Content.ToArray())]));
        }

        return applications;
    }

    private static CardApplication Jpki(CardProfile profile)
    {
        var credentials = profile.Credentials;
        var authPin = new PinObject("jpki-auth-pin", PinFormat.FourDigits, Ascii(profile.AuthPin), 3, profile.AuthPinTriesLeft);
        var signPassword = new PinObject("jpki-sign-password", PinFormat.SigningPassword, Ascii(profile.SigningPassword), 5, profile.SigningPasswordTriesLeft);
        // The token is space-padded to 32 bytes (anchors §3.2).
        byte[] token = Ascii(profile.Token.PadRight(TokenLength));
        return new CardApplication("jpki", JpkiAid.ToArray(),
        [
            new BinaryFile(0x0006, token),
            new BinaryFile(0x000A, credentials.AuthCertificate.ToArray()),
            new BinaryFile(0x000B, credentials.AuthCaCertificate.ToArray()),
            new BinaryFile(0x0001, credentials.SigningCertificate.ToArray(), signPassword),
            new BinaryFile(0x0002, credentials.SigningCaCertificate.ToArray()),
            new PinFile(0x0018, authPin),
            new KeyFile(0x0017, credentials.AuthKey, authPin),
            new PinFile(0x001B, signPassword),
            new KeyFile(0x001A, credentials.SigningKey, signPassword),
        ]);
    }

    private static CardApplication Text(CardProfile profile)
    {
        var pin = new PinObject("text-pin", PinFormat.FourDigits, Ascii(profile.TextPin), 3, profile.TextPinTriesLeft);
        return new CardApplication("text", TextAid.ToArray(),
        [
            new PinFile(0x0011, pin),
            new BinaryFile(0x0002, FaceTlv.TextAttributes(profile.Face), pin),
        ]);
    }

    // Real cards guard this EF with PIN-A or PIN-B (anchors §3.4); this increment leaves it free until those PINs exist.
    private static CardApplication Image(CardProfile profile) =>
        new("image", ImageAid.ToArray(), [new BinaryFile(0x0002, FaceTlv.ImageEntries(profile.Face))]);

    private static byte[] Ascii(string value) => Encoding.ASCII.GetBytes(value);
}

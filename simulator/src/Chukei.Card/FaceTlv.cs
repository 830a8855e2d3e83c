using System.Formats.Asn1;
using System.Text;

namespace Chukei.Card;

/// <summary>
/// The card-face TLV files, written with the framework's BER writer: private-class tags such as FF20 and DF22
/// are ordinary ASN.1 tags (class private, numbers 32 and 34), so no hand-made TLV code is needed.
/// </summary>
internal static class FaceTlv
{
    /// <summary>Text AP EF 0002: FF20 { DF22 name, DF23 address, DF24 birth date, DF25 sex } (anchors §3.3; the DF21 header is not modelled yet).</summary>
    public static byte[] TextAttributes(CardFace face)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(new Asn1Tag(TagClass.Private, 32, isConstructed: true)))
        {
            WriteUtf8(writer, 34, face.Name);
            WriteUtf8(writer, 35, face.Address);
            WriteUtf8(writer, 36, face.BirthDate);
            WriteUtf8(writer, 37, face.Sex);
        }

        return writer.Encode();
    }

    /// <summary>Image AP EF 0002: DF22 birth, DF23 sex, DF25 name, DF26 address, DF27 photo (anchors §3.4; header, key, signature, expiry and code are not modelled yet).</summary>
    public static byte[] ImageEntries(CardFace face)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        WriteUtf8(writer, 34, face.BirthDate);
        WriteUtf8(writer, 35, face.Sex);
        WriteUtf8(writer, 37, face.Name);
        WriteUtf8(writer, 38, face.Address);
        writer.WriteOctetString(face.Photo.Span, new Asn1Tag(TagClass.Private, 39));
        return writer.Encode();
    }

    private static void WriteUtf8(AsnWriter writer, int tagNumber, string value) =>
        writer.WriteOctetString(Encoding.UTF8.GetBytes(value), new Asn1Tag(TagClass.Private, tagNumber));
}

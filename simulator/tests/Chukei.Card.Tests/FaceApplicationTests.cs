using System.Formats.Asn1;
using System.Text;
using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class FaceApplicationTests
{
    private static readonly Asn1Tag Attributes = new(TagClass.Private, 32, isConstructed: true);

    [Test]
    public void ReadBinary_TextAttributesWithoutPin_Answers6982()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectAid(CardApplications.TextAid), Apdus.SelectFile(0x0002));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.ReadBinary(0, 0)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [Test]
    public void ReadBinary_TextAttributesAfterPin_FF20WithNameAddressBirthSex()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectAid(CardApplications.TextAid), Apdus.SelectFile(0x0011), Apdus.Verify("1234"), Apdus.SelectFile(0x0002));

        // Act
        byte[] tlv = Apdus.Data(card.Transmit(Apdus.ReadBinary(0, 0)));

        // Assert
        Assert.That(tlv[..2], Is.EqualTo(new byte[] { 0xFF, 0x20 }));
        var reader = new AsnReader(tlv, AsnEncodingRules.BER).ReadSequence(Attributes);
        string[] values = [.. Enumerable.Range(34, 4).Select(tag => Encoding.UTF8.GetString(reader.ReadOctetString(new Asn1Tag(TagClass.Private, tag))))];
        Assert.That(values, Is.EqualTo(new[] { "山田 花子", "東京都千代田区霞が関1-2-2", "19800401", "2" }));
    }

    [Test]
    public void ReadBinary_ImageEntries_ContainPhotoInChunks()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectAid(CardApplications.ImageAid), Apdus.SelectFile(0x0002));

        // Act
        var bytes = new List<byte>();
        for (int offset = 0; ; offset += 256)
        {
            byte[] response = card.Transmit(Apdus.ReadBinary(offset, 0));
            bytes.AddRange(Apdus.Data(response));
            if (Apdus.Sw(response) != StatusWords.Success)
            {
                break;
            }
        }

        // Assert
        var reader = new AsnReader(bytes.ToArray(), AsnEncodingRules.BER);
        for (int tag = 34; tag <= 38; tag = tag == 35 ? 37 : tag + 1)
        {
            reader.ReadOctetString(new Asn1Tag(TagClass.Private, tag));
        }

        Assert.That(reader.ReadOctetString(new Asn1Tag(TagClass.Private, 39)), Is.EqualTo(TestCards.Face.Photo.ToArray()));
    }

    [Test]
    public void ReadBinary_FreeAreaApplication_ReturnsItsFile()
    {
        // Arrange
        byte[] aid = [0xF0, 0x43, 0x48, 0x55, 0x4B, 0x45, 0x49, 0x01];
        var profile = TestCards.Profile with { FreeArea = new FreeAreaApplication(aid, 0x0101, "donor card: yes"u8.ToArray()) };
        var card = TestCards.Create(profile: profile);
        card.SendOk(Apdus.SelectAid(aid), Apdus.SelectFile(0x0101));

        // Act
        byte[] response = card.Transmit(Apdus.ReadBinary(0, 15));

        // Assert
        Assert.That(Encoding.ASCII.GetString(Apdus.Data(response)), Is.EqualTo("donor card: yes"));
    }
}

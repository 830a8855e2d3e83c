using System.Security.Cryptography;
using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class T0ModeTests
{
    private static VirtualCard CardReadyToSign()
    {
        var card = TestCards.Create(new CardOptions { T0Mode = true });
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));
        return card;
    }

    [Test]
    public void T0Protocol_AtrAnnouncesT0Only()
    {
        // Act
        var atr = CardOptions.T0Protocol.Atr.ToArray();

        // Assert: TS direct, T0 with TA1 only (no TD1: T=0 is the only protocol), and so no TCK (ISO 7816-3 §8.2.5).
        Assert.That(atr[0], Is.EqualTo(0x3B));
        Assert.That(atr[1] & 0x80, Is.Zero, "no TD1, so no protocol other than T=0 is indicated");
        Assert.That(atr, Has.Length.EqualTo(2 + 1 + (atr[1] & 0x0F)), "TS, T0, TA1 and the historical bytes, no TCK");
        Assert.That(CardOptions.T0Protocol.T0Mode, Is.True);
    }

    [Test]
    public void T1Protocol_AtrAnnouncesT1()
    {
        // Act
        var atr = CardOptions.T1Protocol.Atr.ToArray();

        // Assert: T0 E0 has TD1 = 81 … protocol 1 in its low nibble; the card answers data directly.
        Assert.That(atr[1] & 0x80, Is.Not.Zero);
        Assert.That(atr[4] & 0x0F, Is.EqualTo(1));
        Assert.That(CardOptions.T1Protocol.T0Mode, Is.False);
    }

    [Test]
    public void Sign_T0Protocol_Answers6100ThenGetResponseReturnsSignature()
    {
        // Arrange
        var card = TestCards.Create(CardOptions.T0Protocol);
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));
        byte[] hash = SHA256.HashData("nonce"u8);

        // Act
        ushort announce = Apdus.Sw(card.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(hash))));
        byte[] response = card.Transmit(Apdus.GetResponse(0));

        // Assert
        Assert.That(card.Atr.ToArray(), Is.EqualTo(CardOptions.T0Atr.ToArray()));
        Assert.That(announce, Is.EqualTo(0x6100));
        Assert.That(TestCards.Credentials.AuthKey.VerifyHash(hash, Apdus.Data(response), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void Sign_T0Mode_Answers6100ThenGetResponseReturnsSignature()
    {
        // Arrange
        var card = CardReadyToSign();
        byte[] hash = SHA256.HashData("nonce"u8);

        // Act
        ushort announce = Apdus.Sw(card.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(hash))));
        byte[] response = card.Transmit(Apdus.GetResponse(0));

        // Assert
        Assert.That(announce, Is.EqualTo(0x6100));
        Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.Success));
        Assert.That(TestCards.Credentials.AuthKey.VerifyHash(hash, Apdus.Data(response), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void GetResponse_PartialLe_Answers61WithRemainder()
    {
        // Arrange
        var card = CardReadyToSign();
        card.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(new byte[32])));

        // Act
        byte[] first = card.Transmit(Apdus.GetResponse(0x80));
        byte[] second = card.Transmit(Apdus.GetResponse(0x80));

        // Assert
        Assert.That(Apdus.Sw(first), Is.EqualTo(0x6180));
        Assert.That(Apdus.Data(first), Has.Length.EqualTo(0x80));
        Assert.That(Apdus.Sw(second), Is.EqualTo(StatusWords.Success));
    }

    [Test]
    public void GetResponse_NothingPending_Answers6985()
    {
        // Arrange
        var card = CardReadyToSign();

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.GetResponse(0)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.ConditionsOfUseNotSatisfied));
    }

    [Test]
    public void GetResponse_AfterAnotherCommand_PendingDataIsGone()
    {
        // Arrange
        var card = CardReadyToSign();
        card.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(new byte[32])));
        card.Transmit(Apdus.VerifyQuery());

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.GetResponse(0)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.ConditionsOfUseNotSatisfied));
    }

    [Test]
    public void ReadBinary_T0ModeLePastEnd_Answers6CWithExactLength()
    {
        // Arrange
        var card = TestCards.Create(new CardOptions { T0Mode = true });
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0006));

        // Act
        ushort wrong = Apdus.Sw(card.Transmit(Apdus.ReadBinary(20, 0)));
        byte[] retry = card.Transmit(Apdus.ReadBinary(20, 12));

        // Assert
        Assert.That(wrong, Is.EqualTo(0x6C0C));
        Assert.That(Apdus.Sw(retry), Is.EqualTo(StatusWords.Success));
    }
}

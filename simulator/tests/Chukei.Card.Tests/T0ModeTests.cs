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

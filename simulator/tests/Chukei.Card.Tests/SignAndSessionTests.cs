using System.Security.Cryptography;
using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class SignAndSessionTests
{
    private static readonly byte[] DigestInfo = Apdus.Sha256DigestInfo(SHA256.HashData("challenge"u8));

    [Test]
    public void Sign_CurrentEfIsPin_Answers6985()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(DigestInfo)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.ConditionsOfUseNotSatisfied));
    }

    [Test]
    public void Sign_PinNotVerified_Answers6982()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0017));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(DigestInfo)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [Test]
    public void Sign_SigningKeyWithAuthPinOnly_Answers6982()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x001A));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(DigestInfo)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [TestCase("3031300D060960864801650304020105000420AA", TestName = "Sign_TruncatedDigest_Answers6A80")]
    [TestCase("0102030405", TestName = "Sign_NotDer_Answers6A80")]
    [TestCase("300D06092A864886F70D0101010500", TestName = "Sign_NoDigest_Answers6A80")]
    [TestCase("3021300906052B0E03021A050004140000000000000000000000000000000000000000FF", TestName = "Sign_TrailingBytes_Answers6A80")]
    [TestCase("3021300906052B0E03021B050004140000000000000000000000000000000000000000", TestName = "Sign_UnknownHashOid_Answers6A80")]
    public void Sign_MalformedDigestInfo_Answers6A80(string hex)
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(Convert.FromHexString(hex))));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.WrongData));
    }

    [Test]
    public void Sign_WellFormedSha1DigestInfo_Signs()
    {
        // Arrange: the same shape as the malformed cases, but valid, so those fail for the intended reason.
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));

        // Act
        byte[] response = card.Transmit(Apdus.Sign(Convert.FromHexString("3021300906052B0E03021A05000414" + new string('0', 40))));

        // Assert
        Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.Success));
        Assert.That(TestCards.Credentials.AuthKey.VerifyHash(new byte[20], Apdus.Data(response), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void Sign_LeTooSmallUnderT1_Answers6700()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));
        byte[] command = Apdus.Sign(DigestInfo);
        command[^1] = 0x80;

        // Act
        ushort sw = Apdus.Sw(card.Transmit(command));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.WrongLength));
    }

    [Test]
    public void Reset_AfterVerify_ClearsSecurityState()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"));

        // Act
        card.Reset();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0017));
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(DigestInfo)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [Test]
    public void Reset_AfterSelect_ClearsSelection()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));

        // Act
        card.Reset();
        ushort read = Apdus.Sw(card.Transmit(Apdus.ReadBinary(0, 4)));
        ushort select = Apdus.Sw(card.Transmit(Apdus.SelectFile(0x000A)));

        // Assert
        Assert.That(read, Is.EqualTo(StatusWords.NoCurrentEf));
        Assert.That(select, Is.EqualTo(StatusWords.NoCurrentEf));
    }

    [Test]
    public void PowerOff_ThenTransmit_ThrowsTransportError()
    {
        // Arrange
        var card = TestCards.Create();

        // Act
        card.PowerOff();

        // Assert
        Assert.That(card.IsPowered, Is.False);
        Assert.Throws<InvalidOperationException>(() => card.Transmit(Apdus.SelectJpki()));
    }

    [Test]
    public void Select_OtherApplicationAndBack_ClearsSecurityStateByDefault()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"));

        // Act
        card.SendOk(Apdus.SelectAid(CardApplications.TextAid), Apdus.SelectJpki(), Apdus.SelectFile(0x0017));
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(DigestInfo)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [Test]
    public void Select_OtherApplicationWhenKeepingSecurity_SignStillAllowed()
    {
        // Arrange
        var card = TestCards.Create(new CardOptions { ClearSecurityOnApplicationSelect = false });
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"));

        // Act
        card.SendOk(Apdus.SelectAid(CardApplications.TextAid), Apdus.SelectJpki(), Apdus.SelectFile(0x0017));
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(DigestInfo)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.Success));
    }

    [Test]
    public void Verify_WrongAfterSuccess_WithdrawsVerification()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"));

        // Act
        card.Transmit(Apdus.Verify("0000"));
        card.SendOk(Apdus.SelectFile(0x0017));
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Sign(DigestInfo)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }
}

using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class SelectAndReadTests
{
    [Test]
    public void Select_UnknownAid_Answers6A82()
    {
        // Arrange
        var card = TestCards.Create();

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.SelectAid([0xA0, 0x00, 0x00, 0x00, 0x03])));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.FileNotFound));
    }

    [Test]
    public void Select_UnknownFile_Answers6A82()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki());

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.SelectFile(0x1234)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.FileNotFound));
    }

    [Test]
    public void Select_FileWithoutApplication_Answers6986()
    {
        // Arrange
        var card = TestCards.Create();

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.SelectFile(0x000A)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.NoCurrentEf));
    }

    [TestCase(new byte[] { 0x00, 0xA4, 0x01, 0x0C, 0x02, 0x00, 0x0A }, TestName = "Select_P1Is01_Answers6A86")]
    [TestCase(new byte[] { 0x00, 0xA4, 0x02, 0x00, 0x02, 0x00, 0x0A }, TestName = "Select_P2AsksForFci_Answers6A86")]
    [TestCase(new byte[] { 0x00, 0xB0, 0x85, 0x00, 0x10 }, TestName = "ReadBinary_ShortEfAddressing_Answers6A86")]
    [TestCase(new byte[] { 0x00, 0x2A, 0x9E, 0x9A, 0x03, 0x01, 0x02, 0x03, 0x00 }, TestName = "Sign_IsoPsoForm_Answers6A86")]
    public void Command_WrongP1P2_Answers6A86(byte[] command)
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(command));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.IncorrectP1P2));
    }

    [TestCase(new byte[] { 0x00, 0xA4, 0x02, 0x0C, 0x01, 0x0A }, TestName = "Select_OneByteFileId_Answers6700")]
    [TestCase(new byte[] { 0x00, 0xB0, 0x00, 0x00 }, TestName = "ReadBinary_NoLe_Answers6700")]
    [TestCase(new byte[] { 0x00, 0xB0, 0x00, 0x00, 0x01, 0x00 }, TestName = "ReadBinary_WithData_Answers6700")]
    [TestCase(new byte[] { 0x00, 0xB0, 0x00, 0x00, 0x00, 0x01, 0x00 }, TestName = "ReadBinary_ExtendedWhenDisabled_Answers6700")]
    public void Command_WrongLength_Answers6700(byte[] command)
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(command));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.WrongLength));
    }

    [TestCase((byte)0x00, (byte)0xCA, TestName = "Transmit_UnknownIns_Answers6D00")]
    [TestCase((byte)0x80, (byte)0xB0, TestName = "Transmit_ProprietaryClassReadBinary_Answers6D00")]
    public void Transmit_UnknownInstruction_Answers6D00(byte cla, byte ins)
    {
        // Arrange
        var card = TestCards.Create();

        // Act
        ushort sw = Apdus.Sw(card.Transmit([cla, ins, 0x00, 0x00, 0x00]));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.InsNotSupported));
    }

    [Test]
    public void Transmit_UnknownClass_Answers6E00()
    {
        // Arrange
        var card = TestCards.Create();

        // Act
        ushort sw = Apdus.Sw(card.Transmit([0xB0, 0xA4, 0x04, 0x0C, 0x01, 0x00]));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.ClaNotSupported));
    }

    [Test]
    public void ReadBinary_NoCurrentEf_Answers6986()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki());

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.ReadBinary(0, 4)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.NoCurrentEf));
    }

    [TestCase((ushort)0x0017, TestName = "ReadBinary_KeyFile_Answers6981")]
    [TestCase((ushort)0x0018, TestName = "ReadBinary_PinFile_Answers6981")]
    public void ReadBinary_NonTransparentFile_Answers6981(ushort fileId)
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(fileId));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.ReadBinary(0, 4)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.IncompatibleFileStructure));
    }

    [Test]
    public void ReadBinary_SigningCertificateWithoutPassword_Answers6982()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0001));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.ReadBinary(0, 4)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [Test]
    public void ReadBinary_SigningCertificateAfterAuthPinOnly_Answers6982()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0001));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.ReadBinary(0, 4)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [Test]
    public void ReadBinary_OffsetAtEnd_Answers6B00()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0006));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.ReadBinary(32, 1)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.WrongOffset));
    }

    [Test]
    public void ReadBinary_OffsetBeyondEndWhenLenient_AnswersEmpty9000()
    {
        // Arrange
        var card = TestCards.Create(new CardOptions { RejectOffsetBeyondEnd = false });
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0006));

        // Act
        byte[] response = card.Transmit(Apdus.ReadBinary(0x100, 1));

        // Assert
        Assert.That(response, Is.EqualTo(new byte[] { 0x90, 0x00 }));
    }

    [Test]
    public void ReadBinary_LePastEnd_ShortDataAnd6282()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0006));

        // Act
        byte[] response = card.Transmit(Apdus.ReadBinary(30, 0));

        // Assert
        Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.EndOfFileBeforeLe));
        Assert.That(Apdus.Data(response), Is.EqualTo("  "u8.ToArray()));
    }

    [Test]
    public void ReadBinary_LePastEndWithoutWarning_ShortDataAnd9000()
    {
        // Arrange
        var card = TestCards.Create(new CardOptions { WarnOnReadPastEnd = false });
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0006));

        // Act
        byte[] response = card.Transmit(Apdus.ReadBinary(16, 0));

        // Assert
        Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.Success));
        Assert.That(Apdus.Data(response), Has.Length.EqualTo(16));
    }

    [Test]
    public void ReadBinary_ExtendedLengthEnabled_ReadsWholeCertificateAtOnce()
    {
        // Arrange
        var card = TestCards.Create(new CardOptions { ExtendedLength = true });
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));

        // Act
        byte[] response = card.Transmit([0x00, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x00]);

        // Assert
        Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.EndOfFileBeforeLe));
        Assert.That(Apdus.Data(response), Is.EqualTo(TestCards.Credentials.AuthCertificate.ToArray()));
    }
}

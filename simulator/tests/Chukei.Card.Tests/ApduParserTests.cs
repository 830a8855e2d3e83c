using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class ApduParserTests
{
    [TestCase("00A4040C", 0, 0, TestName = "TryParse_Case1_NoDataNoLe")]
    [TestCase("00B0000000", 0, 256, TestName = "TryParse_Case2ShortLe00_Ne256")]
    [TestCase("00B0000007", 0, 7, TestName = "TryParse_Case2Short_NeFromLe")]
    [TestCase("002000800431323334", 1, 0, TestName = "TryParse_Case3Short_DataNoLe")]
    [TestCase("802A008003AABBCC00", 3, 256, TestName = "TryParse_Case4Short_DataAndLe")]
    public void TryParse_WellFormedShort_Parses(string hex, int expectedNcOrFlag, int expectedNe)
    {
        // Arrange
        byte[] bytes = Convert.FromHexString(hex);

        // Act
        bool ok = ApduParser.TryParse(bytes, allowExtended: false, out var apdu, out ushort sw);

        // Assert
        Assert.That(ok, Is.True);
        Assert.That(sw, Is.EqualTo(StatusWords.Success));
        Assert.That(apdu!.Ne, Is.EqualTo(expectedNe));
        Assert.That(apdu.HasData, Is.EqualTo(expectedNcOrFlag > 0));
        Assert.That(apdu.IsExtended, Is.False);
    }

    [TestCase("", TestName = "TryParse_Empty_WrongLength")]
    [TestCase("00A404", TestName = "TryParse_ShorterThanHeader_WrongLength")]
    [TestCase("00A4040C05D392F0", TestName = "TryParse_LcLongerThanData_WrongLength")]
    [TestCase("00A4040C02D392F000AA", TestName = "TryParse_LcShorterThanData_WrongLength")]
    [TestCase("00B00000000100", TestName = "TryParse_ExtendedLeWhenDisabled_WrongLength")]
    [TestCase("802A0080000003AABBCC0000", TestName = "TryParse_ExtendedCase4WhenDisabled_WrongLength")]
    public void TryParse_Malformed_AnswersWrongLength(string hex)
    {
        // Arrange
        byte[] bytes = Convert.FromHexString(hex);

        // Act
        bool ok = ApduParser.TryParse(bytes, allowExtended: false, out var apdu, out ushort sw);

        // Assert
        Assert.That(ok, Is.False);
        Assert.That(apdu, Is.Null);
        Assert.That(sw, Is.EqualTo(StatusWords.WrongLength));
    }

    [TestCase("A0A4040C", TestName = "TryParse_ClaA0_ClaNotSupported")]
    [TestCase("0CB0000000", TestName = "TryParse_SecureMessagingCla_ClaNotSupported")]
    [TestCase("FF", TestName = "TryParse_OneByte_WrongLengthNotCla")]
    public void TryParse_UnknownClass_AnswersClaNotSupported(string hex)
    {
        // Arrange
        byte[] bytes = Convert.FromHexString(hex);

        // Act
        ApduParser.TryParse(bytes, allowExtended: false, out _, out ushort sw);

        // Assert
        Assert.That(sw, Is.EqualTo(bytes.Length < 4 ? StatusWords.WrongLength : StatusWords.ClaNotSupported));
    }

    [TestCase("00B00000000000", 0, 65536, TestName = "TryParse_ExtendedCase2Le0000_Ne65536")]
    [TestCase("00B00000000400", 0, 1024, TestName = "TryParse_ExtendedCase2_NeFromLe")]
    [TestCase("0020008000000412345678", 4, 0, TestName = "TryParse_ExtendedCase3_Data")]
    [TestCase("802A0080000003AABBCC0100", 3, 256, TestName = "TryParse_ExtendedCase4_DataAndTwoByteLe")]
    public void TryParse_ExtendedWhenEnabled_Parses(string hex, int expectedNc, int expectedNe)
    {
        // Arrange
        byte[] bytes = Convert.FromHexString(hex);

        // Act
        bool ok = ApduParser.TryParse(bytes, allowExtended: true, out var apdu, out _);

        // Assert
        Assert.That(ok, Is.True);
        Assert.That(apdu!.Data, Has.Length.EqualTo(expectedNc));
        Assert.That(apdu.Ne, Is.EqualTo(expectedNe));
        Assert.That(apdu.IsExtended, Is.True);
    }

    [TestCase("00B0000000AA", TestName = "TryParse_TwoByteBodyStartingWith00_WrongLength")]
    [TestCase("0020008000000000", TestName = "TryParse_ExtendedWithZeroLc_WrongLength")]
    public void TryParse_MalformedExtendedWhenEnabled_WrongLength(string hex)
    {
        // Arrange
        byte[] bytes = Convert.FromHexString(hex);

        // Act
        bool ok = ApduParser.TryParse(bytes, allowExtended: true, out _, out ushort sw);

        // Assert
        Assert.That(ok, Is.False);
        Assert.That(sw, Is.EqualTo(StatusWords.WrongLength));
    }
}

using Chukei.Contracts.Identifiers;

namespace Chukei.Contracts.Tests;

[TestFixture]
public sealed class IdentifierRulesTests
{
    [TestCase("01130012", TestName = "MedicalInsurerNumber_KyokaiKenpoTokyo_Valid")]
    [TestCase("06130017", TestName = "MedicalInsurerNumber_EightDigitsWithCheckDigit_Valid")]
    [TestCase("131011", TestName = "MedicalInsurerNumber_SixDigitNationalHealthInsurance_Valid")]
    public void MedicalInsurerNumber_Valid_ReturnsNull(string value) =>
        Assert.That(IdentifierRules.MedicalInsurerNumber(value), Is.Null);

    [TestCase(null, "is required", TestName = "MedicalInsurerNumber_Null_Required")]
    [TestCase("", "is required", TestName = "MedicalInsurerNumber_Empty_Required")]
    [TestCase("0113001", "8 digits", TestName = "MedicalInsurerNumber_SevenDigits_Refused")]
    [TestCase("011300120", "8 digits", TestName = "MedicalInsurerNumber_NineDigits_Refused")]
    [TestCase("0113001A", "8 digits", TestName = "MedicalInsurerNumber_Letter_Refused")]
    [TestCase("０１１３００１２", "8 digits", TestName = "MedicalInsurerNumber_FullWidthDigits_Refused")]
    [TestCase("01130013", "check digit is 3, expected 2", TestName = "MedicalInsurerNumber_WrongCheckDigit_NamesExpectedDigit")]
    [TestCase("131012", "check digit is 2, expected 1", TestName = "MedicalInsurerNumber_SixDigitsWrongCheckDigit_NamesExpectedDigit")]
    public void MedicalInsurerNumber_Invalid_ReturnsReason(string? value, string reason) =>
        Assert.That(IdentifierRules.MedicalInsurerNumber(value), Does.Contain(reason));

    [TestCase("131011", null, TestName = "LtcInsurerNumber_ChiyodaWithCheckDigit_Valid")]
    [TestCase("01130012", "6 digits", TestName = "LtcInsurerNumber_EightDigits_Refused")]
    [TestCase("131012", "check digit", TestName = "LtcInsurerNumber_WrongCheckDigit_Refused")]
    [TestCase("", "is required", TestName = "LtcInsurerNumber_Empty_Required")]
    public void LtcInsurerNumber_Example_GivesReason(string value, string? reason) =>
        Assert.That(IdentifierRules.LtcInsurerNumber(value), reason is null ? Is.Null : Does.Contain(reason));

    [TestCase("0000012345", true, TestName = "LtcInsuredNumber_TenDigits_Valid")]
    [TestCase("123456789", false, TestName = "LtcInsuredNumber_NineDigits_Refused")]
    [TestCase("12345678901", false, TestName = "LtcInsuredNumber_ElevenDigits_Refused")]
    [TestCase("12345abcde", false, TestName = "LtcInsuredNumber_Letters_Refused")]
    public void LtcInsuredNumber_Example_ValidOrNot(string value, bool valid) =>
        Assert.That(IdentifierRules.LtcInsuredNumber(value) is null, Is.EqualTo(valid));

    [TestCase("1234567890", true, TestName = "BasicPensionNumber_TenDigits_Valid")]
    [TestCase("1234-567890", false, TestName = "BasicPensionNumber_WithHyphen_Refused")]
    [TestCase("123456789", false, TestName = "BasicPensionNumber_NineDigits_Refused")]
    public void BasicPensionNumber_Example_ValidOrNot(string value, bool valid) =>
        Assert.That(IdentifierRules.BasicPensionNumber(value) is null, Is.EqualTo(valid));

    [TestCase(null, true, TestName = "CardSymbol_Absent_Valid")]
    [TestCase("12-3", true, TestName = "CardSymbol_DigitsAndHyphen_Valid")]
    [TestCase("愛知ア１２", true, TestName = "CardSymbol_KanjiKanaFullWidthDigits_Valid")]
    [TestCase("12 3", false, TestName = "CardSymbol_Space_Refused")]
    [TestCase("123456789012345678901", false, TestName = "CardSymbol_TwentyOneCharacters_Refused")]
    public void CardSymbol_Example_ValidOrNot(string? value, bool valid) =>
        Assert.That(IdentifierRules.CardSymbol(value) is null, Is.EqualTo(valid));

    [TestCase("3456", true, TestName = "CardNumber_Digits_Valid")]
    [TestCase("12345678901234567890", true, TestName = "CardNumber_TwentyCharacters_Valid")]
    [TestCase("", false, TestName = "CardNumber_Empty_Refused")]
    [TestCase("123456789012345678901", false, TestName = "CardNumber_TwentyOneCharacters_Refused")]
    [TestCase("12/34", false, TestName = "CardNumber_Slash_Refused")]
    public void CardNumber_Example_ValidOrNot(string value, bool valid) =>
        Assert.That(IdentifierRules.CardNumber(value) is null, Is.EqualTo(valid));

    [TestCase("01", true, TestName = "BranchNumber_TwoDigits_Valid")]
    [TestCase("1", false, TestName = "BranchNumber_OneDigit_Refused")]
    [TestCase("001", false, TestName = "BranchNumber_ThreeDigits_Refused")]
    [TestCase("０１", false, TestName = "BranchNumber_FullWidthDigits_Refused")]
    public void BranchNumber_Example_ValidOrNot(string value, bool valid) =>
        Assert.That(IdentifierRules.BranchNumber(value) is null, Is.EqualTo(valid));

    [TestCase("kenpo-a.chukei.test", true, TestName = "PartyId_DottedLowerCase_Valid")]
    [TestCase("abc", true, TestName = "PartyId_ThreeCharacters_Valid")]
    [TestCase("ab", false, TestName = "PartyId_TwoCharacters_Refused")]
    [TestCase("Kenpo-a", false, TestName = "PartyId_UpperCase_Refused")]
    [TestCase("-kenpo", false, TestName = "PartyId_LeadingHyphen_Refused")]
    [TestCase("kenpo_a", false, TestName = "PartyId_Underscore_Refused")]
    public void PartyId_Example_ValidOrNot(string value, bool valid) =>
        Assert.That(IdentifierRules.PartyId(value) is null, Is.EqualTo(valid));

    [Test]
    public void PartyId_SixtyFourAndSixtyFiveCharacters_OnlyFirstValid()
    {
        // Arrange
        var max = new string('a', 64);

        // Act
        var atLimit = IdentifierRules.PartyId(max);
        var over = IdentifierRules.PartyId(max + "a");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(atLimit, Is.Null);
            Assert.That(over, Is.Not.Null);
        });
    }

    [TestCase("0113001", 2, TestName = "ComputeCheckDigit_KyokaiKenpoTokyoBody_Two")]
    [TestCase("0613001", 7, TestName = "ComputeCheckDigit_KenpoBody_Seven")]
    [TestCase("13101", 1, TestName = "ComputeCheckDigit_ChiyodaBody_One")]
    [TestCase("0113501", 1, TestName = "ComputeCheckDigit_ProductOverNine_SumsItsDigits")]
    [TestCase("00000", 0, TestName = "ComputeCheckDigit_AllZero_Zero")]
    public void ComputeCheckDigit_Body_GivesDigit(string body, int expected) =>
        Assert.That(IdentifierRules.ComputeCheckDigit(body), Is.EqualTo(expected));

    [Test]
    public void WithCheckDigit_Body_AppendsDigitThatValidates()
    {
        // Arrange
        const string body = "3913001";

        // Act
        var number = IdentifierRules.WithCheckDigit(body);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(number, Has.Length.EqualTo(8).And.StartsWith(body));
            Assert.That(IdentifierRules.MedicalInsurerNumber(number), Is.Null);
        });
    }
}

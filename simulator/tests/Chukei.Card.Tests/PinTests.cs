using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class PinTests
{
    private static VirtualCard CardAtAuthPin(CardOptions? options = null)
    {
        var card = TestCards.Create(options);
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));
        return card;
    }

    [Test]
    public void Verify_WrongPinThreeTimes_CountsDownThenBlocks()
    {
        // Arrange
        var card = CardAtAuthPin();

        // Act
        ushort[] answers = [.. Enumerable.Range(0, 3).Select(_ => Apdus.Sw(card.Transmit(Apdus.Verify("9999"))))];

        // Assert
        Assert.That(answers, Is.EqualTo(new ushort[] { 0x63C2, 0x63C1, 0x63C0 }));
    }

    [Test]
    public void Verify_Blocked_AnswersBlockedEvenForCorrectPinAndNeverDecrements()
    {
        // Arrange
        var card = CardAtAuthPin();
        for (int i = 0; i < 3; i++)
        {
            card.Transmit(Apdus.Verify("9999"));
        }

        // Act
        ushort wrong = Apdus.Sw(card.Transmit(Apdus.Verify("9999")));
        ushort right = Apdus.Sw(card.Transmit(Apdus.Verify("1234")));
        card.Reset();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));
        ushort afterReset = Apdus.Sw(card.Transmit(Apdus.Verify("1234")));
        ushort query = Apdus.Sw(card.Transmit(Apdus.VerifyQuery()));

        // Assert
        Assert.That(new[] { wrong, right, afterReset }, Is.All.EqualTo(StatusWords.ReferenceDataInvalidated));
        Assert.That(query, Is.EqualTo(0x63C0));
    }

    [Test]
    public void Verify_BlockedWithIsoOption_Answers6983()
    {
        // Arrange
        var card = CardAtAuthPin(new CardOptions { BlockedStatusWord = StatusWords.AuthenticationMethodBlocked, BlockedQueryAnswersBlockedStatusWord = true });
        for (int i = 0; i < 3; i++)
        {
            card.Transmit(Apdus.Verify("0000"));
        }

        // Act
        ushort verify = Apdus.Sw(card.Transmit(Apdus.Verify("1234")));
        ushort query = Apdus.Sw(card.Transmit(Apdus.VerifyQuery()));

        // Assert
        Assert.That(verify, Is.EqualTo(StatusWords.AuthenticationMethodBlocked));
        Assert.That(query, Is.EqualTo(StatusWords.AuthenticationMethodBlocked));
    }

    [Test]
    public void Verify_CorrectPinAfterFailures_ResetsCounter()
    {
        // Arrange
        var card = CardAtAuthPin();
        card.Transmit(Apdus.Verify("9999"));
        card.Transmit(Apdus.Verify("9999"));

        // Act
        ushort verify = Apdus.Sw(card.Transmit(Apdus.Verify("1234")));
        ushort query = Apdus.Sw(card.Transmit(Apdus.VerifyQuery()));

        // Assert
        Assert.That(verify, Is.EqualTo(StatusWords.Success));
        Assert.That(query, Is.EqualTo(0x63C3));
    }

    [Test]
    public void VerifyQuery_SigningPasswordAfterOneFailure_Answers63C4AndDoesNotDecrement()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x001B));
        card.Transmit(Apdus.Verify("WRONG1"));

        // Act
        ushort first = Apdus.Sw(card.Transmit(Apdus.VerifyQuery()));
        ushort second = Apdus.Sw(card.Transmit(Apdus.VerifyQuery()));

        // Assert
        Assert.That(first, Is.EqualTo(0x63C4));
        Assert.That(second, Is.EqualTo(0x63C4));
    }

    [Test]
    public void Verify_CountersPersistAcrossPowerCycle()
    {
        // Arrange
        var card = CardAtAuthPin();
        card.Transmit(Apdus.Verify("9999"));

        // Act
        card.PowerOff();
        card.PowerOn();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));
        ushort query = Apdus.Sw(card.Transmit(Apdus.VerifyQuery()));

        // Assert
        Assert.That(query, Is.EqualTo(0x63C2));
    }

    [Test]
    public void Verify_PresetCounterFromProfile_QueryShowsIt()
    {
        // Arrange
        var card = TestCards.Create(profile: TestCards.Profile with { AuthPinTriesLeft = 1 });
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));

        // Act
        ushort query = Apdus.Sw(card.Transmit(Apdus.VerifyQuery()));

        // Assert
        Assert.That(query, Is.EqualTo(0x63C1));
    }

    [Test]
    public void Verify_NoCurrentEf_Answers6986()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki());

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Verify("1234")));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.NoCurrentEf));
    }

    [Test]
    public void Verify_WrongP1P2_Answers6A86()
    {
        // Arrange
        var card = CardAtAuthPin();

        // Act
        ushort sw = Apdus.Sw(card.Transmit([0x00, 0x20, 0x00, 0x81, 0x04, 0x31, 0x32, 0x33, 0x34]));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.IncorrectP1P2));
    }

    [Test]
    public void Change_WithoutVerify_Answers6982()
    {
        // Arrange
        var card = CardAtAuthPin();

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Change("5678")));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [TestCase("567", TestName = "Change_ThreeDigits_Answers6A80")]
    [TestCase("56a8", TestName = "Change_NonDigit_Answers6A80")]
    [TestCase("56789", TestName = "Change_FiveDigits_Answers6A80")]
    public void Change_BadNewFormat_Answers6A80(string newPin)
    {
        // Arrange
        var card = CardAtAuthPin();
        card.SendOk(Apdus.Verify("1234"));

        // Act
        ushort sw = Apdus.Sw(card.Transmit(Apdus.Change(newPin)));

        // Assert
        Assert.That(sw, Is.EqualTo(StatusWords.WrongData));
    }

    [Test]
    public void Change_AfterVerify_NewPinWorksAfterResetAndOldDoesNot()
    {
        // Arrange
        var card = CardAtAuthPin();
        card.SendOk(Apdus.Verify("1234"));

        // Act
        card.SendOk(Apdus.Change("5678"));
        card.Reset();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));
        ushort old = Apdus.Sw(card.Transmit(Apdus.Verify("1234")));
        ushort fresh = Apdus.Sw(card.Transmit(Apdus.Verify("5678")));

        // Assert
        Assert.That(old, Is.EqualTo(0x63C2));
        Assert.That(fresh, Is.EqualTo(StatusWords.Success));
    }

    [Test]
    public void Change_SigningPasswordLowercase_Answers6A80()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x001B), Apdus.Verify("ABC123"));

        // Act
        ushort lower = Apdus.Sw(card.Transmit(Apdus.Change("abc123")));
        ushort good = Apdus.Sw(card.Transmit(Apdus.Change("NEWPASS2026")));

        // Assert
        Assert.That(lower, Is.EqualTo(StatusWords.WrongData));
        Assert.That(good, Is.EqualTo(StatusWords.Success));
    }
}

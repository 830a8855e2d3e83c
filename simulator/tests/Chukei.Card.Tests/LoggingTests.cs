using Chukei.Card.Logging;

namespace Chukei.Card.Tests;

public sealed class LoggingTests
{
    [Test]
    public void ApduLogged_VerifyAndChange_MasksPinBytes()
    {
        // Arrange
        var card = TestCards.Create();
        var log = new List<ApduLoggedEventArgs>();
        card.ApduLogged += (_, e) => log.Add(e);

        // Act
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x001B), Apdus.Verify("ABC123"), Apdus.Change("SECRET99"));

        // Assert
        var commands = log.Where(e => e.Direction == ApduDirection.Command).ToList();
        Assert.That(commands[2].Text, Is.EqualTo("00 20 00 80 06 ** ** ** ** ** **"));
        Assert.That(commands[3].Text, Is.EqualTo("00 24 01 80 08 ** ** ** ** ** ** ** **"));
        string everything = string.Join("\n", log.Select(e => e.Text + Convert.ToHexString(e.Bytes.Span)));
        Assert.That(everything, Does.Not.Contain("ABC123").And.Not.Contain(Convert.ToHexString("ABC123"u8)));
        Assert.That(everything, Does.Not.Contain("SECRET99").And.Not.Contain(Convert.ToHexString("SECRET99"u8)));
    }

    [Test]
    public void ApduLogged_Exchange_LogsCommandResponseAndControlInOrder()
    {
        // Arrange
        var card = TestCards.Create();
        var log = new List<ApduLoggedEventArgs>();
        card.ApduLogged += (_, e) => log.Add(e);

        // Act
        card.Transmit(Apdus.SelectJpki());
        card.Reset();

        // Assert
        Assert.That(log.Select(e => e.Direction), Is.EqualTo(new[] { ApduDirection.Command, ApduDirection.Response, ApduDirection.Control }));
        Assert.That(log[0].Text, Is.EqualTo("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"));
        Assert.That(log[1].StatusWord, Is.EqualTo((ushort)0x9000));
        Assert.That(log[2].Text, Is.EqualTo("reset"));
        Assert.That(log[0].At, Is.EqualTo(TestCards.Now));
    }

    [Test]
    public void Mask_MalformedVerifyWithPinBytes_StillMasks()
    {
        // Arrange: a wrong Lc makes the APDU malformed, but it still carries a PIN.
        byte[] command = [0x00, 0x20, 0x00, 0x80, 0x09, 0x31, 0x32, 0x33, 0x34];

        // Act
        var (bytes, text) = ApduMasker.Mask(command);

        // Assert
        Assert.That(text, Is.EqualTo("00 20 00 80 09 ** ** ** **"));
        Assert.That(bytes[5..], Is.All.EqualTo((byte)'*'));
    }
}

using Chukei.Card.Apdu;
using Chukei.Card.Transport;

namespace Chukei.Card.Tests.Transport;

public sealed class VpcdMalformedFrameTests
{
    [Test]
    public async Task RunAsync_EmptyFrame_Answers6700AndKeepsServing()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();

        // Act
        await harness.Vpcd.SendFrameAsync([]);
        byte[] reply = await harness.Vpcd.ReadFrameAsync();
        byte[] atr = await harness.Vpcd.GetAtrAsync();

        // Assert
        Assert.That(Apdus.Sw(reply), Is.EqualTo(StatusWords.WrongLength));
        Assert.That(atr, Is.EqualTo(CardOptions.DefaultAtr.ToArray()));
        Assert.That(harness.Diagnostics, Has.Some.Contains("empty frame"));
    }

    [Test]
    public async Task RunAsync_CommandLongerThanShortApdu_Answers6700WithoutReachingCard()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();
        int commands = 0;
        harness.Card.ApduLogged += (_, e) => commands += e.Direction == Logging.ApduDirection.Command ? 1 : 0;
        byte[] oversize = [0x00, 0xD6, 0x00, 0x00, .. new byte[4000]];

        // Act
        byte[] reply = await harness.Vpcd.TransmitAsync(oversize);
        byte[] next = await harness.Vpcd.TransmitAsync(Apdus.SelectJpki());

        // Assert
        Assert.That(Apdus.Sw(reply), Is.EqualTo(StatusWords.WrongLength));
        Assert.That(Apdus.Sw(next), Is.EqualTo(StatusWords.Success), "the oversize payload was drained, so framing stays in step");
        Assert.That(commands, Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_UnknownControlCode_IgnoredWithoutReply()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();

        // Act
        await harness.Vpcd.SendControlAsync(0x03);
        byte[] reply = await harness.Vpcd.TransmitAsync(Apdus.SelectJpki());

        // Assert
        Assert.That(reply, Is.EqualTo(new byte[] { 0x90, 0x00 }));
        Assert.That(harness.Diagnostics, Has.Some.Contains("unknown control code 03"));
    }

    [TestCase(new byte[] { 0x00 })]
    [TestCase(new byte[] { 0x00, 0x0A, 0x00, 0xA4, 0x04 })]
    public async Task RunAsync_ConnectionClosedInsideFrame_EndsCleanly(byte[] truncated)
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();

        // Act
        await harness.Vpcd.Stream.WriteAsync(truncated);
        harness.Vpcd.CloseCard();
        await harness.Run.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.That(harness.Run.IsCompletedSuccessfully, Is.True);
        Assert.That(harness.Diagnostics, Has.Some.Contains("inside a frame header").Or.Some.Contains("payload bytes"));
    }

    [TestCase(new byte[] { 0x00, 0xA4 })]
    [TestCase(new byte[] { 0x00, 0xA4, 0x04 })]
    [TestCase(new byte[] { 0x00, 0xB0, 0x00, 0x00, 0x05, 0x01 })]
    public async Task RunAsync_ShortOrInconsistentApdu_AnsweredWithStatusWordAsTheCardWould(byte[] command)
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();

        // Act
        byte[] reply = await harness.Vpcd.TransmitAsync(command);

        // Assert
        Assert.That(reply, Has.Length.EqualTo(2));
        Assert.That(Apdus.Sw(reply), Is.Not.EqualTo(StatusWords.Success));
    }

    [Test]
    public async Task RunAsync_ApduWhileUnpowered_Answers6F00InsteadOfThrowing()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();
        await harness.Vpcd.SendControlAsync(0x00);

        // Act
        byte[] reply = await harness.Vpcd.TransmitAsync(Apdus.SelectJpki());

        // Assert
        Assert.That(Apdus.Sw(reply), Is.EqualTo(StatusWords.NoPreciseDiagnosis));
        Assert.That(harness.Run.IsCompleted, Is.False);
    }

    [Test]
    public async Task RunAsync_CardWithEmptyAtr_ClosesConnectionInsteadOfSendingEmptyReply()
    {
        // Arrange: an empty reply is vpcd's removal signal (vpcd.c 380), so the card says it by leaving.
        await using var harness = await VpcdHarness.StartAsync(cardOptions: new CardOptions { Atr = ReadOnlyMemory<byte>.Empty });

        // Act
        await harness.Vpcd.SendControlAsync(0x04);
        int read = await harness.Vpcd.Stream.ReadAsync(new byte[2]).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await harness.Run.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.That(read, Is.Zero, "vpcd sees end of stream, not a frame");
        Assert.That(harness.Run.IsCompletedSuccessfully, Is.True);
        Assert.That(harness.Client.IsInserted, Is.False);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chukei.Card.Apdu;
using Chukei.Card.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Card.Tests.Transport;

public sealed class VpcdClientTests
{
    private static readonly byte[] PowerOn = [0x01];

    [TestCase(false)]
    [TestCase(true)]
    public async Task RunAsync_ClinicSequenceOverVpcd_SignatureVerifiesWithCertificateReadOnSameConnection(bool splitWrites)
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync(splitWrites);
        var vpcd = harness.Vpcd;
        byte[] challenge = RandomNumberGenerator.GetBytes(32);

        // Act
        byte[] atr = await vpcd.GetAtrAsync();
        await vpcd.SendFrameAsync(PowerOn);
        await SendOkAsync(vpcd, Apdus.SelectJpki(), Apdus.SelectFile(0x000A));
        byte[] certificateDer = await ReadWholeFileAsync(vpcd);
        await SendOkAsync(vpcd, Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));
        byte[] response = await vpcd.TransmitAsync(Apdus.Sign(Apdus.Sha256DigestInfo(SHA256.HashData(challenge))));

        // Assert
        Assert.That(atr, Is.EqualTo(CardOptions.DefaultAtr.ToArray()));
        Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.Success));
        using var certificate = X509CertificateLoader.LoadCertificate(certificateDer);
        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.That(publicKey.VerifyData(challenge, Apdus.Data(response), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public async Task RunAsync_ResetControl_ClearsSecurityStateSoProtectedEfAnswers6982()
    {
        // Arrange: the signing certificate EF 0001 is readable only after the signing password (anchors §3.2).
        await using var harness = await VpcdHarness.StartAsync();
        var vpcd = harness.Vpcd;
        await vpcd.SendFrameAsync(PowerOn);
        await SendOkAsync(vpcd, Apdus.SelectJpki(), Apdus.SelectFile(0x001B), Apdus.Verify("ABC123"), Apdus.SelectFile(0x0001));
        ushort before = Apdus.Sw(await vpcd.TransmitAsync(Apdus.ReadBinary(0, 4)));

        // Act
        await vpcd.SendControlAsync(0x02);
        await SendOkAsync(vpcd, Apdus.SelectJpki(), Apdus.SelectFile(0x0001));
        ushort after = Apdus.Sw(await vpcd.TransmitAsync(Apdus.ReadBinary(0, 4)));

        // Assert
        Assert.That(before, Is.EqualTo(StatusWords.Success));
        Assert.That(after, Is.EqualTo(StatusWords.SecurityStatusNotSatisfied));
    }

    [Test]
    public async Task RunAsync_PowerOffAndOn_NoReplyAndNextAtrIsTheFirstFrameBack()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();
        var vpcd = harness.Vpcd;

        // Act: if the card answered power off or on, the next frame read would be that answer instead of the ATR;
        // the ATR reply also proves the control before it was processed.
        await vpcd.SendControlAsync(0x00);
        byte[] atrWhileOff = await vpcd.GetAtrAsync();
        bool poweredAfterOff = harness.Card.IsPowered;
        await vpcd.SendControlAsync(0x01);
        byte[] atrAfterOn = await vpcd.GetAtrAsync();

        // Assert
        Assert.That(atrWhileOff, Is.EqualTo(CardOptions.DefaultAtr.ToArray()), "GET ATR is pcscd's presence poll, answered powered or not");
        Assert.That(atrAfterOn, Is.EqualTo(CardOptions.DefaultAtr.ToArray()));
        Assert.That(poweredAfterOff, Is.False);
        Assert.That(harness.Card.IsPowered, Is.True);
    }

    [Test]
    public async Task RunAsync_VpcdClosesSocket_EndsWithoutExceptionAndCardIsRemoved()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();
        await harness.Vpcd.GetAtrAsync();

        // Act
        harness.Vpcd.CloseCard();
        await harness.Run.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.That(harness.Run.IsCompletedSuccessfully, Is.True);
        Assert.That(harness.Client.IsInserted, Is.False);
        Assert.That(harness.Card.IsPowered, Is.False, "a pulled card loses power and with it its session");
    }

    [Test]
    public async Task RunAsync_TokenCancelled_EndsWithoutException()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();
        await harness.Vpcd.GetAtrAsync();

        // Act
        harness.Stop();
        await harness.Run.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.That(harness.Run.IsCompletedSuccessfully, Is.True);
        Assert.That(harness.Diagnostics, Has.Some.Contains("cancelled"));
    }

    [Test]
    public async Task RemoveAsync_WhileRunning_EndsRunAndReinsertConnectsAgain()
    {
        // Arrange
        await using var harness = await VpcdHarness.StartAsync();
        await harness.Vpcd.GetAtrAsync();

        // Act
        await harness.Client.RemoveAsync();
        await harness.Run.WaitAsync(TimeSpan.FromSeconds(5));
        var second = harness.Client.RunAsync(harness.StopToken);
        await harness.Vpcd.AcceptAsync();
        byte[] atr = await harness.Vpcd.GetAtrAsync();
        harness.Vpcd.CloseCard();
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.That(harness.Run.IsCompletedSuccessfully, Is.True);
        Assert.That(atr, Is.EqualTo(CardOptions.DefaultAtr.ToArray()));
        Assert.That(harness.Diagnostics, Has.Some.StartsWith("inserted").And.Some.StartsWith("removed"));
    }

    [Test]
    public async Task ReinsertAsync_WaitsReinsertDelayOnInjectedClockThenConnectsAgain()
    {
        // Arrange
        await using var vpcd = new FakeVpcd();
        var time = new FakeTimeProvider(TestCards.Now);
        await using var client = new VpcdClient(TestCards.Create(), new VpcdOptions { Port = vpcd.Port, ReinsertDelay = TimeSpan.FromSeconds(1) }, time);
        await client.InsertAsync();
        await vpcd.AcceptAsync();

        // Act
        var reinsert = client.ReinsertAsync();
        bool outDuringDelay = !reinsert.IsCompleted && !client.IsInserted;
        time.Advance(TimeSpan.FromSeconds(1));
        await reinsert.WaitAsync(TimeSpan.FromSeconds(5));
        await vpcd.AcceptAsync();

        // Assert
        Assert.That(outDuringDelay, Is.True);
        Assert.That(client.IsInserted, Is.True);
    }

    [Test]
    public void ForSlot_One_IsPort35964()
    {
        // Arrange / Act
        var options = VpcdOptions.ForSlot(1);

        // Assert
        Assert.That(options.Port, Is.EqualTo(35964));
    }

    internal static async Task SendOkAsync(FakeVpcd vpcd, params byte[][] commands)
    {
        foreach (byte[] command in commands)
        {
            Assert.That(Apdus.Sw(await vpcd.TransmitAsync(command)), Is.EqualTo(StatusWords.Success), Convert.ToHexString(command));
        }
    }

    private static async Task<byte[]> ReadWholeFileAsync(FakeVpcd vpcd)
    {
        // As OpenSC does: the DER header gives the size, then chunks of up to 256 bytes (anchors §3.5).
        byte[] header = Apdus.Data(await vpcd.TransmitAsync(Apdus.ReadBinary(0, 4)));
        int size = ((header[2] << 8) | header[3]) + 4;
        var content = new List<byte>(size);
        while (content.Count < size)
        {
            int chunk = Math.Min(256, size - content.Count);
            byte[] response = await vpcd.TransmitAsync(Apdus.ReadBinary(content.Count, chunk == 256 ? 0 : chunk));
            Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.Success));
            content.AddRange(Apdus.Data(response));
        }

        Assert.That(size, Is.GreaterThan(256), "the read must really be chunked");
        return [.. content];
    }
}

using System.Net;
using System.Net.Sockets;
using Chukei.Card.Apdu;
using Chukei.Card.Transport;

namespace Chukei.Card.Tests.Transport;

public sealed class VpcdListenerTests
{
    [Test]
    public async Task RunAsync_Reversed_VpcdConnectsTwiceAndEachConnectionIsAnInsertion()
    {
        // Arrange
        var card = TestCards.Create();
        using var listener = new VpcdListener(card, new VpcdOptions { Port = 0 });
        listener.Start();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var run = listener.RunAsync(stop.Token);

        // Act
        byte[] first = await ConnectAndSelectAsync(listener.LocalEndPoint);
        byte[] second = await ConnectAndSelectAsync(listener.LocalEndPoint);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.That(first, Is.EqualTo(new byte[] { 0x90, 0x00 }));
        Assert.That(second, Is.EqualTo(new byte[] { 0x90, 0x00 }));
        Assert.That(run.IsCompletedSuccessfully, Is.True);
    }

    private static async Task<byte[]> ConnectAndSelectAsync(IPEndPoint endPoint)
    {
        using var vpcd = new TcpClient();
        await vpcd.ConnectAsync(endPoint);
        var stream = vpcd.GetStream();
        await stream.WriteAsync(new byte[] { 0x00, 0x01, 0x04 });
        byte[] atr = await ReadFrameAsync(stream);
        Assert.That(atr, Is.EqualTo(CardOptions.DefaultAtr.ToArray()));
        await stream.WriteAsync(new byte[] { 0x00, 0x01, 0x01 });
        byte[] select = Apdus.SelectJpki();
        await stream.WriteAsync((byte[])[0x00, (byte)select.Length, .. select]);
        byte[] reply = await ReadFrameAsync(stream);
        Assert.That(Apdus.Sw(reply), Is.EqualTo(StatusWords.Success));
        return reply;
    }

    private static async Task<byte[]> ReadFrameAsync(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        byte[] header = new byte[2];
        await stream.ReadExactlyAsync(header, cts.Token);
        byte[] payload = new byte[(header[0] << 8) | header[1]];
        await stream.ReadExactlyAsync(payload, cts.Token);
        return payload;
    }
}

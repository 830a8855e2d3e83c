using System.Net;
using System.Net.Sockets;

namespace Chukei.Card.Tests.Transport;

/// <summary>
/// vpcd's side of the protocol as pcscd's driver speaks it (vpcd.c): listens, accepts the card, sends framed control
/// codes and APDUs and reads the framed replies. Optionally splits every frame into delayed pieces, which is what
/// TCP is allowed to do and what a card that trusts one Read gets wrong.
/// </summary>
internal sealed class FakeVpcd : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private TcpClient? _card;

    public FakeVpcd()
    {
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Write the length and the payload in separate, delayed writes (and the payload in two halves).</summary>
    public bool SplitWrites { get; init; }

    public NetworkStream Stream => _card?.GetStream() ?? throw new InvalidOperationException("No card connected.");

    public async Task AcceptAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        _card?.Dispose();
        _card = await _listener.AcceptTcpClientAsync(cts.Token);
    }

    public Task SendControlAsync(byte code) => SendFrameAsync([code]);

    public async Task<byte[]> GetAtrAsync()
    {
        await SendControlAsync(0x04);
        return await ReadFrameAsync();
    }

    public async Task<byte[]> TransmitAsync(byte[] apdu)
    {
        await SendFrameAsync(apdu);
        return await ReadFrameAsync();
    }

    public async Task SendFrameAsync(byte[] payload)
    {
        byte[] header = [(byte)(payload.Length >> 8), (byte)payload.Length];
        if (!SplitWrites)
        {
            await Stream.WriteAsync((byte[])[.. header, .. payload]);
            return;
        }

        await WritePieceAsync(header.AsMemory(0, 1));
        await WritePieceAsync(header.AsMemory(1, 1));
        await WritePieceAsync(payload.AsMemory(0, payload.Length / 2));
        await WritePieceAsync(payload.AsMemory(payload.Length / 2));
    }

    public async Task<byte[]> ReadFrameAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        byte[] header = new byte[2];
        await Stream.ReadExactlyAsync(header, cts.Token);
        byte[] payload = new byte[(header[0] << 8) | header[1]];
        Assert.That(payload, Is.Not.Empty, "an empty reply means removal to vpcd; the card must never send one");
        await Stream.ReadExactlyAsync(payload, cts.Token);
        return payload;
    }

    /// <summary>What vpcd does on an error: close the socket, which the card sees as removal.</summary>
    public void CloseCard()
    {
        _card?.Dispose();
        _card = null;
    }

    public ValueTask DisposeAsync()
    {
        _card?.Dispose();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WritePieceAsync(ReadOnlyMemory<byte> piece)
    {
        if (piece.IsEmpty)
        {
            return;
        }

        await Stream.WriteAsync(piece);
        await Stream.FlushAsync();
        // A delay between pieces makes them separate TCP segments, so the card's first Read returns a short count.
        await Task.Delay(TimeSpan.FromMilliseconds(15), TimeProvider.System);
    }
}

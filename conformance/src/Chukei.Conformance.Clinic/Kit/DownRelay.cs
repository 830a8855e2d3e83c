using System.Net;
using System.Net.Sockets;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// A relay that is down: a loopback port that resets every connection the moment it is made, before any request is
/// read, so no relay ever answers there. Unlike a port nothing listens on, it lets the kit see that the clinic tried
/// the relay at all (<see cref="ConnectionsDropped"/>): a clinic that concludes a relay problem without trying has not
/// met the relay being down.
/// </summary>
public sealed class DownRelay : IWatchedRelay, IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _dropped;

    private DownRelay()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(_stop.Token);
    }

    public Uri Url { get; }

    /// <summary>How many connections the clinic opened here, each reset at once.</summary>
    public int ConnectionsDropped => Volatile.Read(ref _dropped);

    /// <summary>None: no request is ever read here.</summary>
    public IReadOnlyList<EligibilityExchange> EligibilityExchanges => [];

    public static DownRelay Start() => new();

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            // Counted before the reset, so the count holds by the time the clinic sees its connection fail.
            Interlocked.Increment(ref _dropped);
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
                // The clinic already gave up on the connection (ENOTCONN on a busy machine): it is dropped either way.
            }
            finally
            {
                socket.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

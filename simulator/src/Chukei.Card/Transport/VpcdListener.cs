using System.Net;
using System.Net.Sockets;

namespace Chukei.Card.Transport;

/// <summary>
/// The reversed direction (vicc <c>--reversed</c>): the card listens and vpcd connects to it, which vpcd does when
/// reader.conf's DEVICENAME names a host instead of <c>/dev/null</c>. Serves one vpcd at a time; each new connection
/// is a fresh insertion.
/// </summary>
public sealed class VpcdListener : IDisposable
{
    private readonly ICardChannel _card;
    private readonly VpcdOptions _options;
    private readonly TimeProvider _time;
    private readonly VpcdSession _session;
    private readonly TcpListener _listener;

    public VpcdListener(ICardChannel card, VpcdOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        _card = card;
        _options = options ?? new VpcdOptions();
        _time = time ?? TimeProvider.System;
        _session = new VpcdSession(card, _options, Log);
        _listener = new TcpListener(_options.ResolveEndPoint());
    }

    public event EventHandler<VpcdEventArgs>? Diagnostic;

    /// <summary>The bound address once <see cref="Start"/> ran; with port 0 this is where the OS put it.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public void Start() => _listener.Start(backlog: 1);

    /// <summary>Accepts and serves vpcd connections one after another until the token is cancelled, then returns normally.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        Start();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var connection = await _listener.AcceptTcpClientAsync(cancellationToken);
                connection.NoDelay = true;
                Log($"inserted: vpcd connected from {connection.Client.RemoteEndPoint}");
                try
                {
                    await _session.ServeAsync(connection.GetStream(), cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or SocketException)
                {
                    Log($"connection ended: {exception.Message}");
                }
                finally
                {
                    _card.PowerOff();
                    Log("removed: connection closed");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log("stopped: cancelled");
        }
        finally
        {
            _listener.Stop();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Log(string message) => Diagnostic?.Invoke(this, new VpcdEventArgs(message, _time.GetUtcNow()));
}

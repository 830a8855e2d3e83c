using System.Net.Sockets;

namespace Chukei.Card.Transport;

/// <summary>
/// Presents a card to pcscd through vsmartcard's vpcd driver in its default direction: vpcd listens (127.0.0.1:35963
/// for slot 0, 35964 for slot 1) and the card connects. An open connection is a card in the reader; closing it is
/// pulling the card out, connecting again is putting it back (anchors §2 rule 4).
/// </summary>
public sealed class VpcdClient : IAsyncDisposable
{
    private readonly ICardChannel _card;
    private readonly VpcdOptions _options;
    private readonly TimeProvider _time;
    private readonly VpcdSession _session;
    private readonly Lock _gate = new();
    private TcpClient? _connection;

    public VpcdClient(ICardChannel card, VpcdOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        _card = card;
        _options = options ?? new VpcdOptions();
        _time = time ?? TimeProvider.System;
        _session = new VpcdSession(card, _options, Log);
    }

    /// <summary>Connections, removals and refused frames; the APDUs are in the card's own log.</summary>
    public event EventHandler<VpcdEventArgs>? Diagnostic;

    public bool IsInserted
    {
        get
        {
            lock (_gate)
            {
                return _connection is not null;
            }
        }
    }

    /// <summary>Connects to vpcd: the card appears in the reader on pcscd's next presence poll.</summary>
    public async Task InsertAsync(CancellationToken cancellationToken = default)
    {
        if (IsInserted)
        {
            return;
        }

        var connection = new TcpClient { NoDelay = true };
        try
        {
            await connection.ConnectAsync(_options.ResolveEndPoint(), cancellationToken);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        lock (_gate)
        {
            if (_connection is not null)
            {
                // Another caller inserted meanwhile; one card cannot sit in the slot twice.
                connection.Dispose();
                return;
            }

            _connection = connection;
        }

        Log($"inserted: connected to vpcd at {_options.Host}:{_options.Port}");
    }

    /// <summary>Closes the connection. The card loses power with it, as a pulled card does, so its session is gone.</summary>
    public ValueTask RemoveAsync()
    {
        TcpClient? connection;
        lock (_gate)
        {
            connection = _connection;
            _connection = null;
        }

        if (connection is not null)
        {
            connection.Dispose();
            _card.PowerOff();
            Log("removed: connection closed");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Removal, a pause of <see cref="VpcdOptions.ReinsertDelay"/> on the injected clock, and insertion again.</summary>
    public async Task ReinsertAsync(CancellationToken cancellationToken = default)
    {
        await RemoveAsync();
        await Task.Delay(_options.ReinsertDelay, _time, cancellationToken);
        await InsertAsync(cancellationToken);
    }

    /// <summary>
    /// Inserts the card if it is not in yet and answers vpcd until vpcd closes the connection, the card is removed or
    /// the token is cancelled; each of these ends the loop normally, with the card removed.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await InsertAsync(cancellationToken);
            TcpClient? connection;
            lock (_gate)
            {
                connection = _connection;
            }

            if (connection is null)
            {
                return;
            }

            await _session.ServeAsync(connection.GetStream(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log("stopped: cancelled");
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A reset by vpcd, or RemoveAsync closing the socket under the pending read: either way the card is out.
            Log($"connection ended: {exception.Message}");
        }
        finally
        {
            await RemoveAsync();
        }
    }

    public ValueTask DisposeAsync() => RemoveAsync();

    private void Log(string message) => Diagnostic?.Invoke(this, new VpcdEventArgs(message, _time.GetUtcNow()));
}

using Chukei.Card.Logging;
using Chukei.Card.Transport;

namespace Chukei.Card.Tests.PcscStack;

/// <summary>A fresh virtual card plugged into vpcd's slot 0 through <see cref="VpcdClient"/>, with its APDU log kept.</summary>
internal sealed class CardInVpcdReader : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly VpcdClient _client;
    private readonly Task _run;
    private readonly List<ApduLoggedEventArgs> _log = [];
    private readonly Lock _logGate = new();

    public CardInVpcdReader(VirtualCard card)
    {
        Card = card;
        card.ApduLogged += (_, e) =>
        {
            lock (_logGate)
            {
                _log.Add(e);
            }
        };
        _client = new VpcdClient(card, VpcdOptions.ForSlot(0));
        _run = _client.RunAsync(_stop.Token);
    }

    public VirtualCard Card { get; }

    /// <summary>What the card itself saw (PINs masked), proof that the commands reached it and not something else.</summary>
    public IReadOnlyList<ApduLoggedEventArgs> Log
    {
        get
        {
            lock (_logGate)
            {
                return [.. _log];
            }
        }
    }

    public string LogText => string.Join('\n', Log.Select(e => e.ToString()));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}

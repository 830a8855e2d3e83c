using Chukei.Card.Transport;

namespace Chukei.Card.Tests.Transport;

/// <summary>A fake vpcd, a virtual card connected to it through <see cref="VpcdClient"/>, and the client's running loop.</summary>
internal sealed class VpcdHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(10));

    private VpcdHarness(FakeVpcd vpcd, VirtualCard card, VpcdClient client)
    {
        Vpcd = vpcd;
        Card = card;
        Client = client;
        client.Diagnostic += (_, e) => Diagnostics.Add(e.Message);
    }

    public FakeVpcd Vpcd { get; }

    public VirtualCard Card { get; }

    public VpcdClient Client { get; }

    public List<string> Diagnostics { get; } = [];

    public Task Run { get; private set; } = Task.CompletedTask;

    public CancellationToken StopToken => _stop.Token;

    public static async Task<VpcdHarness> StartAsync(bool splitWrites = false, VpcdOptions? options = null, CardOptions? cardOptions = null)
    {
        var vpcd = new FakeVpcd { SplitWrites = splitWrites };
        var card = TestCards.Create(cardOptions);
        var client = new VpcdClient(card, (options ?? new VpcdOptions()) with { Port = vpcd.Port });
        var harness = new VpcdHarness(vpcd, card, client);
        harness.Run = client.RunAsync(harness._stop.Token);
        await vpcd.AcceptAsync();
        return harness;
    }

    public void Stop() => _stop.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Run;
        await Client.DisposeAsync();
        await Vpcd.DisposeAsync();
        _stop.Dispose();
    }
}

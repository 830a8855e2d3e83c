using Chukei.Contracts.Directory;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>
/// One run of the suite against one target: the relay stand-in (started first, so a target started by the fixture
/// can be given its URL), the target, and the kit's parties. Tests share it but not state: each case uses a fresh
/// seal jti, a fresh envelope jti and a fresh correlation id.
/// </summary>
public sealed class InsurerSession : IAsyncDisposable
{
    private InsurerSession(RelayStandIn relay, InsurerTarget target)
    {
        Relay = relay;
        Target = target;
        World = new KitWorld(target, relay.Url);
        Directory = new KitDirectory(World, relay);
        Directory.PublishCurrent();
    }

    public RelayStandIn Relay { get; }
    public InsurerTarget Target { get; }
    public KitWorld World { get; }

    /// <summary>What the relay stand-in serves at <c>GET /v1/directory</c>.</summary>
    public KitDirectory Directory { get; }

    /// <summary>Starts the stand-in on <paramref name="relayUrl"/>, then asks <paramref name="createTarget"/> for the target, given the stand-in's URL; null when there is no target.</summary>
    public static async Task<InsurerSession?> StartAsync(string relayUrl, Func<Uri, ValueTask<InsurerTarget?>> createTarget)
    {
        ArgumentNullException.ThrowIfNull(createTarget);
        var fixture = new SealFixture(TimeProvider.System.GetUtcNow());
        var directory = new PartyDirectory(SealFixture.RelayId);
        directory.Replace(fixture.Parties);
        var relay = RelayStandIn.Start(relayUrl, SealFixture.RelayId, fixture.KeySet(SealFixture.RelayId), directory, TimeProvider.System);
        try
        {
            var target = await createTarget(relay.Url);
            if (target is null)
            {
                relay.Dispose();
                return null;
            }
            return new InsurerSession(relay, target);
        }
        catch
        {
            relay.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Directory.Dispose();
        World.Dispose();
        if (Target.Owner is not null) await Target.Owner.DisposeAsync();
        Relay.Dispose();
    }
}

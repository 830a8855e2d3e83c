namespace Chukei.Conformance.Relay.Kit;

/// <summary>
/// One run of the relay suite against one target: the stand-in insurers (started first, so a target the fixture starts
/// can be given their URL), the target, and the kit's parties. Cases share it but not state: each takes its own
/// provisioned person, fresh insured numbers, jtis and correlation ids.
/// </summary>
public sealed class RelaySession : IDisposable, IAsyncDisposable
{
    private int _nextPerson = -1;

    private RelaySession(InsurerStandIn standIn, RelayTarget target)
    {
        StandIn = standIn;
        Target = target;
        World = new RelayKitWorld(target, standIn.Url);
    }

    public InsurerStandIn StandIn { get; }
    public RelayTarget Target { get; }
    public RelayKitWorld World { get; }

    /// <summary>Starts the stand-in on <paramref name="standInUrl"/>, then asks <paramref name="createTarget"/> for the target, given the stand-in's URL; null when there is no target.</summary>
    public static async Task<RelaySession?> StartAsync(string standInUrl, Func<Uri, ValueTask<RelayTarget?>> createTarget)
    {
        ArgumentNullException.ThrowIfNull(createTarget);
        // The stand-in starts before the target, and keeps the target's time once it exists (an advancing clock, CLN-011).
        var clock = new FollowingClock();
        var standIn = InsurerStandIn.Start(standInUrl, clock);
        try
        {
            var target = await createTarget(standIn.Url);
            if (target is null)
            {
                standIn.Dispose();
                return null;
            }
            clock.Leader = target.Time;
            return new RelaySession(standIn, target);
        }
        catch
        {
            standIn.Dispose();
            throw;
        }
    }

    /// <summary>A provisioned person no other case of this run uses.</summary>
    public ProvisionedPerson TakePerson()
    {
        var index = Interlocked.Increment(ref _nextPerson);
        if (index >= ProvisionedPeople.Count)
            throw new InvalidOperationException($"the suite needs more than the {ProvisionedPeople.Count} provisioned people in one run");
        return ProvisionedPeople.All[index];
    }

    public async ValueTask DisposeAsync()
    {
        World.Dispose();
        if (Target.Owner is not null) await Target.Owner.DisposeAsync();
        StandIn.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Another clock's time, once it is known; the system's until then.</summary>
    private sealed class FollowingClock : TimeProvider
    {
        public TimeProvider Leader { get; set; } = TimeProvider.System;

        public override DateTimeOffset GetUtcNow() => Leader.GetUtcNow();
    }
}

namespace Chukei.Conformance.Targets;

/// <summary>
/// The system's time plus an offset the suite may move forward. A target started in the suite's own process on this
/// clock (the kit's references) lets a case that must wait on the target's clock, such as CLN-011's 60-second challenge
/// lifetime, move the clock instead; against any other clock <see cref="WaitAsync"/> waits for real.
/// </summary>
public sealed class AdvancingClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Lets <paramref name="span"/> pass on <paramref name="clock"/>: at once on an advancing clock, for real on any other.</summary>
    public static Task WaitAsync(TimeProvider clock, TimeSpan span, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (clock is not AdvancingClock advancing) return Task.Delay(span, clock, ct);
        advancing.Advance(span);
        return Task.CompletedTask;
    }
}

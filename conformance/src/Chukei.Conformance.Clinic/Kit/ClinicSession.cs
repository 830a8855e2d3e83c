using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.External;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// One run of the clinic suite: the kit's world and the driver of the clinic under test. Cases share it but not
/// state: each case takes fresh cards, and the people whose insurer state a case depends on are its own.
/// </summary>
public sealed class ClinicSession : IAsyncDisposable
{
    private ClinicSession(ClinicKitWorld world, IClinicDriver driver)
    {
        World = world;
        Driver = driver;
    }

    public ClinicKitWorld World { get; }
    public IClinicDriver Driver { get; }

    /// <summary>Starts the kit's world, then asks <paramref name="createDriver"/> for the clinic under test; null when there is none.</summary>
    public static async Task<ClinicSession?> StartAsync(Func<ClinicParties, ValueTask<IClinicDriver?>> createDriver)
    {
        ArgumentNullException.ThrowIfNull(createDriver);
        var world = await ClinicKitWorld.StartAsync();
        try
        {
            var driver = await createDriver(world.Parties);
            if (driver is null)
            {
                await world.DisposeAsync();
                return null;
            }
            return new ClinicSession(world, driver);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One check by the clinic under test against the kit's relay (or <paramref name="relayUrl"/>), with a 30 s limit;
    /// the HTTP and command drivers enforce their own, configurable one and say so when it passes.
    /// </summary>
    public async Task<ClinicVerdict> CheckAsync(CardUnderTest card, string pin, Uri? relayUrl = null, DateOnly? serviceDate = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var own = Driver is HttpClinicDriver or CommandClinicDriver ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(30);
        using var limit = new CancellationTokenSource(own, World.Time);
        return await Driver.CheckEligibilityAsync(card.Channel, pin, serviceDate ?? World.Today, relayUrl ?? World.RelayUrl, limit.Token);
    }

    /// <summary>
    /// Has the clinic under test pick up its retroactive-change notices from the kit's relay (or <paramref name="relayUrl"/>)
    /// and returns the notices it holds afterwards; a driver that cannot is a feature not claimed (ELG-021 not run).
    /// </summary>
    public async Task<IReadOnlyList<Contracts.ClinicDriver.ClinicHeldNotice>> PickUpNoticesAsync(Conformance.Outcomes.CheckContext check, Uri? relayUrl = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        var own = Driver is HttpClinicDriver ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(30);
        using var limit = new CancellationTokenSource(own, World.Time);
        try
        {
            return await Driver.PickUpNoticesAsync(relayUrl ?? World.RelayUrl, limit.Token);
        }
        catch (NotSupportedException ex)
        {
            throw check.NotClaimed($"the clinic does not pick up retroactive-change notices: {ex.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Driver is IAsyncDisposable disposable) await disposable.DisposeAsync();
        await World.DisposeAsync();
    }
}

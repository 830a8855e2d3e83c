using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Relay.Tests;

/// <summary>A fresh <see cref="TestNetwork"/> per test: relay and insurers on loopback, a virtual clock.</summary>
public abstract class NetworkTest
{
    protected SimulatedNetwork Network { get; private set; } = null!;
    protected FakeTimeProvider Clock { get; private set; } = null!;

    [SetUp]
    public async Task StartNetworkAsync() => (Network, Clock) = await TestNetwork.StartAsync();

    [TearDown]
    public async Task StopNetworkAsync() => await Network.DisposeAsync();
}

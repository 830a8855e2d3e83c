using Chukei.Conformance.References;
using Chukei.Conformance.Relay;
using Chukei.Conformance.Relay.Fixtures;
using Chukei.Relay;

namespace Chukei.Conformance.SelfTests.Reference;

/// <summary>The whole relay suite, as NUnit runs it for a vendor, against the reference relay: every test passes.</summary>
[TestFixture]
public sealed class ReferenceRelayConformance : RelayConformance
{
    protected override async ValueTask<RelayTarget> CreateTargetAsync() => await ReferenceRelay.StartAsync(StandInUrl, RelayDefects.None);
}

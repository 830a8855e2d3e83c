using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Relay;

/// <summary>
/// The relay under test: where it listens, its party id (the published test keys are those of
/// <see cref="SealFixture.RelayId"/>) and the kit's clock. <see cref="Owner"/>, when set, is disposed after the
/// fixture (a target the fixture started itself).
/// </summary>
public sealed record RelayTarget(ConformanceTarget Target)
{
    /// <summary>The kit's clock; the target's must agree within the protocol's 60 s skew.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IAsyncDisposable? Owner { get; init; }

    public string PartyId => Target.PartyId;
}

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

    /// <summary>How long CLN-011 waits after a challenge is issued before presenting it: 61 s; zero leaves the case out (not run).</summary>
    public TimeSpan ChallengeWait { get; init; } = DefaultChallengeWait;

    public static readonly TimeSpan DefaultChallengeWait = TimeSpan.FromSeconds(61);

    public IAsyncDisposable? Owner { get; init; }

    public string PartyId => Target.PartyId;
}

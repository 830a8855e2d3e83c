using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer;

/// <summary>
/// The insurer under test: where it listens, its party id (the published test keys are those of
/// <see cref="SealFixture.TargetId"/>), the clock the kit builds seals with, and how long the kit waits for a report
/// the target owes the relay. <see cref="Owner"/>, when set, is disposed after the fixture (a target the fixture started).
/// </summary>
public sealed record InsurerTarget(ConformanceTarget Target)
{
    public static readonly TimeSpan DefaultReportWait = TimeSpan.FromSeconds(5);

    /// <summary>DIR-009's example rate limit (one fetch per 10 s) and a second's margin.</summary>
    public static readonly TimeSpan DefaultDirectoryWait = TimeSpan.FromSeconds(11);

    /// <summary>The kit's clock; the target's must agree within the protocol's 60 s skew (boundary cases to the second).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long the kit waits for an access-log report (LOG-010 allows 5 minutes; a CI run cannot wait that long).</summary>
    public TimeSpan ReportWait { get; init; } = DefaultReportWait;

    /// <summary>
    /// How long a directory case keeps presenting a token under a kid only the new directory lists, waiting for the
    /// target to fetch it: the target's rate limit on unknown-kid fetches (DIR-009) plus a margin.
    /// </summary>
    public TimeSpan DirectoryWait { get; init; } = DefaultDirectoryWait;

    /// <summary>
    /// Whether the target claims INS-050: it serves the fall-through notices the relay sends a municipal National
    /// Health Insurance. An insurer of another kind does not, and the INS-050 cases are then not run (skipped).
    /// </summary>
    public bool ServesFallThroughNotices { get; init; }

    public IAsyncDisposable? Owner { get; init; }

    public string PartyId => Target.PartyId;
}

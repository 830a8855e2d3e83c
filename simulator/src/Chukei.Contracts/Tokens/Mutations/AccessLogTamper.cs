using Chukei.Contracts.Wire;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// One tampered copy of the example access-log chain and the verdict chain verification (LOG-021) must reach:
/// <see cref="FirstBrokenSeq"/> null means the copy still verifies.
/// </summary>
/// <param name="Name">Stable kebab-case name, also the test-vector name.</param>
/// <param name="FirstBrokenSeq">The smallest seq whose hash, link or sequence number is wrong, or null for a valid chain.</param>
/// <param name="Description">What was changed and why verification breaks where it does.</param>
/// <param name="Apply">Makes the tampered copy from the intact chain.</param>
public sealed record AccessLogTamper(string Name, long? FirstBrokenSeq, string Description, Func<IReadOnlyList<AccessLogEntry>, IReadOnlyList<AccessLogEntry>> Apply)
{
    public bool ExpectValid => FirstBrokenSeq is null;

    public override string ToString() => Name;
}

using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Relay.Running;

/// <summary>Runs cases of the relay suite without NUnit: what <c>chukei conformance relay</c> does.</summary>
public static class RelaySuiteRunner
{
    /// <inheritdoc cref="SuiteCases.Select{TSession}"/>
    public static IReadOnlyList<ConformanceCase<RelaySession>> Select(string? filter) => SuiteCases.Select(RelayCases.All, filter);

    /// <inheritdoc cref="SuiteCases.RunAsync{TSession}"/>
    public static Task<IReadOnlyList<CaseResult>> RunAsync(RelaySession session, IReadOnlyList<ConformanceCase<RelaySession>> cases,
        Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SuiteCases.RunAsync(session, cases, session.Target.Target.BaseUrl, progress, ct);
    }
}

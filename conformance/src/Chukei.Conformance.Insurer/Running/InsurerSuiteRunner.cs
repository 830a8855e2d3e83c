using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Insurer.Running;

/// <summary>
/// Runs cases of the insurer suite as plain async methods (no NUnit at run time) against a started session, one after
/// another, each with its own evidence: what <c>chukei conformance insurer</c> does.
/// </summary>
public static class InsurerSuiteRunner
{
    /// <inheritdoc cref="SuiteCases.Select{TSession}"/>
    public static IReadOnlyList<ConformanceCase<InsurerSession>> Select(string? filter) => SuiteCases.Select(InsurerCases.All, filter);

    /// <inheritdoc cref="SuiteCases.RunAsync{TSession}"/>
    public static Task<IReadOnlyList<CaseResult>> RunAsync(InsurerSession session, IReadOnlyList<ConformanceCase<InsurerSession>> cases,
        Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SuiteCases.RunAsync(session, cases, session.Target.Target.BaseUrl, progress, ct);
    }
}

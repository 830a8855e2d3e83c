using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Clinic.Running;

/// <summary>Runs cases of the clinic suite without NUnit (the kit's self-tests; a <c>chukei conformance clinic</c> command later).</summary>
public static class ClinicSuiteRunner
{
    /// <inheritdoc cref="SuiteCases.Select{TSession}"/>
    public static IReadOnlyList<ConformanceCase<ClinicSession>> Select(string? filter) => SuiteCases.Select(ClinicCases.All, filter);

    /// <inheritdoc cref="SuiteCases.RunAsync{TSession}"/>
    public static Task<IReadOnlyList<CaseResult>> RunAsync(ClinicSession session, IReadOnlyList<ConformanceCase<ClinicSession>> cases,
        Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SuiteCases.RunAsync(session, cases, session.World.RelayUrl, progress, ct);
    }
}

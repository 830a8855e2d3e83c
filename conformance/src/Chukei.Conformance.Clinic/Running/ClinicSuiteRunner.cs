using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Clinic.Running;

/// <summary>Runs cases of the clinic suite without NUnit (the kit's self-tests and <c>chukei conformance clinic</c>).</summary>
public static class ClinicSuiteRunner
{
    /// <inheritdoc cref="SuiteCases.Select{TSession}"/>
    public static IReadOnlyList<ConformanceCase<ClinicSession>> Select(string? filter) => SuiteCases.Select(ClinicCases.All, filter);

    /// <inheritdoc cref="SuiteCases.RunAsync{TSession}"/>
    public static Task<IReadOnlyList<CaseResult>> RunAsync(ClinicSession session, IReadOnlyList<ConformanceCase<ClinicSession>> cases,
        Action<CaseResult>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SuiteCases.RunAsync(session, cases, Describe(session.Driver), progress, ct);
    }

    /// <summary>The clinic under test as the first-case "did not answer" message names it.</summary>
    public static string Describe(IClinicDriver driver) => driver switch
    {
        HttpClinicDriver http => $"the clinic's driver POST {http.ChecksUrl}",
        CommandClinicDriver command => $"the clinic's driver command '{command.Command}'",
        _ => $"the clinic's driver {driver.GetType().Name}",
    };
}

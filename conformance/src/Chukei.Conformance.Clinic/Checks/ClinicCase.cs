using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>One case of the clinic suite, run with the suite's <see cref="ClinicSession"/>.</summary>
public sealed record ClinicCase(string RequirementId, string Name, Func<ClinicSession, CheckContext, Task> Body)
    : ConformanceCase<ClinicSession>(RequirementId, Name, Body)
{
    public override string ToString() => base.ToString();
}

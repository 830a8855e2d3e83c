using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>One case of the insurer suite, run with the suite's <see cref="InsurerSession"/>.</summary>
public sealed record InsurerCase(string RequirementId, string Name, Func<InsurerSession, CheckContext, Task> Body)
    : ConformanceCase<InsurerSession>(RequirementId, Name, Body)
{
    public override string ToString() => base.ToString();
}

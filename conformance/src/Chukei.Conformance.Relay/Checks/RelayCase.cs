using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>One case of the relay suite, run with the suite's <see cref="RelaySession"/>.</summary>
public sealed record RelayCase(string RequirementId, string Name, Func<RelaySession, CheckContext, Task> Body)
    : ConformanceCase<RelaySession>(RequirementId, Name, Body)
{
    /// <summary>True for a case that takes no provisioned person (ProvisionedPeople), so the published people suffice for the rest.</summary>
    public bool TakesNoPerson { get; init; }

    public override string ToString() => base.ToString();
}

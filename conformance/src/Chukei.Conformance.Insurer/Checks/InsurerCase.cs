using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// One case of the insurer suite: the requirement it checks, its name (the NUnit test-case argument) and its body.
/// The body is a plain async method given a session, so the kit's self-tests run it against mutants without NUnit.
/// </summary>
public sealed record InsurerCase(string RequirementId, string Name, Func<InsurerSession, CheckContext, Task> Body)
{
    public override string ToString() => $"{RequirementId} {Name}";
}

using Chukei.Conformance.Evidence;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.SelfTests.Reference;
using Chukei.Insurers;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>
/// Runs every case of the insurer suite as a plain async method (no NUnit run inside a run) against the reference
/// insurer carrying <paramref name="defects"/>, and collects which cases failed.
/// </summary>
internal static class SuiteRunner
{
    public static async Task<SuiteVerdict> RunAsync(string targetName, InsurerDefects defects)
    {
        var failures = new List<CaseFailure>();
        var inconclusive = new List<string>();
        var session = await InsurerSession.StartAsync("http://127.0.0.1:0", async url => await ReferenceInsurer.StartAsync(url, defects))
            ?? throw new InvalidOperationException("the reference insurer did not start");
        await using (session)
        {
            foreach (var @case in InsurerCases.All)
            {
                var check = new CheckContext(@case.RequirementId, new EvidenceRecorder());
                try
                {
                    await @case.Body(session, check);
                }
                catch (RequirementViolationException violation)
                {
                    failures.Add(new CaseFailure(@case.RequirementId, @case.Name, violation.Message));
                }
                catch (PreconditionUnreachableException unreachable)
                {
                    inconclusive.Add(unreachable.Message);
                }
            }
        }
        return new SuiteVerdict(targetName, failures, inconclusive);
    }
}

using System.Diagnostics;
using Chukei.Conformance.Evidence;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Requirements;

namespace Chukei.Conformance.Runs;

/// <summary>
/// Runs one case body outside NUnit and maps its verdict as <see cref="ConformanceOutcome"/> does inside NUnit:
/// a MUST violated → Failed, a SHOULD not followed → Warning, an optional feature not claimed → NotClaimed, a precondition not reachable or the target not
/// answering → Inconclusive.
/// </summary>
public static class CaseRunner
{
    public static async Task<CaseResult> RunAsync(string requirementId, string caseName, Func<CheckContext, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var check = new CheckContext(requirementId, new EvidenceRecorder());
        var level = RequirementCatalogue.Contains(requirementId) ? RequirementCatalogue.Get(requirementId).Level : "?";
        var watch = Stopwatch.StartNew();
        var outcome = CaseOutcome.Passed;
        string? reason = null;
        var unreachable = false;
        string? violated = null;
        try
        {
            await body(check);
            if (check.Warnings.Count > 0)
            {
                outcome = CaseOutcome.Warning;
                reason = string.Join(Environment.NewLine, check.Warnings);
            }
        }
        catch (RequirementViolationException violation)
        {
            (outcome, reason) = (CaseOutcome.Failed, violation.Message);
            if (violation.RequirementId.Length > 0 && violation.RequirementId != requirementId) violated = violation.RequirementId;
        }
        catch (FeatureNotClaimedException notClaimed)
        {
            (outcome, reason) = (CaseOutcome.NotClaimed, notClaimed.Message);
        }
        catch (PreconditionUnreachableException precondition)
        {
            (outcome, reason) = (CaseOutcome.Inconclusive, precondition.Message);
        }
        catch (HttpRequestException ex)
        {
            (outcome, reason, unreachable) = (CaseOutcome.Inconclusive, $"{requirementId}: not checked: the target is unreachable ({ex.Message})", true);
        }
        catch (TargetUnreachableException ex)
        {
            (outcome, reason, unreachable) = (CaseOutcome.Inconclusive, $"{requirementId}: not checked: {ex.Message}", true);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            (outcome, reason, unreachable) = (CaseOutcome.Inconclusive, $"{requirementId}: not checked: the target did not answer in time ({ex.Message})", true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault in the kit's own case must not end the run: the other cases still say something about the target.
            (outcome, reason) = (CaseOutcome.Inconclusive, $"{requirementId}: not checked: the kit could not finish this case ({ex.GetType().Name}: {ex.Message}); please report it");
        }
        return new CaseResult(requirementId, level, caseName, outcome, reason, check.Evidence.Items, watch.Elapsed) { TargetUnreachable = unreachable, ViolatedRequirementId = violated };
    }
}

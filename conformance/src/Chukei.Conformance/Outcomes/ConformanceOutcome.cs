namespace Chukei.Conformance.Outcomes;

/// <summary>
/// Runs a check body inside an NUnit test and maps its verdict: a MUST violated → Failed (the evidence printed),
/// a SHOULD not followed → Warning, an optional feature not claimed → Ignored (skipped), a precondition not reachable or the target unreachable → Failed
/// for a MUST (an unchecked MUST is not a pass), Inconclusive otherwise. The evidence is attached to the result in every case.
/// </summary>
public static class ConformanceOutcome
{
    private static bool IsMust(string requirementId) =>
        Requirements.RequirementCatalogue.Contains(requirementId) && Requirements.RequirementCatalogue.Get(requirementId).Level == "MUST";

    public static async Task RunAsync(CheckContext check, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(body);
        string? failure = null;
        string? inconclusive = null;
        string? notClaimed = null;
        try
        {
            await body();
        }
        catch (RequirementViolationException violation)
        {
            failure = violation.Message;
        }
        catch (FeatureNotClaimedException feature)
        {
            notClaimed = feature.Message;
        }
        catch (PreconditionUnreachableException unreachable)
        {
            inconclusive = unreachable.Message;
        }
        catch (HttpRequestException ex)
        {
            inconclusive = $"{check.RequirementId}: not checked: the target is unreachable ({ex.Message})";
        }
        catch (Runs.TargetUnreachableException ex)
        {
            inconclusive = $"{check.RequirementId}: not checked: {ex.Message}";
        }
        var evidence = check.Evidence.Attach();
        foreach (var warning in check.Warnings) Assert.Warn(warning);
        if (failure is not null)
        {
            await TestContext.Out.WriteLineAsync("Exchanges" + (evidence is null ? "" : $" (also in {evidence})") + ":");
            await TestContext.Out.WriteLineAsync(check.Evidence.Format());
            Assert.Fail(failure);
        }
        if (inconclusive is not null && IsMust(check.RequirementId))
        {
            // An unchecked MUST is not a pass: the run must not come out green on what the kit never observed.
            await TestContext.Out.WriteLineAsync("Exchanges" + (evidence is null ? "" : $" (also in {evidence})") + ":");
            await TestContext.Out.WriteLineAsync(check.Evidence.Format());
            Assert.Fail($"{inconclusive}{Environment.NewLine}  (a MUST case the kit could not check is not a pass)");
        }
        if (inconclusive is not null) Assert.Inconclusive(inconclusive);
        if (notClaimed is not null) Assert.Ignore(notClaimed);
    }
}

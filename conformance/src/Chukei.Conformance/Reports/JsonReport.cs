using System.Text.Json;
using System.Text.Json.Serialization;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Reports;

/// <summary>The run as JSON: a summary, then per case its requirement, level, outcome, reason, re-run command and exchanges.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(ConformanceRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var document = new
        {
            suite = run.Suite,
            target = run.TargetUrl,
            startedAt = run.StartedAt,
            durationSeconds = Math.Round(run.Duration.TotalSeconds, 3),
            conformant = run.Verdict == RunVerdict.Conformant,
            verdict = run.Verdict,
            verdictText = run.VerdictText,
            counts = Enum.GetValues<CaseOutcome>().ToDictionary(o => JsonNamingPolicy.CamelCase.ConvertName(o.ToString()), run.CountOf),
            cases = run.Results.Select(r => new
            {
                requirement = r.RequirementId,
                level = r.Level,
                @case = r.CaseName,
                outcome = r.Outcome,
                violates = r.ViolatedRequirementId,
                reason = r.Reason,
                durationSeconds = Math.Round(r.Duration.TotalSeconds, 3),
                rerun = run.RerunCommand(r),
                exchanges = r.Exchanges.Select(e => new
                {
                    direction = e.Direction,
                    method = e.Exchange.Method,
                    url = e.Exchange.Url,
                    requestBody = e.Exchange.RequestBody,
                    status = e.Exchange.Status,
                    responseBody = e.Exchange.ResponseBody,
                }),
            }),
        };
        return JsonSerializer.Serialize(document, Options);
    }
}

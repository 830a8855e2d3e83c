using System.Text.Json;
using Chukei.Contracts;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Microsoft.AspNetCore.Http;

namespace Chukei.Hosting;

/// <summary>Writes RFC 9457 problem+json (ERR-001) — the only shape an error ever takes on the wire.</summary>
public static class ProblemResults
{
    public static IResult From(ProblemCode code, string detail, string? field = null, string? correlationId = null) =>
        From(Problem.From(code, detail, field, correlationId));

    public static IResult From(ProtocolException ex, string? correlationId = null) => From(ex.ToProblem(correlationId));

    public static IResult From(Problem problem) =>
        Results.Text(JsonSerializer.Serialize(problem, ProtocolJson.Options), ProtocolConstants.ProblemMediaType, System.Text.Encoding.UTF8, problem.Status);

    public static Task WriteAsync(HttpContext context, Problem problem)
    {
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ProtocolConstants.ProblemMediaType;
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem, ProtocolJson.Options));
    }
}

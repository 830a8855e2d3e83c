using System.Text.Json;
using Chukei.Contracts.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chukei.Hosting;

/// <summary>Builds a party's web host: loopback by default, quiet logs, problem+json for every error.</summary>
public static class PartyHost
{
    /// <summary>Default binding: loopback only, an OS-chosen port (the kit never listens beyond the machine unless told to).</summary>
    public const string DefaultUrl = "http://127.0.0.1:0";

    public static WebApplicationBuilder CreateBuilder(string? url = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url ?? DefaultUrl);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Contracts.ProtocolConstants.MaxBodyBytes * 2);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>Unhandled failures become problem+json without internals (ERR-007); unknown routes become not-found (ERR-006).</summary>
    public static void UseProblemHandling(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Chukei.Hosting");
                logger.LogError("unhandled failure on {Path}: {Type}", context.Request.Path, ex.GetType().Name);
                await ProblemResults.WriteAsync(context, Problem.From(ProblemCodes.InternalError, "the request failed inside the party; nothing was written"));
            }
        });
    }

    public static void MapNotFoundFallback(this WebApplication app) =>
        app.MapFallback((HttpContext http) => ProblemResults.From(ProblemCodes.NotFound, $"no endpoint {http.Request.Method} {http.Request.Path}"));

    /// <summary>The base URL the host actually listens on (after port 0 was resolved).</summary>
    public static string BoundUrl(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static IResult Json<T>(T value) =>
        Results.Text(JsonSerializer.Serialize(value, Contracts.Json.ProtocolJson.Indented), "application/json", System.Text.Encoding.UTF8);
}

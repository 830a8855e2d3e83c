using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// A target that implements nothing of the protocol: it answers every request with the same fixed response. No case of
/// any suite may pass against it: a pass would be a verdict on something the kit never observed.
/// </summary>
public sealed class DoNothingTarget : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DoNothingTarget(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>How each do-nothing target answers everything.</summary>
    public enum Answer
    {
        /// <summary>404 with an empty body: nothing is served at all.</summary>
        NotFound,

        /// <summary>200 with an empty body: "yes" to everything, and nothing in it.</summary>
        EmptyOk,
    }

    public static async Task<DoNothingTarget> StartAsync(Answer answer)
    {
        var app = PartyHost.CreateBuilder("http://127.0.0.1:0").Build();
        var status = answer == Answer.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        app.Run(async context =>
        {
            // Read what was sent, as a server would, then say nothing.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        return new DoNothingTarget(app, new Uri(app.BoundUrl()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Chukei.Hosting;
using Chukei.Relay.Endpoints;
using Microsoft.AspNetCore.Builder;

namespace Chukei.Relay;

/// <summary>Builds and starts the relay's web host.</summary>
public static class RelayHost
{
    public static async Task<WebApplication> StartAsync(RelayNode relay, string? url = null, CancellationToken ct = default)
    {
        var builder = PartyHost.CreateBuilder(url);
        var app = builder.Build();
        app.UseProblemHandling();
        app.MapRelay(relay);
        if (!relay.Defects.AnswersUnknownPathsBare) app.MapNotFoundFallback();
        await app.StartAsync(ct);
        return app;
    }
}

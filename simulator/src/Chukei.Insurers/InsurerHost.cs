using Chukei.Hosting;
using Chukei.Insurers.Endpoints;
using Microsoft.AspNetCore.Builder;

namespace Chukei.Insurers;

/// <summary>Builds and starts one web host serving many mock insurers.</summary>
public static class InsurerHost
{
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, InsurerNode> insurers, string? url = null, CancellationToken ct = default)
    {
        var app = PartyHost.CreateBuilder(url).Build();
        app.UseProblemHandling();
        app.MapInsurers(insurers);
        app.MapNotFoundFallback();
        await app.StartAsync(ct);
        return app;
    }

    public static string BaseUrlOf(string hostUrl, string partyId) => hostUrl.TrimEnd('/') + "/insurers/" + partyId;
}

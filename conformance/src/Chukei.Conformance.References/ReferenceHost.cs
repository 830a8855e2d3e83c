using Microsoft.AspNetCore.Builder;

namespace Chukei.Conformance.References;

/// <summary>Stops a reference host the self-test started, its outbound HTTP client and what else it owns (a relay's node, an insurer's directory refresher).</summary>
public sealed class ReferenceHost(WebApplication app, HttpClient http, IDisposable? node = null) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        node?.Dispose();
        http.Dispose();
    }
}

using Microsoft.AspNetCore.Builder;

namespace Chukei.Conformance.SelfTests.Reference;

/// <summary>Stops a reference insurer host the self-test started, and its outbound HTTP client.</summary>
internal sealed class ReferenceHost(WebApplication app, HttpClient http) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        http.Dispose();
    }
}

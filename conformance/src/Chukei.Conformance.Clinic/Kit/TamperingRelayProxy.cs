using System.Net.Http.Headers;
using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// A loopback proxy in front of the kit's relay that passes every call through, except that it breaks the signature
/// of each successful card-eligibility answer (one character of the JWS signature changed, header and payload intact):
/// a clinic that reads the answer without verifying it (CLN-036) would find a perfectly good "valid" in it.
/// </summary>
public sealed class TamperingRelayProxy : IAsyncDisposable
{
    public const string TamperedPath = "/v1/card-eligibility";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private TamperingRelayProxy(WebApplication app, HttpClient http, Uri url)
    {
        _app = app;
        _http = http;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<TamperingRelayProxy> StartAsync(Uri relayUrl)
    {
        var http = new HttpClient();
        var app = PartyHost.CreateBuilder("http://127.0.0.1:0").Build();
        app.Run(context => ForwardAsync(context, http, relayUrl));
        await app.StartAsync();
        return new TamperingRelayProxy(app, http, new Uri(app.BoundUrl()));
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient http, Uri relayUrl)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(relayUrl, context.Request.Path.Value));
        request.Content = new ByteArrayContent(body.ToArray());
        if (context.Request.ContentType is { } type) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        using var response = await http.SendAsync(request, context.RequestAborted);
        var answer = await response.Content.ReadAsStringAsync(context.RequestAborted);
        if (response.IsSuccessStatusCode && context.Request.Path.Value == TamperedPath) answer = BreakSignature(answer);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    /// <summary>Changes a character in the middle of the third (signature) segment of a compact JWS.</summary>
    public static string BreakSignature(string jws)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var lastDot = jws.LastIndexOf('.');
        if (lastDot < 0 || lastDot == jws.Length - 1) return jws;
        var at = lastDot + 1 + ((jws.Length - lastDot - 1) / 2);
        var replacement = jws[at] == 'A' ? 'B' : 'A';
        return string.Concat(jws.AsSpan(0, at), replacement.ToString(), jws.AsSpan(at + 1));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}

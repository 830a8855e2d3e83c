using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>What the relay answered one request, as the proxy passes it on.</summary>
internal sealed record RelayAnswer(int Status, string? ContentType, string Body);

/// <summary>
/// A relay with a bug written outside the reference relay's code: a loopback proxy in front of the reference relay
/// that passes every call through and hands the caller <c>rewrite</c>'s version of each answer to one path. Answers
/// it changes are re-signed with the relay's published key (<see cref="ReSigned"/>, <see cref="SignedAnswer"/>), so a
/// case sees a relay that is wrong in that one way, not a broken signature.
/// </summary>
internal sealed class RewritingRelayProxy : IAsyncDisposable
{
    /// <summary>Rewrites the relay's answer to one request (the request envelope as sent, the answer as received).</summary>
    public delegate RelayAnswer Rewrite(string requestToken, RelayAnswer answer);

    private static readonly PartyKeySet RelayKeys = new SealFixture().KeySet(SealFixture.RelayId);

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private RewritingRelayProxy(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Starts a proxy in front of <paramref name="relayUrl"/> that rewrites the answers to <paramref name="path"/> (e.g. <c>/v1/lookups</c>).</summary>
    public static async Task<RewritingRelayProxy> StartAsync(Uri relayUrl, string path, Rewrite rewrite)
    {
        var app = PartyHost.CreateBuilder("http://127.0.0.1:0").Build();
        var proxy = new RewritingRelayProxy(app);
        app.Run(context => proxy.ForwardAsync(context, relayUrl, path, rewrite));
        await app.StartAsync();
        proxy.Url = new Uri(app.BoundUrl());
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, Uri relayUrl, string path, Rewrite rewrite)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(relayUrl, context.Request.Path.Value + context.Request.QueryString));
        if (body.Length > 0 || context.Request.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } type) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }
        using var response = await _http.SendAsync(request, context.RequestAborted);
        var answer = new RelayAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(context.RequestAborted));
        if (context.Request.Path.Value == path) answer = rewrite(Encoding.ASCII.GetString(body.ToArray()), answer);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    /// <summary>The claims of a compact JWS (its middle part), as JSON.</summary>
    public static JsonObject Claims(string token) =>
        JsonNode.Parse(Jose.Base64Url.Decode(token.Trim().Split('.')[1])) as JsonObject ?? throw new InvalidOperationException("the JWS claims are not an object");

    /// <summary>The relay's response envelope <paramref name="token"/> with its body changed by <paramref name="edit"/>, re-signed under the same header with the relay's key.</summary>
    public static string ReSigned(string token, Action<JsonObject> edit)
    {
        var parts = token.Trim().Split('.');
        var claims = Claims(token);
        edit(claims["body"]!.AsObject());
        var header = Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[0]));
        return JwsCrafter.Ecdsa(header, claims.ToJsonString(), RelayKeys.CurrentSigningKey.Key);
    }

    /// <summary>A 200 answer of the relay to <paramref name="requestToken"/> carrying <paramref name="body"/>, signed as the relay signs its answers.</summary>
    public static RelayAnswer SignedAnswer(string requestToken, object body, TimeProvider time)
    {
        var request = Claims(requestToken);
        var signer = new EnvelopeSigner(SealFixture.RelayId, RelayKeys, time);
        return new RelayAnswer(200, Contracts.ProtocolConstants.JoseMediaType,
            signer.SignResponse(request["iss"]!.GetValue<string>(), request["jti"]!.GetValue<string>(), body));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}

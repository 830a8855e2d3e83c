using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>What a <see cref="TamperingRelayProxy"/> does to the card-eligibility calls that pass through it.</summary>
public enum RelayProxyBehaviour
{
    /// <summary>Passes every call through unchanged and only records what the clinic sent.</summary>
    Watches,

    /// <summary>Breaks the signature of each successful answer (CLN-036).</summary>
    BreaksSignatures,

    /// <summary>Holds each answer for <see cref="TamperingRelayProxy.SlowAnswerDelay"/> before passing it on (CLN-040).</summary>
    AnswersSlowly,

    /// <summary>Answers each request 503 with a plain-text body, as a failing gateway would, without forwarding it (CLN-040).</summary>
    FailsWithServerError,

    /// <summary>Hands the clinic what the proxy's rewrite makes of each answer (<see cref="ForgedRelayAnswers"/>: AUTH-014, RLY-025, ERR-008).</summary>
    Rewrites,
}

/// <summary>An HTTP answer as the proxy passes it on.</summary>
public sealed record ProxiedAnswer(int Status, string? ContentType, string Body);

/// <summary>
/// A loopback proxy in front of the kit's relay that passes every call through, except what its
/// <see cref="RelayProxyBehaviour"/> does to card-eligibility calls: break the JWS signature of a successful answer
/// (one character changed, header and payload intact: a clinic that reads the answer without verifying it, CLN-036,
/// would find a perfectly good "valid" in it), delay the answer, or fail the request. Whatever it does, it records the
/// card certificate of each card-eligibility request (CLN-033: what the clinic made of the card's EF 000A), so the
/// kit also knows how many requests the clinic sent (CLN-040).
/// </summary>
public sealed class TamperingRelayProxy : IAsyncDisposable
{
    public const string TamperedPath = "/v1/card-eligibility";

    /// <summary>
    /// How long <see cref="RelayProxyBehaviour.AnswersSlowly"/> holds an answer. CLN-040's floor is 10 s; the kit
    /// checks 3 s so that the suite stays quick, which still catches a clinic that gives up at the first delay.
    /// </summary>
    public static readonly TimeSpan SlowAnswerDelay = TimeSpan.FromSeconds(3);

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<byte[]?> _certificates = new();
    private readonly ConcurrentQueue<string> _answerEntries = new();

    private TamperingRelayProxy(WebApplication app, HttpClient http)
    {
        _app = app;
        _http = http;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>
    /// The certificate of each card-eligibility request that passed through, in order; null for a request whose
    /// envelope payload or certificate could not be read.
    /// </summary>
    public IReadOnlyList<byte[]?> CertificatesPresented => [.. _certificates];

    /// <summary>The relay's <c>logEntryId</c> of each successful card-eligibility answer that passed through, in order (before any rewrite).</summary>
    public IReadOnlyList<string> AnswerLogEntryIds => [.. _answerEntries];

    public static Task<TamperingRelayProxy> StartAsync(Uri relayUrl, RelayProxyBehaviour behaviour, TimeProvider time) =>
        StartAsync(relayUrl, behaviour, rewrite: null, time);

    /// <summary>A proxy that hands the clinic <paramref name="rewrite"/>'s version of each answer to <paramref name="path"/> (default: card-eligibility), whatever its status.</summary>
    public static Task<TamperingRelayProxy> StartAsync(Uri relayUrl, Func<ProxiedAnswer, ProxiedAnswer> rewrite, TimeProvider time, string path = TamperedPath) =>
        StartAsync(relayUrl, RelayProxyBehaviour.Rewrites, rewrite, time, path);

    private static async Task<TamperingRelayProxy> StartAsync(Uri relayUrl, RelayProxyBehaviour behaviour, Func<ProxiedAnswer, ProxiedAnswer>? rewrite, TimeProvider time, string rewritten = TamperedPath)
    {
        var http = new HttpClient();
        var app = PartyHost.CreateBuilder("http://127.0.0.1:0").Build();
        var proxy = new TamperingRelayProxy(app, http);
        app.Run(context => proxy.ForwardAsync(context, relayUrl, behaviour, rewrite, rewritten, time));
        await app.StartAsync();
        proxy.Url = new Uri(app.BoundUrl());
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, Uri relayUrl, RelayProxyBehaviour behaviour, Func<ProxiedAnswer, ProxiedAnswer>? rewrite, string rewritten, TimeProvider time)
    {
        var http = _http;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var eligibility = context.Request.Path.Value == TamperedPath;
        if (eligibility) _certificates.Enqueue(CertificateOf(body.ToArray()));
        if (eligibility && behaviour == RelayProxyBehaviour.FailsWithServerError)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("upstream relay unavailable", context.RequestAborted);
            return;
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(relayUrl, context.Request.Path.Value));
        request.Content = new ByteArrayContent(body.ToArray());
        if (context.Request.ContentType is { } type) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        using var response = await http.SendAsync(request, context.RequestAborted);
        var answer = await response.Content.ReadAsStringAsync(context.RequestAborted);
        if (eligibility && response.IsSuccessStatusCode && MemberOf(answer, "logEntryId") is { } entry) _answerEntries.Enqueue(entry);
        if (eligibility && response.IsSuccessStatusCode && behaviour == RelayProxyBehaviour.BreaksSignatures) answer = BreakSignature(answer);
        // A clinic that gave up closes the connection meanwhile; the delay then ends early and nothing is written.
        if (eligibility && behaviour == RelayProxyBehaviour.AnswersSlowly)
        {
            try
            {
                await Task.Delay(SlowAnswerDelay, time, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var passed = new ProxiedAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), answer);
        if (context.Request.Path.Value == rewritten && rewrite is not null) passed = rewrite(passed);
        context.Response.StatusCode = passed.Status;
        context.Response.ContentType = passed.ContentType;
        await context.Response.WriteAsync(passed.Body, context.RequestAborted);
    }

    /// <summary>The <c>body.certificate</c> of a request envelope (a compact JWS), or null.</summary>
    private static byte[]? CertificateOf(byte[] request)
    {
        try
        {
            return MemberOf(System.Text.Encoding.ASCII.GetString(request), "certificate") is { } text ? Base64Url.DecodeFromChars(text) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A string member of a compact JWS's claims body, or null.</summary>
    private static string? MemberOf(string jws, string member)
    {
        try
        {
            var parts = jws.Trim().Split('.');
            if (parts.Length != 3) return null;
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.TryGetProperty("body", out var b) && b.TryGetProperty(member, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
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

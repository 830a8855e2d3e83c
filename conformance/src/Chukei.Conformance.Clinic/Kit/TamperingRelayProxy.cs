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

    /// <summary>Holds each answer for <see cref="TamperingRelayProxy.SlowAnswerDelay"/> (or the delay the proxy was started with) before passing it on (CLN-040).</summary>
    AnswersSlowly,

    /// <summary>Answers each request 503 with a plain-text body, as a failing gateway would, without forwarding it (CLN-040).</summary>
    FailsWithServerError,

    /// <summary>Hands the clinic what the proxy's rewrite makes of each answer (<see cref="ForgedRelayAnswers"/>: AUTH-014, RLY-025, ERR-008).</summary>
    Rewrites,
}

/// <summary>An HTTP answer as the proxy passes it on.</summary>
public sealed record ProxiedAnswer(int Status, string? ContentType, string Body);

/// <summary>
/// One card-eligibility request that reached the proxy and what became of its answer: what the cases observe before
/// they judge (did the clinic ask the relay, was it handed the answer the case is about).
/// </summary>
public sealed class EligibilityExchange
{
    private volatile bool _delivered;

    internal EligibilityExchange(byte[]? certificate) => Certificate = certificate;

    /// <summary>The request's card certificate; null when its envelope payload or certificate could not be read.</summary>
    public byte[]? Certificate { get; }

    /// <summary>The request's serviceDate as sent (CLN-035: the date of the check); null when it could not be read.</summary>
    public string? ServiceDate { get; internal init; }

    /// <summary>The request's challenge as sent (CLN-035: a new one for every signature); null when it could not be read.</summary>
    public string? Challenge { get; internal init; }

    /// <summary>The relay's HTTP status; null while it has not answered, or when the proxy answered without forwarding.</summary>
    public int? RelayStatus { get; internal set; }

    /// <summary>The status of the answer handed to the clinic; null while none was.</summary>
    public int? DeliveredStatus { get; internal set; }

    /// <summary>Whether the proxy broke, rewrote, held back or made up the answer (its behaviour acted on this request).</summary>
    public bool Tampered { get; internal set; }

    /// <summary>
    /// Whether the answer was handed to the clinic. Set just before it is written, so it holds by the time the clinic
    /// can read the answer; a clinic that gave up first is never handed it.
    /// </summary>
    public bool Delivered
    {
        get => _delivered;
        internal set => _delivered = value;
    }

    /// <summary>"answered 200", "answered 503 by the proxy", "not answered before the clinic gave up", for messages.</summary>
    public override string ToString() =>
        !Delivered ? "not answered before the clinic closed the connection"
        : RelayStatus is null ? $"answered {DeliveredStatus} by the kit's proxy"
        : RelayStatus == DeliveredStatus ? $"answered {DeliveredStatus}{(Tampered ? " (tampered)" : "")}"
        : $"answered {RelayStatus} by the relay, handed to the clinic as {DeliveredStatus}";
}

/// <summary>A relay address the kit watches: the card-eligibility requests that reached it during a check.</summary>
public interface IWatchedRelay
{
    Uri Url { get; }

    /// <summary>Every card-eligibility request that reached it so far, in order.</summary>
    IReadOnlyList<EligibilityExchange> EligibilityExchanges { get; }
}

/// <summary>
/// A loopback proxy in front of the kit's relay that passes every call through, except what its
/// <see cref="RelayProxyBehaviour"/> does to card-eligibility calls: break the JWS signature of a successful answer
/// (one character changed, header and payload intact: a clinic that reads the answer without verifying it, CLN-036,
/// would find a perfectly good "valid" in it), delay the answer, or fail the request. Whatever it does, it records the
/// card certificate of each card-eligibility request (CLN-033: what the clinic made of the card's EF 000A), so the
/// kit also knows how many requests the clinic sent (CLN-040), and whether each answer reached the clinic.
/// </summary>
public sealed class TamperingRelayProxy : IAsyncDisposable, IWatchedRelay
{
    public const string TamperedPath = "/v1/card-eligibility";

    /// <summary>
    /// How long <see cref="RelayProxyBehaviour.AnswersSlowly"/> holds an answer. CLN-040's floor is 10 s; the kit
    /// checks 3 s so that the suite stays quick, which still catches a clinic that gives up at the first delay.
    /// </summary>
    public static readonly TimeSpan SlowAnswerDelay = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the one case of CLN-040's floor holds an answer: past the 10 s a clinic must wait, within the 30 s
    /// check limit. One case only, since it costs its wall time.
    /// </summary>
    public static readonly TimeSpan BeyondTenSecondsDelay = TimeSpan.FromSeconds(11);

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<EligibilityExchange> _exchanges = new();
    private readonly ConcurrentQueue<string> _answerEntries = new();
    private int _rewrittenDelivered;

    private TamperingRelayProxy(WebApplication app, HttpClient http)
    {
        _app = app;
        _http = http;
    }

    /// <summary>How long <see cref="RelayProxyBehaviour.AnswersSlowly"/> holds each answer.</summary>
    private TimeSpan AnswerDelay { get; init; } = SlowAnswerDelay;

    /// <summary>
    /// How many answers to another path than card-eligibility (a challenge, a notice pickup) the rewrite changed and
    /// the clinic was handed: what a case about those answers observes before it judges.
    /// </summary>
    public int RewrittenAnswersDelivered => Volatile.Read(ref _rewrittenDelivered);

    public Uri Url { get; private set; } = null!;

    /// <summary>
    /// The certificate of each card-eligibility request that passed through, in order; null for a request whose
    /// envelope payload or certificate could not be read.
    /// </summary>
    public IReadOnlyList<byte[]?> CertificatesPresented => [.. _exchanges.Select(e => e.Certificate)];

    public IReadOnlyList<EligibilityExchange> EligibilityExchanges => [.. _exchanges];

    /// <summary>The relay's <c>logEntryId</c> of each successful card-eligibility answer that passed through, in order (before any rewrite).</summary>
    public IReadOnlyList<string> AnswerLogEntryIds => [.. _answerEntries];

    public static Task<TamperingRelayProxy> StartAsync(Uri relayUrl, RelayProxyBehaviour behaviour, TimeProvider time) =>
        StartAsync(relayUrl, behaviour, rewrite: null, time);

    /// <summary>A proxy that holds each card-eligibility answer for <paramref name="delay"/> (CLN-040).</summary>
    public static Task<TamperingRelayProxy> StartSlowAsync(Uri relayUrl, TimeSpan delay, TimeProvider time) =>
        StartAsync(relayUrl, RelayProxyBehaviour.AnswersSlowly, rewrite: null, time, delay: delay);

    /// <summary>A proxy that hands the clinic <paramref name="rewrite"/>'s version of each answer to <paramref name="path"/> (default: card-eligibility), whatever its status.</summary>
    public static Task<TamperingRelayProxy> StartAsync(Uri relayUrl, Func<ProxiedAnswer, ProxiedAnswer> rewrite, TimeProvider time, string path = TamperedPath) =>
        StartAsync(relayUrl, RelayProxyBehaviour.Rewrites, rewrite, time, path);

    private static async Task<TamperingRelayProxy> StartAsync(Uri relayUrl, RelayProxyBehaviour behaviour, Func<ProxiedAnswer, ProxiedAnswer>? rewrite, TimeProvider time,
        string rewritten = TamperedPath, TimeSpan? delay = null)
    {
        var http = new HttpClient();
        var app = PartyHost.CreateBuilder("http://127.0.0.1:0").Build();
        var proxy = new TamperingRelayProxy(app, http) { AnswerDelay = delay ?? SlowAnswerDelay };
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
        var exchange = context.Request.Path.Value == TamperedPath
            ? new EligibilityExchange(CertificateOf(body.ToArray()))
            {
                ServiceDate = MemberOf(System.Text.Encoding.ASCII.GetString(body.ToArray()), "serviceDate"),
                Challenge = MemberOf(System.Text.Encoding.ASCII.GetString(body.ToArray()), "challenge"),
            }
            : null;
        if (exchange is not null) _exchanges.Enqueue(exchange);
        if (exchange is not null && behaviour == RelayProxyBehaviour.FailsWithServerError)
        {
            exchange.Tampered = true;
            await DeliverAsync(context, exchange, new ProxiedAnswer(StatusCodes.Status503ServiceUnavailable, "text/plain", "upstream relay unavailable"));
            return;
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(relayUrl, context.Request.Path.Value));
        request.Content = new ByteArrayContent(body.ToArray());
        if (context.Request.ContentType is { } type) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        using var response = await http.SendAsync(request, context.RequestAborted);
        var answer = await response.Content.ReadAsStringAsync(context.RequestAborted);
        var relayed = answer;
        if (exchange is not null)
        {
            exchange.RelayStatus = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && MemberOf(answer, "logEntryId") is { } entry) _answerEntries.Enqueue(entry);
            if (response.IsSuccessStatusCode && behaviour == RelayProxyBehaviour.BreaksSignatures) answer = BreakSignature(answer);
        }
        // A clinic that gave up closes the connection meanwhile; the delay then ends early and nothing is written.
        if (exchange is not null && behaviour == RelayProxyBehaviour.AnswersSlowly)
        {
            exchange.Tampered = true;
            try
            {
                await Task.Delay(AnswerDelay, time, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var passed = new ProxiedAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), answer);
        if (context.Request.Path.Value == rewritten && rewrite is not null) passed = rewrite(passed);
        if (exchange is not null && (passed.Body != relayed || passed.Status != exchange.RelayStatus)) exchange.Tampered = true;
        var rewrittenElsewhere = exchange is null && (passed.Body != relayed || passed.Status != (int)response.StatusCode);
        if (await DeliverAsync(context, exchange, passed) && rewrittenElsewhere) Interlocked.Increment(ref _rewrittenDelivered);
    }

    /// <summary>Hands <paramref name="answer"/> to the clinic, marking the exchange delivered first (the clinic may conclude the moment it has the answer).</summary>
    private static async Task<bool> DeliverAsync(HttpContext context, EligibilityExchange? exchange, ProxiedAnswer answer)
    {
        if (context.RequestAborted.IsCancellationRequested) return false;
        if (exchange is not null)
        {
            exchange.DeliveredStatus = answer.Status;
            exchange.Delivered = true;
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        try
        {
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            if (exchange is not null) exchange.Delivered = false;
            return false;
        }
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

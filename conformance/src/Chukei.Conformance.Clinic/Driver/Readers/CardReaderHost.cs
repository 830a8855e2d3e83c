using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chukei.Card;
using Chukei.Contracts.ClinicDriver;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chukei.Conformance.Clinic.Driver.Readers;

/// <summary>
/// The kit's card reader over HTTP, on loopback: each check lends its card under a fresh, unguessable reader id for the
/// check's duration only (<see cref="Lend"/>), and the clinic under test sends one APDU per request as hex
/// (<see cref="CardReaderPaths"/>). The card behind it is the suite's <see cref="Chukei.Card.Faults.FaultInjectingChannel"/>,
/// so the APDU log the kit judges is the same as for an in-process driver.
/// </summary>
public sealed class CardReaderHost : IAsyncDisposable
{
    private const int MaxApduBytes = 65_544;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ICardChannel> _readers;

    private CardReaderHost(WebApplication app, ConcurrentDictionary<string, ICardChannel> readers, Uri url)
    {
        _app = app;
        _readers = readers;
        Url = url;
    }

    /// <summary>The host's base URL; a reader's URL is <c>{Url}readers/{id}/</c>.</summary>
    public Uri Url { get; }

    public static async Task<CardReaderHost> StartAsync(string listenUrl = PartyHost.DefaultUrl)
    {
        var readers = new ConcurrentDictionary<string, ICardChannel>(StringComparer.Ordinal);
        var app = PartyHost.CreateBuilder(listenUrl).Build();
        var reader = app.MapGroup("/readers/{id}");
        reader.MapGet("/", (string id) => WithCard(readers, id, State));
        reader.MapPost("/" + CardReaderPaths.Transmit, TransmitAsync(readers));
        reader.MapPost("/" + CardReaderPaths.Reset, (string id) => WithCard(readers, id, c => Control(c, c.Reset)));
        reader.MapPost("/" + CardReaderPaths.PowerOn, (string id) => WithCard(readers, id, c => Control(c, c.PowerOn)));
        reader.MapPost("/" + CardReaderPaths.PowerOff, (string id) => WithCard(readers, id, c => Control(c, c.PowerOff)));
        app.MapFallback((HttpContext http) => Problem(404, CardReaderPaths.NoSuchReaderCode, $"no endpoint {http.Request.Method} {http.Request.Path} on the kit's card reader"));
        await app.StartAsync();
        return new CardReaderHost(app, readers, new Uri(app.BoundUrl().TrimEnd('/') + "/"));
    }

    /// <summary>Puts <paramref name="card"/> in a new reader until the lease is disposed; <paramref name="readerUrl"/> ends with '/'.</summary>
    public IDisposable Lend(ICardChannel card, out Uri readerUrl)
    {
        ArgumentNullException.ThrowIfNull(card);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _readers[id] = card;
        readerUrl = new Uri(Url, $"readers/{id}/");
        return new Lease(() => _readers.TryRemove(id, out _));
    }

    private static Func<string, HttpRequest, Task<IResult>> TransmitAsync(ConcurrentDictionary<string, ICardChannel> readers) => async (id, request) =>
    {
        if (!readers.TryGetValue(id, out var card)) return NoReader(id);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        byte[] apdu;
        try
        {
            var command = ProtocolJson.Deserialize<CardReaderCommand>(body.ToArray(), "card reader command");
            apdu = Convert.FromHexString(command.Apdu);
        }
        catch (Exception ex) when (ex is ProtocolException or FormatException)
        {
            return Problem(400, CardReaderPaths.InvalidCommandCode, $"the body must be {{\"apdu\": \"<hex>\"}} with an even number of hex digits: {ex.Message}");
        }
        if (apdu.Length is < 4 or > MaxApduBytes)
            return Problem(400, CardReaderPaths.InvalidCommandCode, $"an APDU has 4 to {MaxApduBytes} bytes; this one has {apdu.Length}");
        try
        {
            return PartyHost.Json(new CardReaderResponse { Response = Convert.ToHexString(card.Transmit(apdu)) });
        }
        catch (InvalidOperationException ex)
        {
            return Removed(ex);
        }
    };

    private static IResult WithCard(ConcurrentDictionary<string, ICardChannel> readers, string id, Func<ICardChannel, IResult> action) =>
        readers.TryGetValue(id, out var card) ? action(card) : NoReader(id);

    private static IResult Control(ICardChannel card, Action action)
    {
        try
        {
            action();
        }
        catch (InvalidOperationException ex)
        {
            return Removed(ex);
        }
        return State(card);
    }

    private static IResult State(ICardChannel card) =>
        PartyHost.Json(new CardReaderState { Atr = Convert.ToHexString(card.Atr.Span), Powered = card.IsPowered });

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoReader(string id) =>
        Problem(404, CardReaderPaths.NoSuchReaderCode, $"no reader '{id}': a reader URL is valid only while the kit waits for that check's answer");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Removed(InvalidOperationException ex) => Problem(409, CardReaderPaths.CardRemovedCode, ex.Message);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: code.Replace('-', ' '), type: "urn:chukei:card-reader:" + code,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Lease(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}

using Chukei.Clinic.Reception;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.Readers;
using Chukei.Contracts.ClinicDriver;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Conformance.References;

/// <summary>
/// The reference clinic behind the HTTP driver contract, as a vendor's clinic would serve it: <c>POST /checks</c> takes
/// a <see cref="ClinicCheckRequest"/>, talks to the card through the kit's card reader at its <c>readerUrl</c>
/// (<see cref="CardReaderClient"/>) and to the relay at its <c>relayUrl</c>, and answers a <see cref="ClinicCheckAnswer"/>.
/// Inside, it is <see cref="ReferenceClinicDriver"/>'s clinic, with the same <see cref="ClinicDefects"/> seam.
/// </summary>
public sealed class ReferenceClinicHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReferenceClinicDriver _clinic;
    private readonly HttpClient _readers;

    private ReferenceClinicHost(WebApplication app, ReferenceClinicDriver clinic, HttpClient readers, Uri url)
    {
        _app = app;
        _clinic = clinic;
        _readers = readers;
        Url = url;
    }

    /// <summary>The driver URL: the kit posts to <c>{Url}/checks</c>.</summary>
    public Uri Url { get; }

    public static async Task<ReferenceClinicHost> StartAsync(ClinicParties parties, ClinicDefects defects, string listenUrl = PartyHost.DefaultUrl)
    {
        var clinic = new ReferenceClinicDriver(parties, defects);
        var readers = new HttpClient();
        var app = PartyHost.CreateBuilder(listenUrl).Build();
        app.MapPost("/checks", async (HttpRequest request) => await CheckAsync(clinic, readers, request));
        app.MapPost("/notice-pickups", async (HttpRequest request) => await PickUpAsync(clinic, request));
        await app.StartAsync();
        return new ReferenceClinicHost(app, clinic, readers, new Uri(app.BoundUrl()));
    }

    /// <summary>The request body as <typeparamref name="T"/>, or the 400 problem that says why it is not one.</summary>
    private static async Task<(T? Request, IResult? Problem)> ReadAsync<T>(HttpRequest http, string what) where T : class
    {
        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, http.HttpContext.RequestAborted);
        try
        {
            return (ProtocolJson.Deserialize<T>(body.ToArray(), what), null);
        }
        catch (ProtocolException ex)
        {
            return (null, TypedResults.Problem(ex.Message, statusCode: 400, title: "invalid " + what));
        }
    }

    private static async Task<IResult> CheckAsync(ReferenceClinicDriver clinic, HttpClient readers, HttpRequest http)
    {
        var (request, problem) = await ReadAsync<ClinicCheckRequest>(http, "check request");
        if (request is null) return problem!;
        if (!Uri.TryCreate(request.ReaderUrl, UriKind.Absolute, out var readerUrl) || !Uri.TryCreate(request.RelayUrl, UriKind.Absolute, out var relayUrl))
            return TypedResults.Problem("readerUrl and relayUrl must be absolute URLs", statusCode: 400, title: "invalid check request");

        var card = new CardReaderClient(readers, readerUrl);
        // The card reader is synchronous (one APDU per request), so the check runs off the request thread.
        var verdict = await Task.Run(() => clinic.CheckEligibilityAsync(card, request.Pin, request.ServiceDate, relayUrl, http.HttpContext.RequestAborted));
        return PartyHost.Json(new ClinicCheckAnswer { Conclusion = Conclusion(verdict.Kind), Reason = verdict.Reason, PinTriesLeft = verdict.PinTriesLeft, RenewalAlert = verdict.RenewalAlert, Log = verdict.Log });
    }

    private static async Task<IResult> PickUpAsync(ReferenceClinicDriver clinic, HttpRequest http)
    {
        var (request, problem) = await ReadAsync<ClinicNoticePickupRequest>(http, "notice pickup request");
        if (request is null) return problem!;
        if (!Uri.TryCreate(request.RelayUrl, UriKind.Absolute, out var relayUrl))
            return TypedResults.Problem("relayUrl must be an absolute URL", statusCode: 400, title: "invalid notice pickup request");
        var held = await clinic.PickUpNoticesAsync(relayUrl, http.HttpContext.RequestAborted);
        return PartyHost.Json(new ClinicHeldNotices { Notices = held });
    }

    private static ClinicConclusion Conclusion(ClinicVerdictKind kind) => kind switch
    {
        ClinicVerdictKind.Eligible => ClinicConclusion.Eligible,
        ClinicVerdictKind.EligibleProvisional => ClinicConclusion.EligibleProvisional,
        ClinicVerdictKind.NotEligible => ClinicConclusion.NotEligible,
        ClinicVerdictKind.CardProblem => ClinicConclusion.CardProblem,
        _ => ClinicConclusion.RelayProblem,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _clinic.Dispose();
        _readers.Dispose();
    }
}

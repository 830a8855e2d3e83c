using System.Text;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>
/// The kit playing the relay's side of LOG-010: <c>POST /v1/access-log/reports</c> verifies the reporting party's
/// request envelope (docs/protocol.md §5) with the kit's directory, records every entry in <see cref="Journal"/>, and
/// answers an <see cref="AccessLogReportAnswer"/> signed with the relay's published test key. A hand-made minimal API
/// rather than a WireMock stub because each answer must be signed for its request (inResponseTo, aud).
/// </summary>
public sealed class RelayStandIn : IAsyncDisposable
{
    public const string ReportPath = "/v1/access-log/reports";

    private readonly WebApplication _app;

    private RelayStandIn(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL the stand-in listens on: the relay's baseUrl the target must report to.</summary>
    public Uri Url { get; }

    public ReportJournal Journal { get; } = new();

    /// <summary>Starts listening on <paramref name="url"/> (port 0 picks a free port).</summary>
    public static async Task<RelayStandIn> StartAsync(string url, string relayId, PartyKeySet relayKeys, PartyDirectory directory, TimeProvider time, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var signer = new EnvelopeSigner(relayId, relayKeys, time);
        var verifier = new EnvelopeVerifier(relayId, directory, new MemoryReplayCache(time), time);
        RelayStandIn? self = null;
        // Two parameters, so the lambda binds as a route handler whose IResult is executed, not as a RequestDelegate.
        app.MapPost(ReportPath, (HttpContext http, CancellationToken ct) => self!.HandleAsync(http, signer, verifier, ct));
        await app.StartAsync(ct);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new RelayStandIn(app, new Uri(bound));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext http, EnvelopeSigner signer, EnvelopeVerifier verifier, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.ASCII);
        var token = (await reader.ReadToEndAsync(ct)).Trim();
        var url = new Uri(Url, http.Request.Path.Value).ToString();
        try
        {
            if (!(http.Request.ContentType ?? "").StartsWith(ProtocolConstants.JoseMediaType, StringComparison.OrdinalIgnoreCase))
                throw new ProtocolException(ProblemCodes.UnsupportedMediaType, $"Content-Type is '{http.Request.ContentType}'", "Content-Type");
            var envelope = verifier.VerifyRequest(token, "POST", http.Request.Path.Value ?? ReportPath);
            var report = ProtocolJson.Deserialize<AccessLogReport>(envelope.Claims.Body, "report");
            var ids = report.Entries.Select(_ => "K-" + EnvelopeSigner.NewId()[..16]).ToList();
            var answer = signer.SignResponse(envelope.Sender.Id, envelope.Claims.Id, new AccessLogReportAnswer { EntryIds = ids });
            Journal.Add(envelope.Sender.Id, report.Entries, TimeProvider.System.GetUtcNow(), new RecordedExchange("POST", url, token, 200, answer));
            return Results.Text(answer, ProtocolConstants.JoseMediaType, Encoding.ASCII, 200);
        }
        catch (ProtocolException ex)
        {
            // A report the kit cannot verify is not recorded; the check that waits for it fails and shows why.
            var problem = ProtocolJson.Serialize(ex.ToProblem());
            Journal.Reject(new RecordedExchange("POST", url, token, ex.Code.Status, problem));
            return Results.Text(problem, "application/problem+json", Encoding.UTF8, ex.Code.Status);
        }
    }
}

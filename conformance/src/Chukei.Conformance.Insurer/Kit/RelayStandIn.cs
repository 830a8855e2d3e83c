using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Chukei.Conformance.StandIns.StandInResponses;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>
/// The kit playing the relay towards the insurer under test, on WireMock.Net:
/// <list type="bullet">
/// <item><c>POST /v1/access-log/reports</c> (LOG-010): a callback verifies the reporting party's request envelope
/// with the kit's directory, records every entry in <see cref="Journal"/>, and answers an
/// <see cref="AccessLogReportAnswer"/> signed with the relay's published test key.</item>
/// <item><c>GET /v1/directory</c> (DIR-009 … DIR-013): a stub serving whichever signed directory a case set with
/// <see cref="ServeDirectory"/>; the request journal tells when the target fetched it.</item>
/// </list>
/// </summary>
public sealed class RelayStandIn : IDisposable
{
    public const string ReportPath = "/v1/access-log/reports";
    public const string DirectoryPath = "/v1/directory";

    // One mapping id, so serving a new directory replaces the stub rather than adding a second.
    private static readonly Guid DirectoryMapping = new("7f6d3c8e-1b0a-4c55-9d7e-2a1f0c9b8e01");

    private readonly WireMockServer _server;
    private readonly EnvelopeSigner _signer;
    private readonly EnvelopeVerifier _verifier;
    private readonly TimeProvider _time;

    private RelayStandIn(WireMockServer server, EnvelopeSigner signer, EnvelopeVerifier verifier, TimeProvider time)
    {
        _server = server;
        _signer = signer;
        _verifier = verifier;
        _time = time;
        Url = new Uri(server.Url!);
        server.Given(Request.Create().WithPath(ReportPath).UsingPost()).RespondWith(Response.Create().WithCallback(Report));
        server.Given(Request.Create().WithPath(DirectoryPath).UsingGet()).WithGuid(DirectoryMapping)
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", ProtocolConstants.ProblemMediaType)
                .WithBody(ProtocolJson.Serialize(Contracts.Problems.Problem.From(ProblemCodes.TargetUnavailable, "the kit has not published its directory yet"))));
    }

    /// <summary>The base URL the stand-in listens on: the relay's baseUrl the target must report to.</summary>
    public Uri Url { get; }

    public ReportJournal Journal { get; } = new();

    /// <summary>Starts listening on <paramref name="url"/> (port 0 picks a free port).</summary>
    public static RelayStandIn Start(string url, string relayId, PartyKeySet relayKeys, PartyDirectory directory, TimeProvider time)
    {
        var server = Conformance.StandIns.StandInServer.Start(url);
        var signer = new EnvelopeSigner(relayId, relayKeys, time);
        var verifier = new EnvelopeVerifier(relayId, directory, new MemoryReplayCache(time), time);
        return new RelayStandIn(server, signer, verifier, time);
    }

    /// <summary>From now on <c>GET /v1/directory</c> answers <paramref name="token"/> (a directory JWS, or anything a case wants to try).</summary>
    public void ServeDirectory(string token) =>
        _server.Given(Request.Create().WithPath(DirectoryPath).UsingGet()).WithGuid(DirectoryMapping)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", ProtocolConstants.JoseMediaType).WithBody(token));

    /// <summary>When the target fetched the directory, from the request journal (UTC).</summary>
    public IReadOnlyList<DateTimeOffset> DirectoryFetches =>
        [.. _server.LogEntries
            .Where(e => e.RequestMessage is { Method: "GET", Path: DirectoryPath })
            .Select(e => new DateTimeOffset(DateTime.SpecifyKind(e.RequestMessage!.DateTime, DateTimeKind.Utc)))
            .Order()];

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private ResponseMessage Report(IRequestMessage request)
    {
        var token = (request.Body ?? "").Trim();
        // With its query string, if any: a report URL carries nothing but the path (LOG-010's reported-once case looks).
        var url = new Uri(Url, request.Path + (string.IsNullOrEmpty(request.RawQuery) ? "" : (request.RawQuery.StartsWith('?') ? "" : "?") + request.RawQuery)).ToString();
        try
        {
            var contentType = request.Headers?.TryGetValue("Content-Type", out var values) == true ? values.FirstOrDefault() : null;
            if (!(contentType ?? "").StartsWith(ProtocolConstants.JoseMediaType, StringComparison.OrdinalIgnoreCase))
                throw new ProtocolException(ProblemCodes.UnsupportedMediaType, $"Content-Type is '{contentType}'", "Content-Type");
            var envelope = _verifier.VerifyRequest(token, "POST", request.Path);
            var report = ProtocolJson.Deserialize<AccessLogReport>(envelope.Claims.Body, "report");
            var ids = report.Entries.Select(_ => "K-" + EnvelopeSigner.NewId()[..16]).ToList();
            var answer = _signer.SignResponse(envelope.Sender.Id, envelope.Claims.Id, new AccessLogReportAnswer { EntryIds = ids });
            Journal.Add(envelope.Sender.Id, report.Entries, _time.GetUtcNow(), new RecordedExchange("POST", url, token, 200, answer));
            return JoseText(answer);
        }
        catch (ProtocolException ex)
        {
            // A report the kit cannot verify is not recorded; the check that waits for it fails and shows why.
            var problem = ProtocolJson.Serialize(ex.ToProblem());
            Journal.Reject(new RecordedExchange("POST", url, token, ex.Code.Status, problem));
            return Text(ex.Code.Status, ProtocolConstants.ProblemMediaType, problem);
        }
    }
}

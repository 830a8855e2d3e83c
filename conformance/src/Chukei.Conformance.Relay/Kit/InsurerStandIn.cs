using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Chukei.Contracts;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;
using static Chukei.Conformance.StandIns.StandInResponses;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Kit;

/// <summary>What the stand-in received for one routed inquiry and what it answered.</summary>
public sealed record StandInRecord(string PartyId, string RequestToken, SealClaims? Seal, string? Refusal, int Status, string AnswerBody);

/// <summary>
/// The medical insurers kenpo-a and kenpo-c as the relay under test reaches them in routed mode (RLY-020 … RLY-024),
/// on WireMock.Net: one catch-all mapping answers like a correct insurer (envelope, then step ④ with the published
/// keys, then a signed answer to the sealed requester, INS-041), and a case makes it misbehave for its own correlation
/// id only (<see cref="Misbehave"/>). Faults at the connection level (a dropped connection) are WireMock faults.
/// Every inquiry lands in <see cref="Received"/>, keyed by correlation id.
/// </summary>
public sealed class InsurerStandIn : IDisposable
{
    private const string InquiryPathPattern = "^/(?<party>[a-z0-9.-]+)/v1/inquiries$";

    private readonly WireMockServer _server;
    private readonly SealFixture _fixture;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, StandInBehaviour> _behaviours = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StandInRecord> _received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnvelopeVerifier> _verifiers;
    private readonly Dictionary<string, MemoryReplayCache> _sealReplay;

    private InsurerStandIn(WireMockServer server, SealFixture fixture, TimeProvider time)
    {
        _server = server;
        _fixture = fixture;
        _time = time;
        _verifiers = RelayKitWorld.StandInParties.ToDictionary(id => id, id => new EnvelopeVerifier(id, fixture.Directory, new MemoryReplayCache(time), time), StringComparer.Ordinal);
        _sealReplay = RelayKitWorld.StandInParties.ToDictionary(id => id, _ => new MemoryReplayCache(time), StringComparer.Ordinal);
        Url = new Uri(server.Url!);
        server.Given(Request.Create().WithPath(new RegexMatcher(InquiryPathPattern)).UsingPost())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(Answer));
    }

    /// <summary>The stand-in's base URL; each insurer lives under {Url}/{party id}.</summary>
    public Uri Url { get; }

    /// <summary>Starts listening on <paramref name="url"/> (port 0 picks a free port).</summary>
    public static InsurerStandIn Start(string url, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var server = Conformance.StandIns.StandInServer.Start(url);
        return new InsurerStandIn(server, new SealFixture(time.GetUtcNow()), time);
    }

    /// <summary>From now on the inquiry carrying <paramref name="correlationId"/> gets <paramref name="behaviour"/>.</summary>
    public void Misbehave(string correlationId, StandInBehaviour behaviour)
    {
        _behaviours[correlationId] = behaviour;
        if (behaviour != StandInBehaviour.DropsConnection) return;
        // A connection-level fault is WireMock's own: a mapping that outranks the catch-all for this inquiry only.
        _server.Given(Request.Create().WithPath(new RegexMatcher(InquiryPathPattern)).UsingPost()
                .WithBody((string? body) => CorrelationOf(body) == correlationId))
            .AtPriority(1)
            .RespondWith(Response.Create().WithFault(FaultType.EMPTY_RESPONSE));
    }

    /// <summary>What the stand-in received for <paramref name="correlationId"/>, or null when nothing reached it.</summary>
    public StandInRecord? Received(string correlationId) => _received.GetValueOrDefault(correlationId);

    /// <summary>The request envelopes WireMock journaled for <paramref name="correlationId"/>, as received (also those the stand-in refused).</summary>
    public IReadOnlyList<string> JournaledTokens(string correlationId) =>
        [.. _server.LogEntries.Select(e => e.RequestMessage?.Body).Where(b => CorrelationOf(b) == correlationId).Select(b => b!.Trim())];

    /// <summary>The requests WireMock journaled for <paramref name="correlationId"/> (also those answered with a fault).</summary>
    public int JournaledCount(string correlationId) =>
        _server.LogEntries.Count(e => CorrelationOf(e.RequestMessage?.Body) == correlationId);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private ResponseMessage Answer(IRequestMessage request)
    {
        var token = (request.Body ?? "").Trim();
        var party = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        if (!_verifiers.TryGetValue(party, out var verifier)) return Problem(ProblemCodes.NotFound, "no such insurer at the stand-in");
        VerifiedEnvelope envelope;
        InquiryRequest inquiry;
        try
        {
            envelope = verifier.VerifyRequest(token, "POST", request.Path);
            inquiry = ProtocolJson.Deserialize<InquiryRequest>(envelope.Claims.Body, "inquiry");
        }
        catch (ProtocolException ex)
        {
            return Problem(ex.Code, ex.Detail);
        }
        var behaviour = _behaviours.GetValueOrDefault(inquiry.CorrelationId, StandInBehaviour.Correct);
        var verdict = SealVerifier.Verify(inquiry.Seal, new SealVerificationContext
        {
            SelfId = party,
            OwnKeys = _fixture.KeySet(party),
            Directory = _fixture.Directory,
            ReplayCache = _sealReplay[party],
            Time = _time,
            CallerId = envelope.Sender.Id,
            RequestedItems = inquiry.Items,
        });
        var claims = verdict.Claims ?? verdict.SignedClaims;
        if (!verdict.IsValid || behaviour is StandInBehaviour.Refuses or StandInBehaviour.FailsWithProblem)
        {
            var code = verdict.Failure ?? (behaviour == StandInBehaviour.FailsWithProblem ? ProblemCodes.InternalError : ProblemCodes.SealRequesterMismatch);
            var refusal = Problem(code, verdict.Detail ?? "the stand-in refuses this inquiry, as the case asked");
            _received[inquiry.CorrelationId] = new StandInRecord(party, token, claims, code.Code, code.Status, refusal.BodyData!.BodyAsString!);
            return refusal;
        }
        var answer = AnswerFor(party, verdict.Claims!, inquiry);
        var (status, body, signer, audience, inResponseTo) = behaviour switch
        {
            StandInBehaviour.AnswersGarbage => (200, "this is not a response envelope", null, null, null),
            StandInBehaviour.FailsWithoutProblem => (500, "internal failure", null, null, null),
            StandInBehaviour.SignsAsAnotherInsurer => (200, null, OtherInsurerId, verdict.Claims!.Requester, envelope.Claims.Id),
            StandInBehaviour.AnswersAnotherRequest => (200, null, party, verdict.Claims!.Requester, EnvelopeSigner.NewId()),
            StandInBehaviour.AddressesTheRelay => (200, null, party, envelope.Sender.Id, envelope.Claims.Id),
            _ => (200, (string?)null, (string?)party, (string?)verdict.Claims!.Requester, (string?)envelope.Claims.Id),
        };
        body ??= new EnvelopeSigner(signer!, _fixture.KeySet(signer!), _time).SignResponse(audience!, inResponseTo!, answer);
        _received[inquiry.CorrelationId] = new StandInRecord(party, token, verdict.Claims, null, status, body);
        return Text(status, status == 200 ? ProtocolConstants.JoseMediaType : "text/plain", body);
    }

    /// <summary>A valid answer for the sealed person: the numbers from the seal, valid as of 30 days ago.</summary>
    private InquiryAnswer AnswerFor(string party, SealClaims seal, InquiryRequest inquiry) => new()
    {
        Status = EligibilityStatus.Valid,
        ServiceDate = inquiry.ServiceDate ?? DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).Date),
        AsOf = _time.GetUtcNow().AddDays(-30),
        ChangePending = false,
        Qualification = inquiry.Items.Contains(DataItems.Eligibility) ? new QualificationRecord
        {
            InsurerNumber = seal.Insured.InsurerNumber,
            Symbol = seal.Insured.Symbol,
            Number = seal.Insured.Number,
            Branch = seal.Insured.Branch,
            QualificationDate = new DateOnly(2019, 4, 1),
            CopaymentRatio = 30,
        } : null,
        InsurerLogEntryId = party + "-standin-" + EnvelopeSigner.NewId()[..12],
        RelayLogEntryId = seal.LogEntryId,
        CorrelationId = inquiry.CorrelationId,
    };

    /// <summary>The correlationId inside a request envelope's body, read without verifying (only to route a case's fault).</summary>
    private static string? CorrelationOf(string? token)
    {
        var parts = token?.Trim().Split('.');
        if (parts is not { Length: 3 }) return null;
        try
        {
            using var doc = JsonDocument.Parse(Jose.Base64Url.Decode(parts[1]));
            return doc.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("correlationId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}

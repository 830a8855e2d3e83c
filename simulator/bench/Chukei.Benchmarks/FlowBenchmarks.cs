using BenchmarkDotNet.Attributes;
using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Insurers;
using Chukei.Insurers.Inquiries;
using Chukei.Insurers.Requester;
using Chukei.Relay;
using Chukei.Relay.AccessLog;
using Chukei.Relay.Lookups;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Benchmarks;

/// <summary>
/// The figure-5 flow ①–⑤ (lookup, seal, inquiry, open and check, signed answer) for hanako, asked by the LTC
/// insurer of her medical insurer. Each invocation is a new lookup, so a new seal with a new jti; the virtual clock
/// never moves, so no seal expires. Every lookup and every inquiry report lands in the relay's SQLite access log.
/// </summary>
[MemoryDiagnoser]
public class FlowBenchmarks
{
    private static readonly IReadOnlyList<string> Items = [DataItems.Eligibility, DataItems.Benefits];
    private static readonly PartyRole[] InsurerRoles = [PartyRole.MedicalInsurer, PartyRole.LtcInsurer];
    private static readonly PartyRole[] InquiryRoles = [PartyRole.MedicalInsurer, PartyRole.LtcInsurer, PartyRole.Clinic, PartyRole.Relay];

    private SimulatedNetwork _network = null!;
    private RequesterClient _requester = null!;
    private LookupService _lookups = null!;
    private AccessLogService _accessLog = null!;
    private RelayNode _relay = null!;
    private InsurerNode _requesterNode = null!;
    private InsurerNode _target = null!;
    private PartyDescriptor _caller = null!;
    private LookupRequest _lookup = null!;
    private string _lookupPath = "";
    private string _inquiryPath = "";
    private string _reportPath = "";
    private InquiryService _inquiries = null!;
    private Func<AccessLogReport, CancellationToken, Task<bool>> _reportOverHttp = null!;
    private Func<AccessLogReport, CancellationToken, Task<bool>> _reportInProcess = null!;
    private readonly Func<AccessLogReport, CancellationToken, Task<bool>> _dropReport = static (_, _) => Task.FromResult(true);

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioLoader.Load(Figure5Scenario.Yaml, "bench-figure5.yaml");
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        _network = SimulatedNetwork.StartAsync(scenario, clock).GetAwaiter().GetResult();
        _relay = _network.Relay;
        _requester = _network.RequesterFor(Figure5Scenario.RequesterId);
        _requesterNode = _network.Insurers[Figure5Scenario.RequesterId];
        _target = _network.Insurers[Figure5Scenario.TargetId];
        _caller = _network.Directory.Find(Figure5Scenario.RequesterId)!;
        _lookups = new LookupService(_relay);
        _accessLog = new AccessLogService(_relay);
        _inquiries = new InquiryService(_target);
        _reportOverHttp = _target.Reporter;
        _lookup = new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = Figure5Scenario.RequesterInsurerNumber, InsuredNumber = Figure5Scenario.SubjectInsuredNumber } },
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.LtcMedicalCombined,
            CorrelationId = "bench-figure5/combined-benefit-inquiry",
        };
        // The paths PartyClient signs: the target's base URL plus the endpoint.
        _lookupPath = PathOf(_network.Directory.RelayId, "/v1/lookups");
        _inquiryPath = PathOf(Figure5Scenario.TargetId, "/v1/inquiries");
        _reportPath = PathOf(_network.Directory.RelayId, "/v1/access-log/reports");

        // The target's access-log report as one signed call to the relay, without the socket.
        _reportInProcess = (report, _) =>
        {
            Call(_target.Self, _relay.Self, _reportPath, report, InsurerRoles, RequestValidation.Validate, (caller, r) => _accessLog.Report(caller.Sender, r));
            return Task.FromResult(true);
        };

        // Measure the success path only: each variant must answer "valid" with the three benefit records.
        Expect(FlowHttp().GetAwaiter().GetResult(), nameof(FlowHttp));
        Expect(FlowInProcess(), nameof(FlowInProcess));
        Expect(FlowInProcessFull(), nameof(FlowInProcessFull));
    }

    [GlobalCleanup]
    public void Cleanup() => _network.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>①–⑤ over loopback HTTP, as a requester runs it (RequesterClient.RunDirectAsync): 3 signed calls incl. the target's log report.</summary>
    [Benchmark]
    public async Task<InquiryAnswer> FlowHttp()
    {
        _target.Reporter = _reportOverHttp;
        var trace = await _requester.RunDirectAsync(_lookup, Items, Figure5Scenario.ServiceDate);
        return trace.Inquiry?.Answer ?? throw Failed(trace.Lookup?.Problem ?? trace.Inquiry?.Problem);
    }

    /// <summary>
    /// The crypto and logic of ①–⑤ without sockets or request envelopes: the relay's lookup (resolve, log, seal), the
    /// target's seal verification and eligibility evaluation, the signed answer and the requester's check of it.
    /// </summary>
    [Benchmark]
    public InquiryAnswer FlowInProcess()
    {
        var found = _lookups.Lookup(_caller, _lookup);
        var inquiry = new InquiryRequest { Seal = found.Seal!, Items = Items, ServiceDate = Figure5Scenario.ServiceDate, CorrelationId = found.CorrelationId };
        var envelope = new VerifiedEnvelope(_caller, new EnvelopeClaims
        {
            Issuer = _caller.Id, Audience = _target.Self.PartyId, IssuedAt = 0, Expires = 0, Id = EnvelopeSigner.NewId(), Body = default,
        });
        var answer = Answer(envelope, inquiry, report: false);
        var requestId = EnvelopeSigner.NewId();
        var signed = _target.Self.Signer.SignResponse(_caller.Id, requestId, answer);
        var verified = _requesterNode.Self.Verifier.VerifyResponse(signed, _target.Self.PartyId, requestId);
        return ProtocolJson.Deserialize<InquiryAnswer>(verified.Claims.Body, "answer");
    }

    /// <summary>Steps ①② at the relay alone (resolve in SQLite, append to the hash-chained access log, seal): the relay's share of the flow.</summary>
    [Benchmark]
    public LookupAnswer RelayLookup() => _lookups.Lookup(_caller, _lookup);

    /// <summary>
    /// Everything <see cref="FlowHttp"/> does except HTTP: the three signed calls (lookup, inquiry, the target's
    /// access-log report to the relay), each a signed request verified by the callee and a signed response verified by
    /// the caller, with the same body parsing and validation as the endpoints. FlowHttp / this = the transport's cost.
    /// </summary>
    [Benchmark]
    public InquiryAnswer FlowInProcessFull()
    {
        var found = Call(_requesterNode.Self, _relay.Self, _lookupPath, _lookup, InsurerRoles, RequestValidation.Validate,
            (caller, request) => _lookups.Lookup(caller.Sender, request));
        var inquiry = new InquiryRequest { Seal = found.Seal!, Items = Items, ServiceDate = Figure5Scenario.ServiceDate, CorrelationId = found.CorrelationId };
        return Call(_requesterNode.Self, _target.Self, _inquiryPath, inquiry, InquiryRoles, RequestValidation.Validate,
            (caller, request) => Answer(caller, request, report: true));
    }

    /// <summary>Steps ④⑤ at the target: the reference InquiryService itself, its log report delivered in-process (or dropped).</summary>
    private InquiryAnswer Answer(VerifiedEnvelope envelope, InquiryRequest request, bool report)
    {
        _target.Reporter = report ? _reportInProcess : _dropReport;
        var call = new SignedCall<InquiryRequest>(_target.Self, envelope, request);
        return _inquiries.AnswerAsync(call, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>One signed call without the socket: what PartyClient.PostAsync and SignedEndpoints.MapSignedPost do around the handler.</summary>
    private static TAnswer Call<TRequest, TAnswer>(PartyContext from, PartyContext to, string path, TRequest body,
        IReadOnlyCollection<PartyRole> roles, Action<TRequest> validate, Func<VerifiedEnvelope, TRequest, TAnswer> handle)
    {
        var (token, id) = from.Signer.SignRequest(to.PartyId, "POST", path, body);
        var envelope = to.Verifier.VerifyRequest(token, "POST", path);
        if (!roles.Contains(envelope.Sender.Role)) throw new ProtocolException(ProblemCodes.RoleNotAllowed, $"role {envelope.Sender.Role} may not call {path}");
        var request = ProtocolJson.Deserialize<TRequest>(envelope.Claims.Body, "request body");
        validate(request);
        var answer = handle(envelope, request);
        var signed = to.Signer.SignResponse(envelope.Sender.Id, envelope.Claims.Id, answer);
        var verified = from.Verifier.VerifyResponse(signed, to.PartyId, id);
        return ProtocolJson.Deserialize<TAnswer>(verified.Claims.Body, "answer");
    }

    private string PathOf(string partyId, string endpoint)
    {
        var baseUrl = _network.Directory.Find(partyId)!.BaseUrl!;
        return new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), endpoint.TrimStart('/')).AbsolutePath;
    }

    private static void Expect(InquiryAnswer answer, string variant)
    {
        if (answer.Status != EligibilityStatus.Valid || answer.Qualification?.CopaymentRatio != 30 || answer.Benefits?.Count != 3)
            throw new InvalidOperationException($"setup: {variant} did not answer valid/30%/3 benefits but {answer.Status}");
    }

    private static InvalidOperationException Failed(Problem? problem) =>
        new($"the flow failed: {problem?.Status} {problem?.Code} {problem?.Detail}");
}

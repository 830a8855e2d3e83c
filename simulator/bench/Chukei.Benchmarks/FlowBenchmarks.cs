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
using Chukei.Insurers.Records;
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
        var answer = Answer(inquiry, _caller.Id, report: false);
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
            (caller, request) => Answer(request, caller.Sender.Id, report: true));
    }

    /// <summary>Steps ④⑤ at the target, as InquiryService.AnswerAsync runs them; the log report goes in-process.</summary>
    private InquiryAnswer Answer(InquiryRequest request, string callerId, bool report)
    {
        var self = _target.Self;
        var now = self.Time.GetUtcNow();
        var verdict = SealVerifier.Verify(request.Seal, new SealVerificationContext
        {
            SelfId = self.PartyId,
            OwnKeys = self.Keys,
            Directory = self.Directory,
            ReplayCache = self.ReplayCache,
            Time = self.Time,
            CallerId = callerId,
            RequestedItems = request.Items,
        });
        if (!verdict.IsValid) throw new ProtocolException(verdict.Failure!, verdict.Detail!, "/seal");
        var claims = verdict.Claims!;
        var entryId = "I-" + EnvelopeSigner.NewId()[..16];
        var serviceDate = request.ServiceDate ?? self.Today;
        var result = EligibilityEvaluator.Evaluate(_target.Book, claims.Insured, serviceDate, now);
        if (report)
        {
            var record = new InsurerAccessRecord
            {
                InsurerEntryId = entryId,
                RelayLogEntryId = claims.LogEntryId,
                Requester = callerId,
                Purpose = claims.Purpose,
                Items = request.Items,
                Outcome = result.Status == EligibilityStatus.NoQualification ? AccessOutcome.NotFound : AccessOutcome.Answered,
                At = now,
                CorrelationId = request.CorrelationId,
            };
            Call(self, _relay.Self, _reportPath, new AccessLogReport { Entries = [record] }, InsurerRoles, RequestValidation.Validate,
                (caller, r) => _accessLog.Report(caller.Sender, r));
        }
        var fact = result.Fact;
        return new InquiryAnswer
        {
            Status = result.Status,
            ServiceDate = serviceDate,
            AsOf = result.AsOf,
            ChangePending = result.PendingSince is not null,
            PendingSince = result.PendingSince,
            Qualification = request.Items.Contains(DataItems.Eligibility) && fact is not null
                ? new QualificationRecord
                {
                    InsurerNumber = _target.InsurerNumber,
                    Symbol = fact.Symbol,
                    Number = fact.Number,
                    Branch = fact.Branch,
                    PersonalFamilyClassification = fact.PersonalFamilyClassification,
                    QualificationDate = fact.QualificationDate,
                    DisqualificationDate = fact.DisqualificationDate,
                    ReasonOfLoss = fact.ReasonOfLoss,
                    CopaymentRatio = fact.CopaymentRatio,
                }
                : null,
            Benefits = request.Items.Contains(DataItems.Benefits) && fact is not null ? _target.Book.BenefitsOf(fact.PersonKey) : null,
            InsurerLogEntryId = entryId,
            RelayLogEntryId = claims.LogEntryId,
            CorrelationId = request.CorrelationId,
        };
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

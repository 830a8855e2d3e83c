using System.Text.Json;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>The relay's published documents (§3), who may call what (§5.4) and how it refuses (§10).</summary>
public static class SurfaceChecks
{
    /// <summary>DIR-010: GET /v1/directory is a relay-signed chukei-dir+jwt whose parties carry the published keys.</summary>
    public static async Task DirectoryAsync(RelaySession session, CheckContext check)
    {
        var (status, mediaType, body) = await session.World.GetAsync("v1/directory", check.Evidence);
        check.Must(status == 200 && mediaType == ProtocolConstants.JoseMediaType, $"GET /v1/directory answered {status} {mediaType}, not 200 application/jose");

        DirectoryDocument document;
        try
        {
            // Verified with the published relay keys: the trust anchor a party is configured with (DIR-011).
            var payload = session.World.VerifierFor(RequesterId).VerifyPayload(body.Trim(), ProtocolConstants.DirectoryType, RelayId);
            document = ProtocolJson.Deserialize<DirectoryDocument>(System.Text.Encoding.UTF8.GetBytes(payload), "directory");
        }
        catch (ProtocolException ex)
        {
            throw new RequirementViolationException(check.RequirementId, CheckContext.Message(check.RequirementId, "violated",
                $"the directory is not a {ProtocolConstants.DirectoryType} JWS signed by a relay key: {ex.Code.Code}: {ex.Detail}"), ex);
        }
        check.Must(document.Relay == RelayId, $"the directory's relay member is '{document.Relay}'");
        foreach (var expected in session.World.Fixture.Parties)
        {
            var party = document.Parties.FirstOrDefault(p => p.Id == expected.Id);
            check.Must(party is not null, $"the directory lacks {expected.Id}, a party of the published test directory");
            var kids = party.Keys.Select(k => $"{k.Kid}:{k.Status}").Order(StringComparer.Ordinal);
            var published = expected.Keys.Select(k => $"{k.Kid}:{k.Status}").Order(StringComparer.Ordinal);
            check.Must(kids.SequenceEqual(published), $"{expected.Id}'s keys are [{string.Join(", ", kids)}], the published ones [{string.Join(", ", published)}]");
        }
    }

    /// <summary>DIR-012: the relay's JWK Set equals its keys in the directory.</summary>
    public static async Task JwksAsync(RelaySession session, CheckContext check)
    {
        var (status, _, body) = await session.World.GetAsync(".well-known/jwks.json", check.Evidence);
        check.Must(status == 200, $"GET /.well-known/jwks.json answered {status}");
        List<string> served;
        try
        {
            using var doc = JsonDocument.Parse(body);
            served = [.. doc.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString() + ":" + k.GetProperty("status").GetString()).Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new RequirementViolationException(check.RequirementId, CheckContext.Message(check.RequirementId, "violated", $"the body is not a JWK Set with kid and status per key: {ex.Message}"), ex);
        }
        var published = session.World.Directory.Find(RelayId)!.Keys
            .Select(k => k.Kid + ":" + JsonSerializer.Serialize(k.Status, ProtocolJson.Options).Trim('"')).Order(StringComparer.Ordinal).ToList();
        check.Must(served.SequenceEqual(published), $"the JWK Set holds [{string.Join(", ", served)}], the directory [{string.Join(", ", published)}]");
    }

    /// <summary>One pair of §5.4's table that the relay must refuse: a caller whose role the endpoint does not allow, with a well-formed body.</summary>
    public sealed record RoleRefusal(string Name, string Caller, string Role, string Path, Func<RelaySession, object> Body);

    /// <summary>
    /// Every endpoint × disallowed role pair of §5.4 for the relay's POST endpoints, one caller per role (the kit's parties:
    /// kenpo-a medical-insurer, kaigo-b ltc-insurer, the clinic, the portal). The bodies are well-formed records, so
    /// only the role can be refused (ERR-009 judges it before the body). Pairs another requirement's case already
    /// tries are left out: the portal asking for a card challenge (CLN-001) and kaigo-b presenting a card check (CLN-002).
    /// </summary>
    public static IReadOnlyList<RoleRefusal> RoleRefusals { get; } =
    [
        new("portal-looks-up", PortalId, "portal", Calls.LookupPath, _ => LtcLookup("portal-looks-up")),
        new("clinic-looks-up", ClinicId, "clinic", Calls.LookupPath, _ => LtcLookup("clinic-looks-up")),
        new("portal-asks-a-routed-inquiry", PortalId, "portal", Calls.RoutedPath, _ => new RoutedInquiryRequest
        {
            Subject = UnknownLtcSubject,
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.LtcMedicalCombined,
            Items = DefaultItems,
            CorrelationId = Calls.NewCorrelationId("portal-routes"),
        }),
        new("clinic-registers-an-enrolment", ClinicId, "clinic", EnrolledPerson.EnrolmentPath, _ => Enrolment("clinic-registers-an-enrolment")),
        new("portal-registers-an-enrolment", PortalId, "portal", EnrolledPerson.EnrolmentPath, _ => Enrolment("portal-registers-an-enrolment")),
        new("clinic-reports-access", ClinicId, "clinic", Calls.ReportPath, s => Report(s, "clinic-reports-access")),
        new("portal-reports-access", PortalId, "portal", Calls.ReportPath, s => Report(s, "portal-reports-access")),
        new("insurer-reads-a-persons-log", RequesterId, "ltc-insurer", Calls.PersonQueryPath, _ => new PersonAccessLogQuery { PersonId = ProvisionedPeople.All[0].PersonId }),
        new("medical-insurer-reads-a-persons-log", TargetId, "medical-insurer", Calls.PersonQueryPath, _ => new PersonAccessLogQuery { PersonId = ProvisionedPeople.All[0].PersonId }),
        new("clinic-reads-a-persons-log", ClinicId, "clinic", Calls.PersonQueryPath, _ => new PersonAccessLogQuery { PersonId = ProvisionedPeople.All[0].PersonId }),
        new("clinic-sends-a-notice", ClinicId, "clinic", NoticeChecks.NoticesPath, s => Notice(s, "clinic-sends-a-notice")),
        new("portal-sends-a-notice", PortalId, "portal", NoticeChecks.NoticesPath, s => Notice(s, "portal-sends-a-notice")),
        new("portal-picks-up-notices", PortalId, "portal", NoticeChecks.PickupPath, _ => new RetroactiveNoticePickup { Acknowledge = [], CorrelationId = Calls.NewCorrelationId("portal-picks-up") }),
        new("ltc-insurer-asks-for-a-challenge", RequesterId, "ltc-insurer", CardChecks.ChallengePath, _ => new CardChallengeRequest { CorrelationId = Calls.NewCorrelationId("ltc-challenge") }),
        new("medical-insurer-asks-for-a-challenge", TargetId, "medical-insurer", CardChecks.ChallengePath, _ => new CardChallengeRequest { CorrelationId = Calls.NewCorrelationId("medical-challenge") }),
        new("medical-insurer-checks-a-card", TargetId, "medical-insurer", CardChecks.CheckPath, s => CardChecks.UnregisteredCardRequest(s, "medical-insurer-checks-a-card")),
        new("portal-checks-a-card", PortalId, "portal", CardChecks.CheckPath, s => CardChecks.UnregisteredCardRequest(s, "portal-checks-a-card")),
    ];

    /// <summary>AUTH-011: an authenticated caller whose role the endpoint does not serve is refused with role-not-allowed.</summary>
    public static async Task RoleNotAllowedAsync(RelaySession session, CheckContext check, RoleRefusal pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var exchange = await session.World.CallerFor(pair.Caller, check.Evidence).PostAsync(pair.Path, pair.Body(session));
        check.Must(exchange.IsRefusal(ProblemCodes.RoleNotAllowed),
            $"{pair.Caller} (role {pair.Role}) may not call POST /{pair.Path} (§5.4); the relay must refuse with role-not-allowed (403), but answered {exchange.Summary}");
    }

    private static SubjectReference UnknownLtcSubject => new() { Ltc = new LtcInsured { InsurerNumber = RequesterInsurerNumber, InsuredNumber = "1234567890" } };

    private static LookupRequest LtcLookup(string caseName) => Calls.Lookup(UnknownLtcSubject, caseName);

    private static EnrolmentUpdate Enrolment(string caseName) => new()
    {
        BasicPensionNumber = ProvisionedPeople.All[0].BasicPensionNumber,
        Event = EnrolmentEvent.Lost,
        EffectiveDate = new DateOnly(2026, 4, 1),
        Medical = new MedicalInsured { InsurerNumber = TargetInsurerNumber, Number = "1", Branch = "01" },
        CorrelationId = Calls.NewCorrelationId(caseName),
    };

    private static AccessLogReport Report(RelaySession session, string caseName) => new()
    {
        Entries = [Calls.Record("relay-entry-" + Contracts.Envelopes.EnvelopeSigner.NewId()[..12], Calls.NewCorrelationId(caseName), session.Target.Time.GetUtcNow())],
    };

    /// <summary>A well-formed notice naming an entry nobody answered: only the sender's role can be refused.</summary>
    private static RetroactiveChangeNotice Notice(RelaySession session, string caseName) =>
        NoticeChecks.Notice(session, "relay-entry-" + Contracts.Envelopes.EnvelopeSigner.NewId()[..12], Calls.NewCorrelationId(caseName));

    /// <summary>AUTH-001: a body that is not application/jose is refused with unsupported-media-type.</summary>
    public static async Task MediaTypeAsync(RelaySession session, CheckContext check)
    {
        var (status, _, body) = await session.World.PostRawAsync(Calls.LookupPath, "{}", "application/json", check.Evidence);
        var problem = Contracts.Client.PartyClient.ReadProblem(body);
        check.Must(status == 415 && problem?.Code == ProblemCodes.UnsupportedMediaType.Code, $"a JSON body must be refused with unsupported-media-type (415), not {status} {problem?.Code}");
    }

    /// <summary>ERR-001: a refusal is a problem document with the table's members and media type.</summary>
    public static async Task ProblemFormAsync(RelaySession session, CheckContext check)
    {
        var request = Calls.Lookup(new SubjectReference { Ltc = new LtcInsured { InsurerNumber = IdentifierRules.WithCheckDigit("13102"), InsuredNumber = "1234567890" } }, "problem-form");
        var exchange = await Calls.LookupAsync(session, check, request);
        if (exchange.Status == 200) throw check.Unreachable("a lookup by another insurer's number was answered 200 (RLY-004 covers that)");

        check.Must(exchange.ContentType == ProtocolConstants.ProblemMediaType, $"the refusal's Content-Type is '{exchange.ContentType}'");
        var problem = exchange.Problem;
        check.Must(problem is not null, $"the refusal's body is not a problem document: {exchange.Body}");
        var code = ProblemCodes.All.FirstOrDefault(c => c.Code == problem.Code);
        check.Must(code is not null, $"the code '{problem.Code}' is not in the table of §10");
        check.Must(problem.Status == exchange.Status && code.Status == exchange.Status, $"the document's status is {problem.Status}, HTTP {exchange.Status}, the table's {code.Status}");
        check.Must(problem.Type == code.TypeUri && problem.Requirement == code.RequirementId && !string.IsNullOrEmpty(problem.Title),
            $"type '{problem.Type}', requirement '{problem.Requirement}', title '{problem.Title}' are not the table's ({code.TypeUri}, {code.RequirementId})");
    }

    /// <summary>ERR-003: a body larger than 65 536 bytes is refused before anything else.</summary>
    public static async Task BodyTooLargeAsync(RelaySession session, CheckContext check)
    {
        var caller = session.World.CallerFor(RequesterId, check.Evidence);
        var exchange = await caller.SendAsync(Calls.LookupPath, new string('A', ProtocolConstants.MaxRequestLength + 10), "oversized");
        check.Must(exchange.IsRefusal(ProblemCodes.BodyTooLarge), $"a {ProtocolConstants.MaxRequestLength + 10}-byte body must be refused with body-too-large (413), not {exchange.Summary}");
    }

    /// <summary>ERR-006: an endpoint the relay does not serve is not-found.</summary>
    public static async Task UnknownPathAsync(RelaySession session, CheckContext check)
    {
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync("v1/no-such-endpoint", new { });
        check.Must(exchange.IsRefusal(ProblemCodes.NotFound), $"POST /v1/no-such-endpoint must be answered not-found (404), not {exchange.Summary}");
    }

    /// <summary>ERR-010: a refusal about a person carries none of their numbers.</summary>
    public static async Task NoPersonalDataAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var request = Calls.Lookup(new SubjectReference { Ltc = person.Ltc with { InsurerNumber = IdentifierRules.WithCheckDigit("13102") } }, "no-personal-data");
        var exchange = await Calls.LookupAsync(session, check, request);
        if (exchange.Status == 200) throw check.Unreachable("a lookup by another insurer's number was answered 200 (RLY-004 covers that)");

        check.Must(!exchange.Body.Contains(person.Ltc.InsuredNumber, StringComparison.Ordinal), $"the problem document contains the insured number {person.Ltc.InsuredNumber}");
        check.Must(!exchange.Body.Contains(person.Person.PersonId, StringComparison.Ordinal), "the problem document contains the person identifier");
    }
}

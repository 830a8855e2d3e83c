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

    /// <summary>AUTH-011: an authenticated caller whose role the endpoint does not serve is refused with role-not-allowed.</summary>
    public static async Task RoleNotAllowedAsync(RelaySession session, CheckContext check, string caseName)
    {
        var (caller, path, body) = caseName switch
        {
            "portal-looks-up" => (PortalId, Calls.LookupPath, (object)Calls.Lookup(new SubjectReference { Ltc = new LtcInsured { InsurerNumber = RequesterInsurerNumber, InsuredNumber = "1234567890" } }, caseName)),
            "insurer-reads-a-persons-log" => (RequesterId, Calls.PersonQueryPath, new PersonAccessLogQuery { PersonId = ProvisionedPeople.All[0].PersonId }),
            "clinic-registers-an-enrolment" => (ClinicId, EnrolledPerson.EnrolmentPath, new EnrolmentUpdate
            {
                BasicPensionNumber = ProvisionedPeople.All[0].BasicPensionNumber,
                Event = EnrolmentEvent.Lost,
                EffectiveDate = new DateOnly(2026, 4, 1),
                Medical = new MedicalInsured { InsurerNumber = TargetInsurerNumber, Number = "1", Branch = "01" },
                CorrelationId = Calls.NewCorrelationId(caseName),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var exchange = await session.World.CallerFor(caller, check.Evidence).PostAsync(path, body);
        check.Must(exchange.IsRefusal(ProblemCodes.RoleNotAllowed), $"{caller} may not call /{path}; the relay must refuse with role-not-allowed (403), but answered {exchange.Summary}");
    }

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

using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// What an insurer written elsewhere got wrong and the suite did not see (issue 21, the outside insurer of
/// conformance/outsiders): the HTTP surface (AUTH-001's media type, ERR-006's method, ERR-005's repeated member,
/// ERR-001's problem documents, DIR-012's key set) and duties of step ④ and the answer that only a second look shows
/// (INS-028's order, INS-003 and ID-001 on every part of the number, ELG-003 across a person's records, LOG-010 once).
/// </summary>
public static class SurfaceChecks
{
    /// <summary>AUTH-001: a valid envelope, with a real inquiry, sent under another media type is refused 415 before it is read.</summary>
    public static async Task WrongMediaTypeAsync(InsurerSession session, CheckContext check, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (token, _) = SignedInquiry(session, "media-type", out _);

        var (status, _, body) = await session.World.SendRawAsync(HttpMethod.Post, session.World.InquiryUrl, token, mediaType, check.Evidence);

        var expected = ProblemCodes.UnsupportedMediaType;
        check.Must(status == expected.Status && Problem(status, body)?.Code == expected.Code,
            $"a valid inquiry sent as Content-Type {mediaType} must be refused with {expected.Code} ({expected.Status}) before anything is read, but the target answered {Describe(status, body)}");
    }

    /// <summary>ERR-006: a method the inquiry endpoint does not serve is not-found (404), a problem document; not 405, not an answer.</summary>
    public static async Task WrongMethodAsync(InsurerSession session, CheckContext check, string method)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (status, contentType, body) = await session.World.SendRawAsync(new HttpMethod(method), session.World.InquiryUrl, null, null, check.Evidence);

        var expected = ProblemCodes.NotFound;
        check.Must(status == expected.Status && contentType == ProtocolConstants.ProblemMediaType && Problem(status, body)?.Code == expected.Code,
            $"{method} {session.World.InquiryUrl.AbsolutePath} is a method the endpoint does not serve; §10.2 answers it {expected.Code} ({expected.Status}) as a problem document, " +
            $"but the target answered {status} {contentType ?? "(no media type)"}: {Clip(body)}");
    }

    /// <summary>ERR-006: a path the insurer does not serve, POSTed a valid envelope of kaigo-b for that path, is not-found as a problem document.</summary>
    public static async Task UnknownPathAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var url = session.Target.Target.Endpoint("v1/no-such-endpoint");
        var client = session.World.ClientFor(RequesterId, check.Evidence);
        var (token, _) = client.Signer.SignRequest(session.Target.PartyId, "POST", url.AbsolutePath, new { correlationId = InquiryCaller.NewCorrelationId("unknown-path") });

        var (status, contentType, body) = await session.World.SendRawAsync(HttpMethod.Post, url, token, ProtocolConstants.JoseMediaType, check.Evidence);

        var expected = ProblemCodes.NotFound;
        check.Must(status == expected.Status && contentType == ProtocolConstants.ProblemMediaType && Problem(status, body)?.Code == expected.Code,
            $"POST {url.AbsolutePath} is a path the insurer does not serve; it is answered {expected.Code} ({expected.Status}) as a problem document, " +
            $"but the target answered {status} {contentType ?? "(no media type)"}: {Clip(body)}");
    }

    /// <summary>ERR-003: a body of 65 537 bytes (one over the limit) is refused with body-too-large before it is parsed or verified.</summary>
    public static async Task BodyTooLargeAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var size = ProtocolConstants.MaxRequestLength + 1;

        var (status, _, body) = await session.World.SendRawAsync(HttpMethod.Post, session.World.InquiryUrl, new string('A', size), ProtocolConstants.JoseMediaType, check.Evidence);

        var expected = ProblemCodes.BodyTooLarge;
        check.Must(status == expected.Status && Problem(status, body)?.Code == expected.Code,
            $"a {size}-byte body, one byte over the limit of {ProtocolConstants.MaxRequestLength}, must be refused with {expected.Code} ({expected.Status}) before it is parsed, " +
            $"but the target answered {Describe(status, body)}");
    }

    /// <summary>
    /// AUTH-001 (with ERR-005 and N18): an inquiry body that repeats a member (items twice) makes the envelope's claims
    /// unreadable: auth-malformed, never an answer read from one of the two.
    /// </summary>
    public static async Task RepeatedBodyMemberAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (_, claims) = SignedInquiry(session, "repeated-member", out var request, [DataItems.Benefits]);
        var payload = ProtocolJson.Serialize(claims);
        const string Once = "\"items\":[\"benefits\"]";
        if (!payload.Contains(Once, StringComparison.Ordinal)) throw new InvalidOperationException("the kit's claims do not serialise items as expected");
        var token = JwsCrafter.Ecdsa(JwsCrafter.SealHeader(ProtocolConstants.SignatureAlgorithm, ProtocolConstants.RequestType, RequesterSigningKid),
            payload.Replace(Once, Once + ",\"items\":[\"eligibility\"]", StringComparison.Ordinal), session.World.NewFixture().Signer(RequesterSigningKid));

        var (status, _, body) = await session.World.SendRawAsync(HttpMethod.Post, session.World.InquiryUrl, token, ProtocolConstants.JoseMediaType, check.Evidence);

        var problem = Problem(status, body);
        check.Must(status == ProblemCodes.AuthMalformed.Status && problem?.Code == ProblemCodes.AuthMalformed.Code,
            $"the inquiry body inside the signed claims names items twice ([\"benefits\"], then [\"eligibility\"]; correlationId {request.CorrelationId}); claims with a repeated member " +
            $"anywhere are unreadable and refused with auth-malformed (401) before the body is checked (ERR-005, N18), but the target answered {Describe(status, body)}");
    }

    /// <summary>
    /// ERR-001: a refusal after the body was read (a seal that is not a JWE) is application/problem+json and carries the
    /// request's correlationId.
    /// </summary>
    public static async Task ProblemDocumentAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (token, _) = SignedInquiry(session, "problem-document", out var request, seal: "garbage");

        var (status, contentType, body) = await session.World.SendRawAsync(HttpMethod.Post, session.World.InquiryUrl, token, ProtocolConstants.JoseMediaType, check.Evidence);

        var problem = Problem(status, body);
        if (problem is null || status == 200)
            throw check.Unreachable($"the seal 'garbage' must be refused seal-malformed (INS-011 covers that), and the target answered {Describe(status, body)}");
        check.Must(contentType == ProtocolConstants.ProblemMediaType, $"the refusal ({problem.Code}) has Content-Type {contentType ?? "(none)"}, not {ProtocolConstants.ProblemMediaType}");
        check.Must(problem.CorrelationId == request.CorrelationId,
            $"the refusal ({problem.Code}) came after the body was read, so it carries the request's correlationId '{request.CorrelationId}', but has '{problem.CorrelationId ?? "(none)"}'");
    }

    /// <summary>
    /// INS-028: kenpo-c presents a seal issued to kaigo-b (a thief) and is refused; the seal's jti is recorded only after
    /// every check passed, so kaigo-b's own presentation of that seal is still answered.
    /// </summary>
    public static async Task ThiefDoesNotBurnTheSealAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var fixture = session.World.NewFixture();
        var seal = fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId()));
        var caller = new InquiryCaller(session.World, check.Evidence);
        var stolen = await caller.PresentAsync(OtherInsurerId, seal, DefaultItems, InquiryCaller.NewCorrelationId("thief"));
        if (stolen.Problem?.Code != ProblemCodes.SealRequesterMismatch.Code)
            throw check.Unreachable($"kenpo-c's presentation of kaigo-b's seal was answered {stolen.Summary}, not seal-requester-mismatch (INS-029 covers that)");

        var rightful = await caller.PresentAsync(RequesterId, seal, DefaultItems, InquiryCaller.NewCorrelationId("rightful-after-thief"));

        check.Must(rightful.Status == 200,
            $"kenpo-c presented kaigo-b's seal first and was refused; the seal's jti is recorded only once every check passed, so kaigo-b's own presentation must be answered, but the target answered {rightful.Summary}");
        rightful.ReadAnswer(session.World, RequesterId);
    }

    /// <summary>INS-003 / ID-001: a seal that differs from a held record in one part of the number (<paramref name="edit"/>) finds no record.</summary>
    public static async Task OtherPartOfTheNumberAsync(InsurerSession session, CheckContext check, string what, Func<SealedInsured, SealedInsured> edit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(edit);
        var person = InsurerPeople.Lost;
        var serviceDate = new DateOnly(2026, 3, 31);
        SealedInsured? sent = null;
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "number-part", [DataItems.Eligibility],
            c => c with { Insured = sent = edit(c.Insured with { Symbol = person.Symbol, Number = person.Number, Branch = person.Branch }) }, serviceDate: serviceDate);
        if (response.Status != 200) throw check.Unreachable($"the inquiry was answered {response.Summary} (the seal cases cover refusals)");
        var answer = response.ReadAnswer(session.World, response.CallerId);

        check.Must(answer.Status == EligibilityStatus.NoQualification && answer.Qualification is null,
            $"the seal names symbol '{sent!.Symbol}', number '{sent.Number}', branch '{sent.Branch}' ({what}); the target holds {LagChecks.Who(person)}, valid on {serviceDate}, and no record under the number as sealed, " +
            $"compared byte for byte, so it must answer no-qualification, but answered {answer.Status}{(answer.Qualification is null ? "" : $" with the record {answer.Qualification.Symbol}/{answer.Qualification.Number}/{answer.Qualification.Branch}")}");
    }

    /// <summary>ELG-003: asOf is the latest registration among all of the person's records, the one under another number included.</summary>
    public static async Task AsOfAcrossRecordsAsync(InsurerSession session, CheckContext check)
    {
        var answer = await LagChecks.AskAsync(session, check, InsurerPeople.Requalified, new DateOnly(2026, 2, 2), "as-of-across-records");
        var latest = new[] { InsurerPeople.Requalified.LastRegistered, InsurerPeople.RequalifiedLater.LastRegistered }.Max();

        check.Must(answer.AsOf == latest,
            $"{LagChecks.Who(InsurerPeople.Requalified)} was last registered at {InsurerPeople.Requalified.LastRegistered}, but the same person's later record " +
            $"{LagChecks.Who(InsurerPeople.RequalifiedLater)} at {InsurerPeople.RequalifiedLater.LastRegistered}; asOf is the person's latest registration, {latest}, not {answer.AsOf}");
    }

    /// <summary>
    /// LOG-010: the record of one inquiry is reported once, to the reports path itself (no query string: personal data
    /// never travels in a URL, where proxies and access logs keep it).
    /// </summary>
    public static async Task ReportedOnceAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "reported-once", [DataItems.Eligibility]);
        if (response.Status != 200) throw check.Unreachable($"the valid seal was answered {response.Summary} (INS-040 covers that)");
        var first = await session.Relay.Journal.WaitForAsync(response.Request.CorrelationId, session.Target.ReportWait);
        if (first is null) throw check.Unreachable($"no record of the inquiry reached the relay within {session.Target.ReportWait.TotalSeconds:0.#} s (LOG-008 covers that)");
        // A second report of the same record would follow at once; a second is ample on loopback.
        await Task.Delay(TimeSpan.FromSeconds(1), session.Target.Time);
        var all = session.Relay.Journal.For(response.Request.CorrelationId);
        foreach (var received in all) check.Evidence.RecordInbound(received.Exchange);

        check.Must(all.Count == 1,
            $"the record of one inquiry (insurerEntryId '{first.Record.InsurerEntryId}') reached the relay {all.Count} times; each record is reported once");
        var url = new Uri(first.Exchange.Url);
        check.Must(url.Query.Length == 0 && url.AbsolutePath.EndsWith(RelayStandIn.ReportPath, StringComparison.Ordinal),
            $"the report was posted to {url.PathAndQuery}; reports go to {RelayStandIn.ReportPath} with nothing in the URL (a query string is logged by every proxy on the way)");
    }

    /// <summary>DIR-012: the target's JWK Set holds public keys only, the same kids the directory lists for it.</summary>
    public static async Task PublicKeysOnlyAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var url = session.Target.Target.Endpoint(".well-known/jwks.json");
        var (status, _, body) = await session.World.SendRawAsync(HttpMethod.Get, url, null, null, check.Evidence);
        check.Must(status == 200, $"GET {url.AbsolutePath} answered {status}; every party serves its public keys there");
        JsonArray keys;
        try
        {
            keys = JsonNode.Parse(body)?["keys"] as JsonArray ?? throw new JsonException("no keys array");
        }
        catch (JsonException ex)
        {
            throw new RequirementViolationException("DIR-012", CheckContext.Message("DIR-012", "violated", $"the JWK Set is not a JSON object with a keys array: {ex.Message}"), ex);
        }
        string[] privateMembers = ["d", "p", "q", "dp", "dq", "qi", "k"];
        var leaking = keys.OfType<JsonObject>().SelectMany(k => privateMembers.Where(k.ContainsKey).Select(m => $"{k["kid"]}: {m}")).ToList();
        check.Must(leaking.Count == 0, $"the JWK Set publishes private key material ({string.Join(", ", leaking)}); it serves public keys only");
        var served = keys.OfType<JsonObject>().Select(k => k["kid"]?.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var listed = session.World.Directory.Find(TargetId)!.Keys.Select(k => k.Kid).Order(StringComparer.Ordinal).ToList<string?>();
        check.Must(served.SequenceEqual(listed), $"the JWK Set lists [{string.Join(", ", served)}], the directory [{string.Join(", ", listed)}]; the set equals the party's keys in the directory");
    }

    /// <summary>INS-030: a purpose §7.1 allows for the requester's role is answered, for every such role (not only the one the other cases use).</summary>
    public static async Task AllowedPurposeAsync(InsurerSession session, CheckContext check, string requester, string purpose, string role)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "allowed-" + purpose, [DataItems.Eligibility],
            c => c with { Requester = requester, Purpose = purpose }, requester);

        check.Must(response.Status == 200,
            $"§7.1 allows the purpose {purpose} for the role {role} ({requester}), asking for eligibility; the inquiry must be answered, but the target answered {response.Summary}");
        response.ReadAnswer(session.World, requester);
    }

    /// <summary>ELG-006: the answer's serviceDate is the date actually used: the status is the one of the date the answer names.</summary>
    public static async Task DateAnsweredIsDateUsedAsync(InsurerSession session, CheckContext check)
    {
        var asked = new DateOnly(2026, 3, 31);
        var answer = await LagChecks.AskAsync(session, check, InsurerPeople.Lost, asked, "date-used");

        check.Must(answer.ServiceDate == asked, $"the inquiry asked for {asked}; the answer names {answer.ServiceDate}");
        check.Must(answer.Status == EligibilityStatus.Valid,
            $"the answer names the service date {answer.ServiceDate}, on which {LagChecks.Who(InsurerPeople.Lost)} was insured (lost on 2026-04-01), yet says {answer.Status}: " +
            "the status is not that of the date the answer names (was it computed for today?)");
    }

    /// <summary>A request envelope from kaigo-b carrying a real inquiry (a fresh valid seal, or <paramref name="seal"/>).</summary>
    private static (string Token, EnvelopeClaims Claims) SignedInquiry(InsurerSession session, string caseName, out InquiryRequest request,
        IReadOnlyList<string>? items = null, string? seal = null)
    {
        var fixture = session.World.NewFixture();
        request = new InquiryRequest
        {
            Seal = seal ?? fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId())),
            Items = items ?? DefaultItems,
            CorrelationId = InquiryCaller.NewCorrelationId(caseName),
        };
        var now = session.Target.Time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new EnvelopeClaims
        {
            Issuer = RequesterId,
            Audience = TargetId,
            IssuedAt = now,
            Expires = now + (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds,
            Id = EnvelopeSigner.NewId(),
            Method = "POST",
            Path = session.World.InquiryUrl.AbsolutePath,
            Body = JsonSerializer.SerializeToElement(request, ProtocolJson.Options),
        };
        var token = JwsCrafter.Ecdsa(JwsCrafter.SealHeader(ProtocolConstants.SignatureAlgorithm, ProtocolConstants.RequestType, RequesterSigningKid),
            ProtocolJson.Serialize(claims), fixture.Signer(RequesterSigningKid));
        return (token, claims);
    }

    private static Problem? Problem(int status, string body) => status == 200 ? null : PartyClient.ReadProblem(body);

    private static string Describe(int status, string body) => Conformance.Envelopes.EnvelopeAttacks.DescribeAnswer(status, body);

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;
}

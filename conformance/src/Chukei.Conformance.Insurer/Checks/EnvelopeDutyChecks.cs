using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Conformance.Envelopes;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// What the insurer does around its envelope checks rather than in one of them: which envelopes it records as seen
/// (AUTH-008), what a refusal names (AUTH-002's field, ID-013's correlationId), the order of envelope and role
/// (ERR-009) and what its answer leaves out (AUTH-010).
/// </summary>
public static class EnvelopeDutyChecks
{
    /// <summary>How a case gets its envelope refused after the envelope itself was accepted.</summary>
    public sealed record LaterRefusal(string Name, string Caller, ProblemCode Code, string Why);

    public static IReadOnlyList<LaterRefusal> LaterRefusals { get; } =
    [
        new("after-a-role-refusal", ClinicId, ProblemCodes.RoleNotAllowed, "the clinic may not call the inquiry endpoint"),
        new("after-a-seal-refusal", RequesterId, ProblemCodes.SealMalformed, "its seal is not a JWE"),
    ];

    /// <summary>
    /// AUTH-008: an envelope that passed every check of §5.2 is recorded whatever the endpoint then answers, so the same
    /// envelope sent again is auth-replayed, not judged again for its role or its seal.
    /// </summary>
    public static async Task RecordedDespiteLaterRefusalAsync(InsurerSession session, CheckContext check, LaterRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(refusal);
        // Arrange: one envelope, signed once, that the envelope checks accept and the endpoint refuses.
        var (token, claims) = Craft(session, refusal.Caller, "recorded-" + refusal.Name,
            seal: refusal.Code == ProblemCodes.SealMalformed ? "garbage" : null);

        // Act
        var first = await SendAsync(session, check, token);
        if (!first.Is(refusal.Code))
            throw check.Unreachable($"the envelope (jti {claims.Id}) was to be accepted and then refused with {refusal.Code.Code} because {refusal.Why}, but the target answered {first.Summary} ({refusal.Code.RequirementId} covers that)");
        var second = await SendAsync(session, check, token);

        // Assert
        check.Must(second.Is(ProblemCodes.AuthReplayed),
            $"the envelope (iss {claims.Issuer}, jti {claims.Id}) passed the envelope checks and was refused with {refusal.Code.Code} ({refusal.Why}); an accepted envelope is recorded whatever the endpoint then answers, " +
            $"so the same envelope sent again must be refused with auth-replayed (401), but the target answered {second.Summary}");
    }

    /// <summary>AUTH-008: an envelope the checks refuse (addressed to kenpo-c) is not recorded, so a valid envelope reusing its jti is answered.</summary>
    public static async Task RefusedNotRecordedAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange: two envelopes of kaigo-b under one jti, the first addressed to another insurer.
        var jti = EnvelopeSigner.NewId();
        var (wrong, _) = Craft(session, RequesterId, "refused-not-recorded", edit: c => c with { Id = jti, Audience = OtherInsurerId });
        var (right, rightClaims) = Craft(session, RequesterId, "refused-not-recorded", edit: c => c with { Id = jti });

        // Act
        var first = await SendAsync(session, check, wrong);
        if (!first.Is(ProblemCodes.AuthAudience))
            throw check.Unreachable($"the envelope addressed to kenpo-c (jti {jti}) must be refused with auth-audience (AUTH-007 covers that), but the target answered {first.Summary}");
        var second = await SendAsync(session, check, right);

        // Assert
        check.Must(second.Status == 200,
            $"kaigo-b's envelope with jti {jti} was refused with auth-audience (it was addressed to kenpo-c); an envelope the checks refuse is not recorded, " +
            $"so kaigo-b's valid envelope reusing that jti must be answered, but the target answered {second.Summary}");
        new InquiryExchange(RequesterId, ProtocolJson.Deserialize<InquiryRequest>(rightClaims.Body, "request"), jti, second.Status, second.Body, session.Target.Time.GetUtcNow())
            .ReadAnswer(session.World, RequesterId);
    }

    /// <summary>One protected header AUTH-002 refuses, and the member the problem's field must name.</summary>
    public sealed record BadHeader(string Name, string Member, string? Alg, string? Typ, (string Name, object? Value)[] Extra);

    public static IReadOnlyList<BadHeader> BadHeaders { get; } =
    [
        new("field-names-a-forbidden-member", "jku", ProtocolConstants.SignatureAlgorithm, ProtocolConstants.RequestType, [("jku", "https://attacker.example/jwks.json")]),
        new("field-names-alg", "alg", "ES384", ProtocolConstants.RequestType, []),
        new("field-names-typ", "typ", ProtocolConstants.SignatureAlgorithm, "JWT", []),
    ];

    /// <summary>AUTH-002: the auth-algorithm refusal's field names the offending header member.</summary>
    public static async Task HeaderFieldAsync(InsurerSession session, CheckContext check, BadHeader header)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(header);
        var (token, _) = Craft(session, RequesterId, header.Name, headerJson: JwsCrafter.SealHeader(header.Alg, header.Typ, RequesterSigningKid, header.Extra));

        var answer = await SendAsync(session, check, token);

        if (!answer.Is(ProblemCodes.AuthAlgorithm))
            throw check.Unreachable($"the envelope whose header has a wrong {header.Member} must be refused with auth-algorithm (the header rows of AUTH-002 cover that), but the target answered {answer.Summary}");
        check.Must(answer.Problem?.Field == header.Member,
            $"the envelope was refused with auth-algorithm for its header member {header.Member}; the problem's field names that member, but is '{answer.Problem?.Field ?? "(none)"}'");
    }

    /// <summary>
    /// ERR-004: a protected header is a JSON document like the claims: an unknown member holding <paramref name="arrays"/>
    /// nested arrays puts the innermost at level <paramref name="arrays"/> + 1 (the header object is level 1); level 16
    /// is accepted and answered, level 17 refused with json-too-deep.
    /// </summary>
    public static async Task HeaderDepthAsync(InsurerSession session, CheckContext check, int arrays)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var level = arrays + 1;
        var header = JwsCrafter.SealHeader(ProtocolConstants.SignatureAlgorithm, ProtocolConstants.RequestType, RequesterSigningKid)[..^1]
            + ",\"x-nested\":" + new string('[', arrays) + new string(']', arrays) + "}";
        var (token, claims) = Craft(session, RequesterId, $"header-at-depth-{level}", headerJson: header);

        var answer = await SendAsync(session, check, token);

        if (level > ProtocolConstants.MaxJsonDepth)
        {
            check.Must(answer.Is(ProblemCodes.JsonTooDeep),
                $"the envelope's protected header has an unknown member whose innermost array is at level {level}, one beyond the {ProtocolConstants.MaxJsonDepth} levels of ERR-004 (the header object is level 1); " +
                $"it must be refused with json-too-deep (400), but the target answered {answer.Summary}");
            return;
        }
        check.Must(answer.Status == 200,
            $"the envelope's protected header has an unknown member whose innermost array is at level {level}, the deepest ERR-004 allows, and is otherwise valid; it must be answered, but the target answered {answer.Summary}");
        new InquiryExchange(RequesterId, ProtocolJson.Deserialize<InquiryRequest>(claims.Body, "request"), claims.Id, answer.Status, answer.Body, session.Target.Time.GetUtcNow())
            .ReadAnswer(session.World, RequesterId);
    }

    /// <summary>ERR-009: the envelope is judged before the caller's role: the clinic's envelope addressed to kenpo-c is auth-audience, not role-not-allowed.</summary>
    public static async Task EnvelopeBeforeRoleAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (token, _) = Craft(session, ClinicId, "envelope-before-role", edit: c => c with { Audience = OtherInsurerId });

        var answer = await SendAsync(session, check, token);

        check.Must(answer.Is(ProblemCodes.AuthAudience),
            $"the clinic (whose role may not call the inquiry endpoint) sent an envelope addressed to kenpo-c; the envelope is judged before the role (ERR-009), " +
            $"so the target must refuse it with auth-audience (401), but answered {answer.Summary}");
    }

    /// <summary>How a case gets a problem about a request whose body the target could read.</summary>
    public sealed record ReadableRefusal(string Name, string Caller, ProblemCode Code, Action<JsonObject> Edit);

    public static IReadOnlyList<ReadableRefusal> ReadableRefusals { get; } =
    [
        new("role-refusal", ClinicId, ProblemCodes.RoleNotAllowed, _ => { }),
        new("body-refusal", RequesterId, ProblemCodes.InvalidField, b => b["items"] = new JsonArray()),
    ];

    /// <summary>ID-013: every problem about a request whose body could be read carries the request's correlationId (not only the seal's refusals, ERR-001).</summary>
    public static async Task CorrelationIdInProblemAsync(InsurerSession session, CheckContext check, ReadableRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(refusal);
        var fixture = session.World.NewFixture();
        var correlationId = InquiryCaller.NewCorrelationId("problem-" + refusal.Name);
        var body = new JsonObject
        {
            ["seal"] = fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId())),
            ["items"] = new JsonArray(DataItems.Eligibility),
            ["correlationId"] = correlationId,
        };
        refusal.Edit(body);
        var client = session.World.ClientFor(refusal.Caller, check.Evidence);
        var (token, _) = client.Signer.SignRequest(session.Target.PartyId, "POST", session.World.InquiryUrl.AbsolutePath, body);

        var answer = await SendAsync(session, check, token);

        if (!answer.Is(refusal.Code))
            throw check.Unreachable($"the inquiry was to be refused with {refusal.Code.Code} ({refusal.Code.RequirementId} covers that), but the target answered {answer.Summary}");
        check.Must(answer.Problem!.CorrelationId == correlationId,
            $"the refusal {refusal.Code.Code} is about a request whose body was read, with correlationId '{correlationId}'; every problem about the request carries it, but the problem has '{answer.Problem.CorrelationId ?? "(none)"}'");
    }

    private static readonly string[] RequestBindingClaims = ["htm", "htu"];

    /// <summary>AUTH-010: the answer's response envelope carries no htm or htu (those bind a request, §5.2; an answer is bound by inResponseTo).</summary>
    public static async Task AnswerWithoutRequestBindingAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "answer-without-htm-htu", [DataItems.Eligibility]);
        if (response.Status != 200) throw check.Unreachable($"the valid seal was answered {response.Summary} (INS-040 covers that)");
        response.ReadAnswer(session.World, response.CallerId);

        var claims = JsonNode.Parse(Encoding.UTF8.GetString(Jose.Base64Url.Decode(response.Body.Trim().Split('.')[1]))) as JsonObject;
        var bound = RequestBindingClaims.Where(m => claims?.ContainsKey(m) == true).ToList();
        check.Must(bound.Count == 0, $"the answer's response envelope carries {string.Join(" and ", bound)}; an answer carries no htm/htu");
    }

    /// <summary>A request envelope of <paramref name="caller"/> carrying a real inquiry, its claims edited and its header replaced as the case needs.</summary>
    private static (string Token, EnvelopeClaims Claims) Craft(InsurerSession session, string caller, string caseName,
        Func<EnvelopeClaims, EnvelopeClaims>? edit = null, string? headerJson = null, string? seal = null)
    {
        var fixture = session.World.NewFixture();
        var request = new InquiryRequest
        {
            Seal = seal ?? fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId())),
            Items = [DataItems.Eligibility],
            CorrelationId = InquiryCaller.NewCorrelationId(caseName),
        };
        var now = session.Target.Time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new EnvelopeClaims
        {
            Issuer = caller,
            Audience = TargetId,
            IssuedAt = now,
            Expires = now + (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds,
            Id = EnvelopeSigner.NewId(),
            Method = "POST",
            Path = session.World.InquiryUrl.AbsolutePath,
            Body = JsonSerializer.SerializeToElement(request, ProtocolJson.Options),
        };
        if (edit is not null) claims = edit(claims);
        var (kid, key) = session.World.KeysOf(caller).CurrentSigningKey;
        var token = JwsCrafter.Ecdsa(headerJson ?? JwsCrafter.SealHeader(ProtocolConstants.SignatureAlgorithm, ProtocolConstants.RequestType, kid),
            ProtocolJson.Serialize(claims), key);
        return (token, claims);
    }

    private static async Task<Answered> SendAsync(InsurerSession session, CheckContext check, string token)
    {
        var (status, _, body) = await session.World.SendRawAsync(HttpMethod.Post, session.World.InquiryUrl, token, ProtocolConstants.JoseMediaType, check.Evidence);
        return new Answered(status, body);
    }

    private sealed record Answered(int Status, string Body)
    {
        public Problem? Problem => Status == 200 ? null : PartyClient.ReadProblem(Body);

        public bool Is(ProblemCode code) => Status == code.Status && Problem?.Code == code.Code;

        public string Summary => EnvelopeAttacks.DescribeAnswer(Status, Body);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// The table of envelope attacks and boundary cases (docs/protocol.md §5.2, AUTH-001 … AUTH-009, and AUTH-014 for
/// responses), in the order the receiver's checks run. It uses the seal fixture's keys and parties: the requester
/// kaigo-b sends to the target kenpo-a's <c>POST /v1/inquiries</c>, and kenpo-a answers. docs/test-vectors/envelopes.json
/// is generated from it; the conformance suites can present the same rows over HTTP.
/// </summary>
public static partial class EnvelopeMutations
{
    public const string Post = "POST";
    public const string InquiryPath = "/v1/inquiries";

    /// <summary>The jti of the request every response vector answers; the caller checks <c>inResponseTo</c> against it.</summary>
    public static string AnsweredRequestJti { get; } = JtiFor("envelope/answered-request");

    // Static initialisers run in text order: the valid rows must precede All.
    public static EnvelopeMutation ValidRequest { get; } = new("valid-request", null,
        "The request envelope exactly as the requester signs it: ES256 with its active key, typ chukei-req+jwt, iat = now, exp = now + 120 s, htm POST, htu /v1/inquiries, aud the target.");

    public static EnvelopeMutation ValidResponse { get; } = new("valid-response", null,
        "The target's answer exactly as it signs it: typ chukei-res+jwt, iss the target, aud the requester, inResponseTo the request's jti, no htm/htu.")
    { IsResponse = true };

    /// <summary>Every mutation, the valid request first; names are unique.</summary>
    public static IReadOnlyList<EnvelopeMutation> All { get; } =
        [ValidRequest, .. FormChecks(), .. HeaderChecks(), .. KeyChecks(), .. ClaimChecks(), .. TargetChecks(), ValidResponse, .. ResponseChecks()];

    public static EnvelopeMutation Find(string name) => All.Single(m => m.Name == name);

    /// <summary>What the requester signs: an inquiry for the default items, valid for the full 120 s.</summary>
    public static EnvelopeClaims RequestClaims(SealFixture f, string jti) => new()
    {
        Issuer = RequesterId,
        Audience = TargetId,
        IssuedAt = f.NowSeconds,
        Expires = f.NowSeconds + (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds,
        Id = jti,
        Method = Post,
        Path = InquiryPath,
        // The envelope checks never read the body, so a placeholder seal keeps the vectors stable across generations.
        Body = JsonSerializer.SerializeToElement(new { seal = "(a seal: the envelope checks do not read the body)", items = DefaultItems, correlationId = "c-" + jti[..8] }, ProtocolJson.Options),
    };

    /// <summary>What the target signs back: an eligibility answer to <see cref="AnsweredRequestJti"/>.</summary>
    public static EnvelopeClaims ResponseClaims(SealFixture f, string jti) => new()
    {
        Issuer = TargetId,
        Audience = RequesterId,
        IssuedAt = f.NowSeconds,
        Expires = f.NowSeconds + (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds,
        Id = jti,
        InResponseTo = AnsweredRequestJti,
        Body = JsonSerializer.SerializeToElement(new InquiryAnswer
        {
            Status = EligibilityStatus.Valid,
            ServiceDate = DateOnly.FromDateTime(f.Now.ToOffset(ProtocolConstants.JapanOffset).Date),
            AsOf = f.Now.AddDays(-30),
            ChangePending = false,
            Qualification = new QualificationRecord
            {
                InsurerNumber = TargetInsurerNumber, Symbol = "12", Number = "3456", Branch = "01",
                QualificationDate = new DateOnly(2019, 4, 1), CopaymentRatio = 30,
            },
            InsurerLogEntryId = "kenpo-a-000042",
            RelayLogEntryId = "lg-000042",
            CorrelationId = "c-" + AnsweredRequestJti[..8],
        }, ProtocolJson.Options),
    };

    /// <summary>Signs a request as the requester does (its kid, typ chukei-req+jwt).</summary>
    public static string SignRequest(SealFixture f, EnvelopeClaims c) => Signed(f, Hdr(), Json(c));

    /// <summary>Signs a response as the target does (its kid, typ chukei-res+jwt).</summary>
    public static string SignResponse(SealFixture f, EnvelopeClaims c) => Signed(f, Hdr(typ: ProtocolConstants.ResponseType, kid: TargetSigningKid), Json(c), TargetSigningKid);

    private static string Json(EnvelopeClaims c) => ProtocolJson.Serialize(c);

    /// <summary>An ES256 JWS over exact header and payload text, signed by the fixture key <paramref name="signingKid"/>.</summary>
    private static string Signed(SealFixture f, string header, string payload, string signingKid = RequesterSigningKid) =>
        JwsCrafter.Ecdsa(header, payload, f.Signer(signingKid));

    /// <summary>The requester's header with any member changed (null leaves it out) or added.</summary>
    private static string Hdr(string? alg = ProtocolConstants.SignatureAlgorithm, string? typ = ProtocolConstants.RequestType,
        string? kid = RequesterSigningKid, params (string Name, object? Value)[] extra) => JwsCrafter.SealHeader(alg, typ, kid, extra);

    /// <summary>The claims as a JSON object to edit member by member (remove one, change its type).</summary>
    private static string EditClaims(EnvelopeClaims c, Action<JsonObject> edit)
    {
        var node = JsonSerializer.SerializeToNode(c, ProtocolJson.Options)!.AsObject();
        edit(node);
        // Default writer options: the edited object may be deeper than the protocol's limit, which is the point of some rows.
        return node.ToJsonString();
    }

    /// <summary>Times relative to the fixture's now: iat = now + <paramref name="iat"/>, exp = now + <paramref name="exp"/>.</summary>
    private static EnvelopeClaims At(SealFixture f, EnvelopeClaims c, long iat, long exp) => c with { IssuedAt = f.NowSeconds + iat, Expires = f.NowSeconds + exp };
}

using static Chukei.Contracts.Tokens.Mutations.SealFixture;
using P = Chukei.Contracts.Problems.ProblemCodes;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>Where a request was sent and whether it was seen before: AUTH-009 and AUTH-008.</summary>
public static partial class EnvelopeMutations
{
    /// <summary>Where an insurer whose baseUrl ends in /kenpo receives inquiries: htu must then carry the base path (§5.1).</summary>
    private const string BasePathInquiry = "/kenpo" + InquiryPath;

    private static IEnumerable<EnvelopeMutation> TargetChecks() =>
    [
        // AUTH-009: htm and htu are exactly the method and absolute path the request was received at.
        new("htu-other-endpoint", P.AuthTargetMismatch, "Signed for POST /v1/lookups (the relay's endpoint), received at /v1/inquiries.")
        { Claims = static (_, c) => c with { Path = "/v1/lookups" } },
        new("htu-absolute-url", P.AuthTargetMismatch, "htu is the full URL https://kenpo-a.chukei.test/v1/inquiries; it must be the path alone.")
        { Claims = static (_, c) => c with { Path = "https://" + TargetId + InquiryPath } },
        new("htu-with-query", P.AuthTargetMismatch, "htu carries a query string (/v1/inquiries?debug=1); the request has none.")
        { Claims = static (_, c) => c with { Path = InquiryPath + "?debug=1" } },
        new("htu-trailing-slash", P.AuthTargetMismatch, "htu is /v1/inquiries/ (trailing slash): paths are compared exactly.")
        { Claims = static (_, c) => c with { Path = InquiryPath + "/" } },
        new("htu-without-base-path", P.AuthTargetMismatch,
            "Received at /kenpo/v1/inquiries (a target whose baseUrl ends in /kenpo), but htu is /v1/inquiries: htu includes the base URL's path.")
        { Path = BasePathInquiry },
        new("htu-with-base-path", null, "Received at /kenpo/v1/inquiries and signed for exactly that path: accepted.")
        { Path = BasePathInquiry, Claims = static (_, c) => c with { Path = BasePathInquiry } },
        new("htu-absent", P.AuthTargetMismatch, "The claims have no htu: an absent htu never matches.") { Claims = static (_, c) => c with { Path = null } },
        new("htm-get", P.AuthTargetMismatch, "htm GET, received as POST.") { Claims = static (_, c) => c with { Method = "GET" } },
        new("htm-lower-case", P.AuthTargetMismatch, "htm post (lower case): methods are compared exactly.") { Claims = static (_, c) => c with { Method = "post" } },
        new("htm-absent", P.AuthTargetMismatch, "The claims have no htm: an absent htm never matches.") { Claims = static (_, c) => c with { Method = null } },
        new("replayed-at-other-path", P.AuthTargetMismatch,
            "Accepted once at /v1/inquiries, then presented again at /kenpo/v1/inquiries: AUTH-009 (step 9) comes before AUTH-008 (step 10).")
        { Path = BasePathInquiry, PresentedBefore = static (_, _, token, _) => [new(token, Post, InquiryPath, null)] },

        // AUTH-008: an (iss, jti) pair is accepted once.
        new("replayed", P.AuthReplayed, "The valid envelope presented a second time, byte for byte.")
        { PresentedBefore = static (_, _, token, _) => [new(token, Post, InquiryPath, null)] },
        new("replayed-with-fresh-signature", P.AuthReplayed,
            "The same claims (same iss and jti) signed again: the bytes differ because ECDSA is randomized, but the pair (iss, jti) was already accepted.")
        { PresentedBefore = static (f, c, _, _) => [new(SignRequest(f, c), Post, InquiryPath, null)] },
        new("same-jti-other-issuer", null,
            "kenpo-c first sent its own valid envelope with the same jti; the requester's envelope is still new, because replay is per (iss, jti).")
        {
            // Its own body (when a suite gives real ones): the earlier presentation must not spend what the requester's carries.
            PresentedBefore = static (f, c, _, withBody) =>
                [new(Signed(f, Hdr(kid: OtherSigningKid), Json(withBody(c with { Issuer = OtherInsurerId })), OtherSigningKid), Post, InquiryPath, null)],
        },
        new("refused-presentation-not-recorded", null,
            "The same envelope was first presented at /kenpo/v1/inquiries and refused (auth-target-mismatch): only an accepted jti is recorded, so it is accepted now.")
        { PresentedBefore = static (_, _, token, _) => [new(token, Post, BasePathInquiry, P.AuthTargetMismatch)] },
    ];

    private static IEnumerable<EnvelopeMutation> ResponseChecks() =>
    [
        // AUTH-014: the caller checks the answer like a request (typ chukei-res+jwt), then iss, aud, times and inResponseTo.
        // The protocol names no code for these refusals; the kit's verifier reports the codes below.
        new("response-typ-request", P.AuthAlgorithm, "The answer carries typ chukei-req+jwt: a request envelope must never pass as a response.")
        { IsResponse = true, Token = static (f, c) => Signed(f, Hdr(typ: ProtocolConstants.RequestType, kid: TargetSigningKid), Json(c), TargetSigningKid) },
        new("response-iss-not-key-owner", P.AuthIssuerMismatch, "Signed with the target's key, but iss claims kenpo-c.")
        { IsResponse = true, Claims = static (_, c) => c with { Issuer = OtherInsurerId } },
        new("response-from-other-party", P.AuthIssuerMismatch,
            "A consistent, valid answer signed by kenpo-c (iss kenpo-c), but the requester called kenpo-a: iss must be the party called.")
        {
            IsResponse = true, Claims = static (_, c) => c with { Issuer = OtherInsurerId },
            Token = static (f, c) => Signed(f, Hdr(typ: ProtocolConstants.ResponseType, kid: OtherSigningKid), Json(c), OtherSigningKid),
        },
        new("response-aud-other", P.AuthAudience, "The answer is addressed to kenpo-c.") { IsResponse = true, Claims = static (_, c) => c with { Audience = OtherInsurerId } },
        new("response-expired", P.AuthExpired, "iat = now − 180 s, exp = now − 60 s.") { IsResponse = true, Claims = static (f, c) => At(f, c, -180, -60) },
        new("response-lifetime-121s", P.AuthExpired, "iat = now, exp = now + 121 s.") { IsResponse = true, Claims = static (f, c) => At(f, c, 0, 121) },
        new("response-not-yet-valid", P.AuthNotYetValid, "iat = now + 61 s.") { IsResponse = true, Claims = static (f, c) => At(f, c, 61, 181) },
        new("response-in-response-to-other", P.AuthTargetMismatch, "A valid answer, but to another request (inResponseTo is another jti).")
        { IsResponse = true, Claims = static (_, c) => c with { InResponseTo = JtiFor("envelope/another-request") } },
        new("response-in-response-to-absent", P.AuthTargetMismatch, "The answer has no inResponseTo.")
        { IsResponse = true, Claims = static (_, c) => c with { InResponseTo = null } },
    ];
}

using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Insurers.Inquiries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Insurers.Endpoints;

/// <summary>
/// The insurers' HTTP surface. Many insurers share one host; each lives under <c>/insurers/{partyId}</c>, which is
/// its base URL in the directory.
/// </summary>
public static class InsurerEndpoints
{
    public const string Prefix = "/insurers/{partyId}";

    public static void MapInsurers(this WebApplication app, IReadOnlyDictionary<string, InsurerNode> insurers)
    {
        var services = insurers.ToDictionary(kv => kv.Key, kv => new InquiryService(kv.Value), StringComparer.Ordinal);
        // The mutation seam of INS-001 is the host's: its insurers share one endpoint and so one list of roles.
        PartyRole[] ClinicsIfDefective() => insurers.Values.Any(n => n.Defects.ServesInquiriesToClinics) ? [PartyRole.Clinic] : [];
        PartyRole[] InsurersIfDefective() => insurers.Values.Any(n => n.Defects.TakesFallThroughNoticesFromInsurers) ? [PartyRole.MedicalInsurer, PartyRole.LtcInsurer] : [];
        PartyContext? Self(HttpContext http) =>
            http.Request.RouteValues["partyId"] is string id && insurers.TryGetValue(id, out var node) ? node.Self : null;

        app.MapGet(Prefix + "/.well-known/jwks.json", (string partyId) =>
            insurers.TryGetValue(partyId, out var node)
                ? PartyHost.Json(new { keys = node.Self.Keys.PublicKeys() })
                : ProblemResults.From(Contracts.Problems.ProblemCodes.NotFound, "no such insurer at this host"));

        app.MapSignedPost<InquiryRequest, InquiryAnswer>(Prefix + "/v1/inquiries", Self,
            // INS-001: clinics ask through the relay (RLY-020, CLN-021), never an insurer directly.
            [PartyRole.MedicalInsurer, PartyRole.LtcInsurer, PartyRole.Relay, .. ClinicsIfDefective()], _ => { },
            (call, ct) => services[call.Self.PartyId].AnswerAsync(call, ct));

        // INS-050: only the relay sends fall-through notices; they go to the municipal NHI of the person's residence.
        app.MapSignedPost<FallThroughNotice, FallThroughNoticeAnswer>(Prefix + "/v1/fall-through-notices", Self, [PartyRole.Relay, .. InsurersIfDefective()], _ => { },
            (call, _) =>
            {
                var node = insurers[call.Self.PartyId];
                var kept = node.FallThroughInbox.Receive(call.Request);
                if (!kept && node.Defects.FailsOnResentFallThroughNotices) throw new InvalidOperationException("duplicate key value violates unique constraint on noticeId");
                var noticeId = node.Defects.AcknowledgesUnderOwnNoticeId ? "nhi-" + call.Self.Ids.Next()[..16] : call.Request.NoticeId;
                return Task.FromResult(new FallThroughNoticeAnswer { NoticeId = noticeId, ReceivedAt = call.Self.Time.GetUtcNow() });
            });
    }
}

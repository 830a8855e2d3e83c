using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Relay.AccessLog;
using Chukei.Relay.CardEligibility;
using Chukei.Relay.Enrolments;
using Chukei.Relay.Lookups;
using Chukei.Relay.RetroactiveNotices;
using Chukei.Relay.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Relay.Endpoints;

/// <summary>The relay's HTTP surface (docs/protocol.md §7.1).</summary>
public static class RelayEndpoints
{
    private static readonly PartyRole[] Insurers = [PartyRole.MedicalInsurer, PartyRole.LtcInsurer];

    public static void MapRelay(this WebApplication app, RelayNode relay)
    {
        var lookups = new LookupService(relay);
        var routed = new RoutedInquiryService(relay, lookups);
        var enrolments = new EnrolmentService(relay);
        var log = new AccessLogService(relay);
        var notices = new RetroactiveNoticeService(relay);
        PartyContext? Self(HttpContext _) => relay.Self;

        app.MapGet("/.well-known/jwks.json", () => PartyHost.Json(new
        {
            keys = relay.Defects.JwksListsActiveKeysOnly ? relay.Self.Keys.PublicKeys().Where(k => k.Status == KeyStatus.Active).ToList() : relay.Self.Keys.PublicKeys(),
        }));
        app.MapGet("/v1/directory", () =>
        {
            var doc = new DirectoryDocument { Relay = relay.Self.PartyId, IssuedAt = relay.Self.Time.GetUtcNow(), Parties = relay.Self.Directory.Parties.ToList() };
            var type = relay.Defects.TypesDirectoryAsJwt ? "JWT" : ProtocolConstants.DirectoryType;
            return Results.Text(relay.Defects.DirectoryFlaw is { } flaw
                ? relay.Self.Signer.SignPayload(DirectoryFlaws.Apply(doc, flaw), type)
                : relay.Self.Signer.SignPayload(doc, type), ProtocolConstants.JoseMediaType);
        });
        // LOG-020: a checkpoint signed now, on every call: a stored periodic one may be up to 99 entries behind.
        app.MapGet("/v1/access-log/checkpoints/latest", () =>
            Results.Text((relay.Defects.ServesStoredCheckpoint ? relay.Store.LatestCheckpoint() : null)
                ?? relay.Log.Checkpoint(relay.Defects.TypesCheckpointsAsJwt ? "JWT" : ProtocolConstants.CheckpointType), ProtocolConstants.JoseMediaType));

        app.MapSignedPost<LookupRequest, LookupAnswer>("/v1/lookups", Self, relay.Defects.ServesLookupsToLtcInsurersOnly ? [PartyRole.LtcInsurer] : Insurers,
            r => RequestValidation.Validate(r, relay.Defects.SkippedIdentifierRules),
            (call, _) => Task.FromResult(lookups.Lookup(call.Envelope.Sender, call.Request)));
        app.MapSignedPost<RoutedInquiryRequest, RoutedInquiryAnswer>("/v1/routed-inquiries", Self,
            [PartyRole.MedicalInsurer, PartyRole.LtcInsurer, PartyRole.Clinic], RequestValidation.Validate,
            (call, ct) => routed.InquireAsync(call.Envelope.Sender, call.Request, ct));
        app.MapSignedPost<EnrolmentUpdate, EnrolmentAnswer>("/v1/enrolments", Self, Insurers, r => RequestValidation.Validate(r, relay.Defects.SkippedIdentifierRules),
            (call, _) => Task.FromResult(enrolments.Apply(call.Envelope.Sender, call.Request)));
        app.MapSignedPost<AccessLogReport, AccessLogReportAnswer>("/v1/access-log/reports", Self, Insurers, RequestValidation.Validate,
            (call, _) => Task.FromResult(log.Report(call.Envelope.Sender, call.Request)));
        app.MapSignedPost<PersonAccessLogQuery, PersonAccessLogAnswer>("/v1/access-log/person-queries", Self, [PartyRole.Portal], _ => { },
            (call, _) => Task.FromResult(log.PersonLog(call.Request)));
        app.MapSignedPost<EmptyRequest, ChainVerification>("/v1/access-log/verifications", Self,
            [PartyRole.MedicalInsurer, PartyRole.LtcInsurer, PartyRole.Clinic, PartyRole.Portal], _ => { },
            (_, _) => Task.FromResult(relay.Log.Verify()));
        // §9.2.1: insurers hand in retroactive-change notices; requesters, clinics included, pick theirs up.
        app.MapSignedPost<RetroactiveChangeNotice, RetroactiveChangeNoticeAnswer>("/v1/retroactive-change-notices", Self, Insurers, RequestValidation.Validate,
            (call, _) => Task.FromResult(notices.Accept(call.Envelope.Sender, call.Request)));
        app.MapSignedPost<RetroactiveNoticePickup, RetroactiveNoticePickupAnswer>("/v1/retroactive-change-notices/pickups", Self,
            [PartyRole.MedicalInsurer, PartyRole.LtcInsurer, PartyRole.Clinic], RequestValidation.Validate,
            (call, _) => Task.FromResult(notices.Pickup(call.Envelope.Sender, call.Request)));
        app.MapCardEligibility(relay, lookups);
    }
}

/// <summary>The body of calls that carry no parameters: an empty JSON object.</summary>
public sealed record EmptyRequest;

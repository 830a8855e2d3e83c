using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Relay.Lookups;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chukei.Relay.CardEligibility;

/// <summary>The relay's card-eligibility surface (docs/protocol.md §13): both calls are signed envelopes from clinics only.</summary>
public static class CardEligibilityEndpoints
{
    private static readonly PartyRole[] Clinics = [PartyRole.Clinic];

    public static void MapCardEligibility(this WebApplication app, RelayNode relay, LookupService lookups)
    {
        var service = new CardEligibilityService(relay, lookups);
        PartyContext? Self(HttpContext _) => relay.Self;
        var roles = relay.Defects.ServesCardChecksToAnyRole ? Enum.GetValues<PartyRole>() : Clinics;

        app.MapSignedPost<CardChallengeRequest, CardChallenge>("/v1/card-challenges", Self, roles, CardRequestValidation.Validate,
            (call, _) => Task.FromResult(service.Challenge(call.Envelope.Sender, call.Request)));
        app.MapSignedPost<CardEligibilityRequest, CardEligibilityAnswer>("/v1/card-eligibility", Self, roles, CardRequestValidation.Validate,
            (call, ct) => service.CheckAsync(call.Envelope.Sender, call.Request, ct));
    }
}

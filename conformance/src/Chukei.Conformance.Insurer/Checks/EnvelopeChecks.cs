using System.Text.Json;
using Chukei.Conformance.Envelopes;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>Call authentication at the insurer (docs/protocol.md §5.2, AUTH-001 … AUTH-009): the envelope rows presented to its inquiry endpoint.</summary>
public static class EnvelopeChecks
{
    public static Task PresentAsync(InsurerSession session, CheckContext check, string mutationName)
    {
        ArgumentNullException.ThrowIfNull(session);
        var client = session.World.ClientFor(SealFixture.RequesterId, check?.Evidence ?? throw new ArgumentNullException(nameof(check)));
        return EnvelopeAttacks.PresentAsync(check, mutationName, session.Target.Time, session.Target.PartyId, session.World.InquiryUrl,
            (url, token) => client.SendAsync(url, token), Acceptance(session, mutationName));
    }

    /// <summary>
    /// An accepted row carries a fresh valid seal (routed when the relay is the caller), and must be answered 200 with a
    /// response envelope for the caller (for a routed seal, its requester: INS-041) answering the row's jti, whose
    /// InquiryAnswer carries the request's correlationId.
    /// </summary>
    private static EnvelopeAcceptance Acceptance(InsurerSession session, string caseName)
    {
        // Keyed by (iss, jti): a replay row sends one jti from two issuers.
        var correlationIds = new Dictionary<(string Issuer, string Id), string>();
        return new EnvelopeAcceptance(
            claims =>
            {
                var fixture = session.World.NewFixture();
                var routed = claims.Issuer == SealFixture.RelayId;
                var seal = fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId()) with { Routed = routed });
                var correlationId = InquiryCaller.NewCorrelationId(caseName);
                lock (correlationIds) correlationIds[(claims.Issuer, claims.Id)] = correlationId;
                var request = new InquiryRequest { Seal = seal, Items = SealFixture.DefaultItems, CorrelationId = correlationId };
                return claims with { Body = JsonSerializer.SerializeToElement(request, ProtocolJson.Options) };
            },
            (claims, status, body) =>
            {
                if (status != 200) return $"the answer was {EnvelopeAttacks.DescribeAnswer(status, body)}";
                var audience = claims.Issuer == SealFixture.RelayId ? SealFixture.RequesterId : claims.Issuer;
                try
                {
                    var envelope = session.World.VerifierFor(audience).VerifyResponse(body, session.Target.PartyId, claims.Id);
                    var answer = ProtocolJson.Deserialize<InquiryAnswer>(envelope.Claims.Body, "answer");
                    string? expected;
                    lock (correlationIds) expected = correlationIds.GetValueOrDefault((claims.Issuer, claims.Id));
                    return answer.CorrelationId == expected ? null : $"the answer's correlationId is '{answer.CorrelationId}', the request's '{expected}'";
                }
                catch (ProtocolException ex)
                {
                    return $"the 200 answer is not a response envelope for {audience} answering request {claims.Id} (AUTH-010): {ex.Code.Code}: {ex.Detail}";
                }
            });
    }
}

using System.Text.Json;
using Chukei.Conformance.Envelopes;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>Call authentication at the relay (docs/protocol.md §5.2, AUTH-001 … AUTH-009): the envelope rows presented to its lookup endpoint.</summary>
public static class EnvelopeChecks
{
    public static Task PresentAsync(RelaySession session, CheckContext check, string mutationName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return EnvelopeAttacks.PresentAsync(check, mutationName, session.Target.Time, session.Target.PartyId, session.World.Endpoint(Calls.LookupPath),
            async (url, token) =>
            {
                var (status, _, body) = await session.World.PostRawAsync(Calls.LookupPath, token, ProtocolConstants.JoseMediaType, check.Evidence);
                return (status, body);
            },
            Acceptance(session, mutationName));
    }

    /// <summary>
    /// An accepted row from an insurer carries a lookup of an LTC number nobody is registered under, and must be answered
    /// 200 with a response envelope for the caller answering the row's jti, whose LookupAnswer is not-found for the
    /// request's correlationId (RLY-006). The one row the relay signs itself (its retired key, DIR-005) is a call from a
    /// role that may not look up: it passed the envelope checks when it is refused for its role (AUTH-011, ERR-009).
    /// </summary>
    private static EnvelopeAcceptance Acceptance(RelaySession session, string caseName)
    {
        // Keyed by (iss, jti): a replay row sends one jti from two issuers.
        var correlationIds = new Dictionary<(string Issuer, string Id), string>();
        return new EnvelopeAcceptance(
            claims =>
            {
                var unknown = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = RequesterInsurerNumber, InsuredNumber = "0000000001" } };
                var request = Calls.Lookup(unknown, caseName);
                lock (correlationIds) correlationIds[(claims.Issuer, claims.Id)] = request.CorrelationId;
                return claims with { Body = JsonSerializer.SerializeToElement(request, ProtocolJson.Options) };
            },
            (claims, status, body) =>
            {
                if (claims.Issuer == RelayId)
                {
                    var refused = status == ProblemCodes.RoleNotAllowed.Status && (status == 200 ? null : Contracts.Client.PartyClient.ReadProblem(body))?.Code == ProblemCodes.RoleNotAllowed.Code;
                    return refused ? null
                        : $"the relay's own call to its lookups must pass the envelope checks and then be refused for its role with {ProblemCodes.RoleNotAllowed.Code} ({ProblemCodes.RoleNotAllowed.Status}); the answer was {EnvelopeAttacks.DescribeAnswer(status, body)}";
                }
                if (status != 200) return $"the answer was {EnvelopeAttacks.DescribeAnswer(status, body)}";
                try
                {
                    var envelope = session.World.VerifierFor(claims.Issuer).VerifyResponse(body, session.Target.PartyId, claims.Id);
                    var answer = ProtocolJson.Deserialize<LookupAnswer>(envelope.Claims.Body, "answer");
                    string? expected;
                    lock (correlationIds) expected = correlationIds.GetValueOrDefault((claims.Issuer, claims.Id));
                    if (answer.CorrelationId != expected) return $"the answer's correlationId is '{answer.CorrelationId}', the request's '{expected}'";
                    return answer.Outcome == LookupOutcome.NotFound ? null : $"the lookup of a number nobody is registered under was answered {answer.Outcome}, not not-found";
                }
                catch (ProtocolException ex)
                {
                    return $"the 200 answer is not a response envelope for {claims.Issuer} answering request {claims.Id} (AUTH-010): {ex.Code.Code}: {ex.Detail}";
                }
            });
    }
}

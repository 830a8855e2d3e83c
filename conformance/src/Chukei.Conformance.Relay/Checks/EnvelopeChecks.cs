using Chukei.Conformance.Envelopes;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;

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
            });
    }
}

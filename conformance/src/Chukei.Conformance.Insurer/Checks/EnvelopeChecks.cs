using Chukei.Conformance.Envelopes;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>Call authentication at the insurer (docs/protocol.md §5.2, AUTH-001 … AUTH-009): the envelope rows presented to its inquiry endpoint.</summary>
public static class EnvelopeChecks
{
    public static Task PresentAsync(InsurerSession session, CheckContext check, string mutationName)
    {
        ArgumentNullException.ThrowIfNull(session);
        var client = session.World.ClientFor(SealFixture.RequesterId, check?.Evidence ?? throw new ArgumentNullException(nameof(check)));
        return EnvelopeAttacks.PresentAsync(check, mutationName, session.Target.Time, session.Target.PartyId, session.World.InquiryUrl,
            (url, token) => client.SendAsync(url, token));
    }
}

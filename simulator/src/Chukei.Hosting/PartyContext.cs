using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;

namespace Chukei.Hosting;

/// <summary>One party's identity inside a host: its id, keys, view of the directory, clock, signer and verifier.</summary>
public sealed class PartyContext
{
    /// <param name="skippedEnvelopeChecks">For the conformance kit's mutants only: envelope checks this party skips (see <see cref="EnvelopeVerifier.SkippedChecks"/>).</param>
    public PartyContext(string partyId, PartyKeySet keys, PartyDirectory directory, TimeProvider time, IdSource? ids = null, IReadOnlySet<string>? skippedEnvelopeChecks = null)
    {
        Ids = ids ?? IdSource.Random;
        PartyId = partyId;
        Keys = keys;
        Directory = directory;
        Time = time;
        ReplayCache = new MemoryReplayCache(time);
        Signer = new EnvelopeSigner(partyId, keys, time, Ids);
        Verifier = new EnvelopeVerifier(partyId, directory, ReplayCache, time) { SkippedChecks = skippedEnvelopeChecks ?? new HashSet<string>() };
    }

    public string PartyId { get; }

    /// <summary>Where this party's ids come from (seeded in scenarios, so runs repeat exactly).</summary>
    public IdSource Ids { get; }
    public PartyKeySet Keys { get; }
    public PartyDirectory Directory { get; }
    public TimeProvider Time { get; }
    public IReplayCache ReplayCache { get; }
    public EnvelopeSigner Signer { get; }
    public EnvelopeVerifier Verifier { get; }

    /// <summary>Today in Japan (protocol dates are JST dates).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().ToOffset(Contracts.ProtocolConstants.JapanOffset).DateTime);
}

using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Problems;
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
        Signer = new EnvelopeSigner(partyId, keys, time, Ids) { Defects = skippedEnvelopeChecks ?? new HashSet<string>() };
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

    /// <summary>Where this party refreshes its directory from (DIR-009); null when its directory is fixed, as in scenarios, where every party shares one.</summary>
    public DirectoryRefresher? DirectoryRefresher { get; set; }

    /// <summary>
    /// Verifies a request envelope; when it names a kid the directory does not hold, refreshes the directory once
    /// (rate-limited) and checks again before refusing (DIR-009), so a party's rotated key works at once.
    /// </summary>
    public async Task<VerifiedEnvelope> VerifyRequestAsync(string token, string method, string path, CancellationToken ct)
    {
        try
        {
            return Verifier.VerifyRequest(token, method, path);
        }
        catch (ProtocolException ex) when (ex.Code == ProblemCodes.AuthKeyUnknown && DirectoryRefresher is not null)
        {
            if (!await DirectoryRefresher.RefreshForUnknownKidAsync(ct)) throw;
        }
        return Verifier.VerifyRequest(token, method, path);
    }

    /// <summary>Today in Japan (protocol dates are JST dates).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().ToOffset(Contracts.ProtocolConstants.JapanOffset).DateTime);
}

using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;

namespace Chukei.Clinic.Reception;

/// <summary>The clinic as a party: its id and keys, its view of the (signed, pinned) directory, its clock.</summary>
public sealed class ClinicIdentity
{
    public ClinicIdentity(string partyId, PartyKeySet keys, PartyDirectory directory, TimeProvider time, IdSource? ids = null, ClinicDefects? defects = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        PartyId = partyId;
        Directory = directory;
        Time = time;
        Ids = ids ?? IdSource.Random;
        Signer = new EnvelopeSigner(partyId, keys, time, Ids);
        Defects = defects ?? ClinicDefects.None;
        Verifier = new EnvelopeVerifier(partyId, directory, new MemoryReplayCache(time), time)
        {
            SkippedChecks = Defects.SkipsRelaySignatureCheck ? new HashSet<string>(Defects.SkippedAnswerChecks) { "AUTH-003" } : Defects.SkippedAnswerChecks,
        };
    }

    public string PartyId { get; }
    public PartyDirectory Directory { get; }
    public TimeProvider Time { get; }
    /// <summary>Where the clinic's ids come from (seeded in scenarios, so runs repeat exactly).</summary>
    public IdSource Ids { get; }

    public EnvelopeSigner Signer { get; }
    public EnvelopeVerifier Verifier { get; }

    /// <summary>For mutation testing only (<see cref="ClinicDefects"/>); <see cref="ClinicDefects.None"/> otherwise.</summary>
    public ClinicDefects Defects { get; }

    public PartyClient ClientFor(HttpClient http) => new(http, Signer, Verifier, Directory);
}

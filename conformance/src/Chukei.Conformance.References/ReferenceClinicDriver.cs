using System.Collections.Concurrent;
using Chukei.Card;
using Chukei.Clinic.Notices;
using Chukei.Clinic.Reception;
using Chukei.Contracts.ClinicDriver;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Contracts.Directory;

namespace Chukei.Conformance.References;

/// <summary>
/// The reference clinic (<see cref="ReceptionCheck"/>) behind the clinic suite's driver contract: the default
/// <see cref="IClinicDriver"/>, and the model for a vendor's adapter. It is configured with the parties the kit
/// publishes, and keeps one reception desk per relay URL (its view of the directory points the relay there), as a
/// clinic keeps one configured relay.
/// </summary>
public sealed class ReferenceClinicDriver(ClinicParties parties, ClinicDefects defects) : IClinicDriver, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ConcurrentDictionary<Uri, (ReceptionCheck Check, NoticePickup Pickup)> _desks = new();

    // One clinic, one set of records, whichever relay URL a check went through.
    private readonly ReceptionRecords _records = new(defects);

    public ReferenceClinicDriver(ClinicParties parties) : this(parties, ClinicDefects.None) { }

    public async Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct)
    {
        var conclusion = await _desks.GetOrAdd(relayUrl, Desk).Check.CheckAsync(card, pin, serviceDate, ct);
        return new ClinicVerdict(Kind(conclusion.Kind), conclusion.Reason, conclusion.PinTriesLeft) { Log = conclusion.CardTrace, RenewalAlert = conclusion.RenewalAlert };
    }

    public Task<IReadOnlyList<ClinicHeldNotice>> PickUpNoticesAsync(Uri relayUrl, CancellationToken ct) => _desks.GetOrAdd(relayUrl, Desk).Pickup.PickUpAsync(ct);

    private (ReceptionCheck, NoticePickup) Desk(Uri relayUrl)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var directory = new PartyDirectory(parties.Directory.RelayId);
        directory.Replace(parties.Directory.Parties.Select(p => p.Id == directory.RelayId ? p with { BaseUrl = relayUrl.ToString().TrimEnd('/') } : p));
        var identity = new ClinicIdentity(parties.ClinicId, parties.ClinicKeys, directory, parties.Time, defects: defects);
        var client = identity.ClientFor(_http);
        return (new ReceptionCheck(identity, client, _records), new NoticePickup(identity, client, _records));
    }

    private static ClinicVerdictKind Kind(ConclusionKind kind) => kind switch
    {
        ConclusionKind.Eligible => ClinicVerdictKind.Eligible,
        ConclusionKind.EligibleProvisional => ClinicVerdictKind.EligibleProvisional,
        ConclusionKind.NotEligible => ClinicVerdictKind.NotEligible,
        ConclusionKind.CardProblem => ClinicVerdictKind.CardProblem,
        _ => ClinicVerdictKind.RelayProblem,
    };

    public void Dispose() => _http.Dispose();
}

using System.Security.Cryptography;
using System.Text;
using Chukei.Card;
using Chukei.Card.Pki;
using Chukei.Clinic.Reception;
using Chukei.Contracts;
using Chukei.Contracts.Keys;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Network;

/// <summary>
/// The kit's clinic reception with the IC card (protocol §13.5) for card-check steps: the reference clinic
/// (<see cref="ReceptionCheck"/>) as <c>clinic.chukei.test</c>, the kit CA the relay trusts, and each person's virtual
/// card, issued when a step first needs it, registered at the relay for that person (CLN-025) and kept for the run, so
/// PIN tries spent in one step are gone in the next. Everything runs on the network's (virtual) clock.
/// </summary>
public sealed class ReceptionDesk : IDisposable
{
    /// <summary>The certificate profiles a person's card can have.</summary>
    public static readonly string[] Certificates = ["valid", "expired-within-grace", "expired", "not-yet-valid", "revoked", "unknown-ca"];

    private readonly SimulatedNetwork _network;
    private readonly KitCertificateAuthority _authority;
    private readonly ReceptionCheck _check;
    private readonly Dictionary<string, (VirtualCard Card, CardCredentials Credentials)> _cards = new(StringComparer.Ordinal);

    private KitCertificateAuthority? _strangerAuthority;

    internal ReceptionDesk(SimulatedNetwork network, HttpClient http, IdSource ids)
    {
        _network = network;
        // Serial numbers follow the scenario's seed, so certificates differ only in their (fresh) keys between runs.
        _authority = KitCertificateAuthority.Create(network.Time, KitCertificateAuthority.DefaultCommonName, caKey: null, SerialSeed(network.Scenario.Seed));
        network.Relay.Cards.TrustAuthority(_authority.CertificateDer);
        var identity = new ClinicIdentity(SimulatedNetwork.ClinicId, PartyKeySet.FromSeed(network.Scenario.Seed, SimulatedNetwork.ClinicId), network.Directory, network.Time, ids);
        _check = new ReceptionCheck(identity, identity.ClientFor(http));
    }

    /// <summary>The person's card, issued and registered at the relay on first use.</summary>
    public VirtualCard CardOf(PersonSpec person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (_cards.TryGetValue(person.Id, out var held)) return held.Card;
        var spec = person.IcCard ?? new IcCardSpec();
        // unknown-ca: a well-formed card from a CA the relay was never told to trust (CLN-014).
        var issuer = spec.Certificate == "unknown-ca"
            ? _strangerAuthority ??= KitCertificateAuthority.Create(_network.Time, "Unknown card CA (not trusted by the relay)", caKey: null, SerialSeed(_network.Scenario.Seed + "/unknown-ca"))
            : _authority;
        var credentials = issuer.IssueCard(person.Name, spec.Certificate switch
        {
            "expired-within-grace" => CertificateProfile.ExpiredWithinGrace,
            "expired" => CertificateProfile.Expired,
            "not-yet-valid" => CertificateProfile.NotYetValid,
            _ => CertificateProfile.Valid,
        });
        var registry = _network.Relay.Cards;
        registry.RegisterCard(_network.PersonIds[person.Id], credentials.AuthCertificate);
        if (spec.Certificate == "revoked") registry.Revoke(credentials.AuthCertificate);
        var face = new CardFace(person.Name, person.Address ?? "", person.BirthDate?.Replace("-", "", StringComparison.Ordinal) ?? "", "", ReadOnlyMemory<byte>.Empty);
        var options = new CardOptions
        {
            T0Mode = spec.T0,
            // The ATR says which protocol the card speaks (docs/virtual-card.md).
            Atr = spec.T0 ? CardOptions.T0Atr : CardOptions.DefaultAtr,
            ExtendedLength = spec.ExtendedLength,
            BlockedStatusWord = CardFaults.ParseStatusWord(spec.BlockedStatusWord) ?? new CardOptions().BlockedStatusWord,
        };
        var card = new VirtualCard(new CardProfile { Face = face, Credentials = credentials, AuthPin = spec.Pin, AuthPinTriesLeft = spec.PinTriesLeft }, options, _network.Time);
        _cards[person.Id] = (card, credentials);
        return card;
    }

    /// <summary>One reception check with <paramref name="card"/>: the reference clinic's conclusion.</summary>
    public Task<ReceptionConclusion> CheckAsync(ICardChannel card, string pin, DateOnly serviceDate, CancellationToken ct) =>
        _check.CheckAsync(card, pin, serviceDate, ct);

    /// <summary>The authentication PIN's retry counter, read by the kit with the no-data VERIFY (no PIN, no try spent).</summary>
    public static int PinTriesLeft(VirtualCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!card.IsPowered) card.PowerOn();
        byte[] aid = [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];
        card.Transmit([0x00, 0xA4, 0x04, 0x0C, (byte)aid.Length, .. aid]);
        card.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x18]);
        var answer = card.Transmit([0x00, 0x20, 0x00, 0x80]);
        var sw = (answer[^2] << 8) | answer[^1];
        // The kit's read must not leave a selection behind for the next check to rely on.
        card.Reset();
        return (sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : sw is 0x6983 or 0x6984 ? 0 : -1;
    }

    private static int SerialSeed(string seed) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes("ic-cards/" + seed)), 0) & int.MaxValue;

    public void Dispose()
    {
        foreach (var (_, credentials) in _cards.Values) credentials.Dispose();
        _authority.Dispose();
        _strangerAuthority?.Dispose();
    }
}

using Chukei.Card;
using Chukei.Card.Logging;
using Chukei.Card.Pki;
using Chukei.Clinic.Reception;
using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Keys;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Clinic.Tests.Reception;

/// <summary>
/// The reference relay and insurers on loopback with the reference clinic in the directory, the kit CA trusted by the
/// relay, and virtual cards issued once per assembly (RSA key generation is slow).
/// </summary>
internal sealed class ClinicNetwork : IAsyncDisposable
{
    public const string ClinicId = "clinic-sakura";
    public static readonly DateTimeOffset Start = new(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(9));

    private const string Yaml = """
        chukei: 1
        id: clinic-tests
        title: Clinic tests
        seed: clinic-tests
        clock: { start: "2026-08-03T09:00:00+09:00" }
        insurers:
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
          - { id: kyokai-tokyo, kind: national-association, name: 協会けんぽ東京, number: "01130004" }
        people:
          - id: hanako
            name: 山田 花子
            basicPensionNumber: "1234567890"
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "02", from: 2018-04-01 }
          - id: jiro
            name: 鈴木 次郎
            basicPensionNumber: "3456789012"
            enrolments:
              - { insurer: kyokai-tokyo, symbol: "77", number: "1", branch: "00", from: 2000-04-01, to: 2026-04-01, reasonOfLoss: "99" }
        steps:
          - { id: noop, action: verify-log }
        """;

    private static readonly Lazy<IssuedCards> Cards = new(IssuedCards.Issue);
    private readonly HttpClient _http = new();

    private ClinicNetwork(SimulatedNetwork network, FakeTimeProvider clock)
    {
        Network = network;
        Clock = clock;
        var keys = PartyKeySet.FromSeed("clinic-tests", ClinicId);
        network.Directory.Upsert(new PartyDescriptor { Id = ClinicId, Role = PartyRole.Clinic, Name = "さくら診療所", Keys = keys.PublicKeys() });
        Identity = new ClinicIdentity(ClinicId, keys, network.Directory, clock);
        Reception = new ReceptionCheck(Identity, Identity.ClientFor(_http));
    }

    public SimulatedNetwork Network { get; }
    public FakeTimeProvider Clock { get; }
    public ClinicIdentity Identity { get; }
    public ReceptionCheck Reception { get; }
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime);

    /// <summary>The same clinic (party, keys, directory, clock) carrying <paramref name="defects"/>, for the defect tests.</summary>
    public ReceptionCheck ReceptionWith(ClinicDefects defects)
    {
        var identity = new ClinicIdentity(Identity.PartyId, PartyKeySet.FromSeed("clinic-tests", ClinicId), Network.Directory, Clock, defects: defects);
        return new ReceptionCheck(identity, identity.ClientFor(_http));
    }

    public static IssuedCards Issued => Cards.Value;

    public static async Task<ClinicNetwork> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(Yaml, "clinic-tests.yaml"), clock);
        var registry = network.Relay.Cards;
        registry.TrustAuthority(Issued.Authority.CertificateDer);
        foreach (var card in new[] { Issued.Valid, Issued.WithinGrace, Issued.Expired, Issued.Revoked })
            registry.RegisterCard(network.PersonIds["hanako"], card.AuthCertificate);
        registry.RegisterCard(network.PersonIds["jiro"], Issued.Jiro.AuthCertificate);
        registry.Revoke(Issued.Revoked.AuthCertificate);
        return new ClinicNetwork(network, clock);
    }

    /// <summary>A virtual card with <paramref name="credentials"/>, its APDU log captured (PINs masked by the card).</summary>
    public (VirtualCard Card, List<ApduLoggedEventArgs> Log) Card(CardCredentials credentials, int authPinTriesLeft = 3, CardOptions? options = null)
    {
        var profile = new CardProfile
        {
            Face = new CardFace("山田 花子", "東京都千代田区", "19800102", "2", ReadOnlyMemory<byte>.Empty),
            Credentials = credentials,
            AuthPin = "1234",
            AuthPinTriesLeft = authPinTriesLeft,
        };
        var card = new VirtualCard(profile, options, Clock);
        var log = new List<ApduLoggedEventArgs>();
        card.ApduLogged += (_, e) => log.Add(e);
        return (card, log);
    }

    public async ValueTask DisposeAsync()
    {
        await Network.DisposeAsync();
        _http.Dispose();
    }
}

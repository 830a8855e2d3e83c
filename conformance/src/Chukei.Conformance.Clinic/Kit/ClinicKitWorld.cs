using Chukei.Card;
using Chukei.Card.Pki;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// The kit's side of a clinic run: the reference relay and insurers on loopback (from the scenario below), the relay
/// provisioned with the kit CA and every card's certificate, the clinic's party in the relay's directory, the insurers'
/// lag states (a change pending, a loss the relay has not registered), and a proxy in front of the relay that only
/// watches (<see cref="Watching"/>): the relay the clinic is given when a case plays no trick on it. The proxies that
/// do play tricks, and the relay that is down, are each case's own (<see cref="TamperingRelayProxy"/>, <see cref="DownRelay"/>).
/// </summary>
public sealed class ClinicKitWorld : IAsyncDisposable
{
    /// <summary>The clinic's party id; a vendor configures their clinic under it with the keys of <see cref="KeySeed"/>.</summary>
    public const string ClinicId = "clinic.chukei.test";

    /// <summary>The seed of every test key of the run (the scenario's parties and the clinic: <c>PartyKeySet.FromSeed(KeySeed, id)</c>).</summary>
    public const string KeySeed = "chukei-clinic-conformance";

    /// <summary>The authentication PIN of every kit card.</summary>
    public const string Pin = "1234";

    private const string Yaml = """
        chukei: 1
        id: clinic-conformance
        title: Clinic conformance
        seed: chukei-clinic-conformance
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
          - id: chie
            name: 佐藤 千恵
            basicPensionNumber: "4567890123"
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "4567", branch: "01", from: 2019-04-01 }
          - id: rui
            name: 田中 類
            basicPensionNumber: "5678901234"
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "5678", branch: "01", from: 2020-04-01 }
          - id: noa
            name: 高橋 乃愛
            basicPensionNumber: "6789012345"
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "6789", branch: "01", from: 2021-04-01 }
          - id: sora
            name: 伊藤 空
            basicPensionNumber: "7890123456"
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "7890", branch: "01", from: 2022-04-01 }
          - id: mio
            name: 中村 澪
            basicPensionNumber: "8901234567"
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "8901", branch: "01", from: 2023-04-01 }
          - id: ren
            name: 小林 蓮
            basicPensionNumber: "9012345678"
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "9012", branch: "01", from: 2023-04-01 }
        steps:
          - { id: noop, action: verify-log }
        """;

    private ClinicKitWorld(SimulatedNetwork network, TamperingRelayProxy watching, ClinicParties parties)
    {
        Network = network;
        Watching = watching;
        Parties = parties;
        RelayUrl = new Uri(network.RelayUrl);
        Forged = new ForgedRelayAnswers(network.Relay.Self.PartyId, network.Relay.Self.Keys, TargetInsurerId, network.Insurers[TargetInsurerId].Self.Keys,
            OtherInsurerId, network.Insurers[OtherInsurerId].Self.Keys, network.Time);
    }

    public SimulatedNetwork Network { get; }
    public ClinicParties Parties { get; }

    /// <summary>
    /// The kit's relay behind a proxy that changes nothing and records each card-eligibility request and whether its
    /// answer reached the clinic. One for the run, as a clinic keeps one configured relay; the cases of a session run
    /// one at a time, and each reads what came after its own mark.
    /// </summary>
    public TamperingRelayProxy Watching { get; }
    public Uri RelayUrl { get; }

    /// <summary>Answers of the kit's relay and insurers made wrong in one respect and re-signed (AUTH-014, RLY-025, ERR-008).</summary>
    public ForgedRelayAnswers Forged { get; }

    /// <summary>The insurer of the people the forged answers are about, and another insurer of the run whose keys sign what it should not.</summary>
    private const string TargetInsurerId = "kenpo-chukei", OtherInsurerId = "kyokai-tokyo";

    /// <summary>The other insurer as a card-eligibility answer's target names it (RLY-025: a second insurer's answer).</summary>
    public TargetParty OtherInsurerTarget
    {
        get
        {
            var insurer = Network.Scenario.Insurers.Single(i => i.Id == OtherInsurerId);
            return new TargetParty { PartyId = OtherInsurerId, InsurerNumber = insurer.Number, Name = insurer.Name };
        }
    }

    public TimeProvider Time => Network.Time;
    public static KitCards Cards => KitCards.Shared;

    /// <summary>Today in Japan, the service date of the cases.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime);

    public static async Task<ClinicKitWorld> StartAsync()
    {
        var time = TimeProvider.System;
        var network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(Yaml, "clinic-conformance.yaml"), time);
        try
        {
            var cards = Cards;
            var registry = network.Relay.Cards;
            registry.TrustAuthority(cards.Authority.CertificateDer);
            foreach (var card in new[] { cards.Valid, cards.WithinGrace, cards.Expired, cards.Revoked })
                registry.RegisterCard(network.PersonIds["hanako"], card.AuthCertificate);
            registry.RegisterCard(network.PersonIds["jiro"], cards.NoCoverage.AuthCertificate);
            registry.RegisterCard(network.PersonIds["chie"], cards.ChangePending.AuthCertificate);
            registry.RegisterCard(network.PersonIds["rui"], cards.RetroactiveLoss.AuthCertificate);
            registry.RegisterCard(network.PersonIds["noa"], cards.LossNotified.AuthCertificate);
            registry.RegisterCard(network.PersonIds["sora"], cards.LossNotifiedTwice.AuthCertificate);
            registry.RegisterCard(network.PersonIds["mio"], cards.LossNotifiedForAnotherEntry.AuthCertificate);
            registry.RegisterCard(network.PersonIds["ren"], cards.LossNotifiedUnderBrokenSignature.AuthCertificate);
            registry.Revoke(cards.Revoked.AuthCertificate);

            var keys = PartyKeySet.FromSeed(KeySeed, ClinicId);
            network.Directory.Upsert(new PartyDescriptor { Id = ClinicId, Role = PartyRole.Clinic, Name = "Kit clinic (target)", Keys = keys.PublicKeys() });
            AddLagStates(network, time);
            var watching = await TamperingRelayProxy.StartAsync(new Uri(network.RelayUrl), RelayProxyBehaviour.Watches, time);
            return new ClinicKitWorld(network, watching, new ClinicParties(ClinicId, keys, network.Directory, time));
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// What the kit publishes to the clinic under test, without starting anything: the clinic's id and keys, and the
    /// directory of the run's relay and insurers (their keys are seeded, so every run has the same). A clinic started
    /// before the kit (<c>chukei conformance reference clinic</c>) is configured from this; the relay's baseUrl is
    /// given with every check.
    /// </summary>
    public static ClinicParties PublishedParties(TimeProvider time)
    {
        var scenario = ScenarioLoader.Load(Yaml, "clinic-conformance.yaml");
        var directory = new PartyDirectory(scenario.Relay.Id);
        directory.Upsert(new PartyDescriptor { Id = scenario.Relay.Id, Role = PartyRole.Relay, Name = scenario.Relay.Name, Keys = PartyKeySet.FromSeed(scenario.Seed, scenario.Relay.Id).PublicKeys() });
        foreach (var insurer in scenario.Insurers)
        {
            directory.Upsert(new PartyDescriptor
            {
                Id = insurer.Id, Role = SimulatedNetwork.RoleOf(insurer), Name = insurer.Name, InsurerNumber = insurer.Number,
                Keys = PartyKeySet.FromSeed(scenario.Seed, insurer.Id).PublicKeys(),
            });
        }
        var keys = PartyKeySet.FromSeed(KeySeed, ClinicId);
        directory.Upsert(new PartyDescriptor { Id = ClinicId, Role = PartyRole.Clinic, Name = "Kit clinic (target)", Keys = keys.PublicKeys() });
        return new ClinicParties(ClinicId, keys, directory, time);
    }

    /// <summary>
    /// A virtual card with <paramref name="credentials"/> and the PIN <paramref name="pin"/> (default: the kit PIN),
    /// <paramref name="authPinTriesLeft"/> tries left, behaving as <paramref name="options"/> say (default: the real-card evidence).
    /// </summary>
    public CardUnderTest Card(CardCredentials credentials, int authPinTriesLeft = 3, CardOptions? options = null, string pin = Pin)
    {
        var profile = new CardProfile
        {
            Face = new CardFace("山田 花子", "東京都千代田区", "19800102", "2", ReadOnlyMemory<byte>.Empty),
            Credentials = credentials,
            AuthPin = pin,
            AuthPinTriesLeft = authPinTriesLeft,
        };
        return new CardUnderTest(new VirtualCard(profile, options, Time), Time);
    }

    /// <summary>
    /// chie: the insurer was notified of her loss today but has not registered it (a change pending, ELG-005). rui: the
    /// insurer registered a loss ten days back that the relay has not (the relay still routes to it).
    /// </summary>
    private static void AddLagStates(SimulatedNetwork network, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ProtocolConstants.JapanOffset).DateTime);
        var book = network.Insurers["kenpo-chukei"].Book;
        book.Add(new QualificationFact
        {
            QualificationId = SimulatedNetwork.QualificationIdOf(0), PersonKey = "4567890123", Kind = InsuranceKind.Medical, Symbol = "12", Number = "4567", Branch = "01",
            QualificationDate = new DateOnly(2019, 4, 1), DisqualificationDate = today, ReasonOfLoss = "03",
            NotifiedAt = now.AddHours(-1), RegisteredAt = now.AddDays(3),
        });
        book.Add(new QualificationFact
        {
            QualificationId = SimulatedNetwork.QualificationIdOf(0), PersonKey = "5678901234", Kind = InsuranceKind.Medical, Symbol = "12", Number = "5678", Branch = "01",
            QualificationDate = new DateOnly(2020, 4, 1), DisqualificationDate = today.AddDays(-10), ReasonOfLoss = "03",
            NotifiedAt = now.AddDays(-2), RegisteredAt = now,
        });
    }

    /// <summary>
    /// The insurer registers, now, a loss on the service date of <paramref name="personId"/>'s qualification (one of
    /// noa, sora, mio, ren) and sends the retroactive-change notices it owes for the valid answers it gave (ELG-015); the relay
    /// then holds them for the clinic. Returns how many notices the relay accepted.
    /// </summary>
    public async Task<int> RegisterLossAsync(string personId, CancellationToken ct = default)
    {
        if (personId is not ("noa" or "sora" or "mio" or "ren")) throw new ArgumentOutOfRangeException(nameof(personId), personId, "only noa, sora, mio and ren lose their qualification in a case");
        var person = Network.Scenario.People.Single(p => p.Id == personId);
        var enrolment = person.Enrolments[0];
        var now = Time.GetUtcNow();
        var insurer = Network.Insurers[TargetInsurerId];
        // A new version of the scenario's qualification, ending today.
        insurer.Book.Add(new QualificationFact
        {
            QualificationId = SimulatedNetwork.QualificationIdOf(0), PersonKey = person.BasicPensionNumber, Kind = InsuranceKind.Medical,
            Symbol = enrolment.Symbol, Number = enrolment.Number, Branch = enrolment.Branch,
            QualificationDate = ScenarioValidator.ParseDate(enrolment.From)!.Value, DisqualificationDate = Today, ReasonOfLoss = "03", NotifiedAt = now, RegisteredAt = now,
        });
        var outcomes = await insurer.NotifyRetroactiveChangesAsync(ct);
        return outcomes.Count(o => o.LogEntryId is not null);
    }

    public async ValueTask DisposeAsync()
    {
        await Watching.DisposeAsync();
        await Network.DisposeAsync();
    }
}

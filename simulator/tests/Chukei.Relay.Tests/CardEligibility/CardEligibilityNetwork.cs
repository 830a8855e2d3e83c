using System.Buffers.Text;
using System.Security.Cryptography;
using Chukei.Card.Pki;
using Chukei.Contracts;
using Chukei.Contracts.Cards;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Relay.Tests.CardEligibility;

/// <summary>
/// The <see cref="TestNetwork"/> plus two clinics and the card provisioning of CLN-025: the kit CA trusted, hanako's
/// cards (valid, within grace, expired, not yet valid, revoked) and jiro's registered, one card registered to nobody.
/// </summary>
internal sealed class CardEligibilityNetwork : IAsyncDisposable
{
    public const string ClinicId = "clinic-sakura";
    public const string OtherClinicId = "clinic-momiji";

    private CardEligibilityNetwork(SimulatedNetwork network, FakeTimeProvider clock)
    {
        Network = network;
        Clock = clock;
        Clinic = AddClinic(ClinicId);
        OtherClinic = AddClinic(OtherClinicId);
    }

    public SimulatedNetwork Network { get; }
    public FakeTimeProvider Clock { get; }
    public PartyContext Clinic { get; }
    public PartyContext OtherClinic { get; }
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime);

    public static async Task<CardEligibilityNetwork> StartAsync(RelayDefects? defects = null)
    {
        var clock = new FakeTimeProvider(TestNetwork.Start);
        var network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(TestNetwork.Yaml, "relay-tests.yaml"), clock,
            new NetworkOptions { RelayDefects = defects ?? RelayDefects.None });
        var cards = network.Relay.Cards;
        cards.TrustAuthority(TestCards.Authority.CertificateDer);
        var hanako = network.PersonIds["hanako"];
        foreach (var card in new[] { TestCards.Valid, TestCards.WithinGrace, TestCards.Expired, TestCards.NotYetValid, TestCards.Revoked })
            cards.RegisterCard(hanako, card.AuthCertificate);
        cards.RegisterCard(network.PersonIds["jiro"], TestCards.OtherPerson.AuthCertificate);
        cards.Revoke(TestCards.Revoked.AuthCertificate);
        return new CardEligibilityNetwork(network, clock);
    }

    private PartyContext AddClinic(string id)
    {
        var keys = PartyKeySet.FromSeed("relay-tests", id);
        Network.Directory.Upsert(new PartyDescriptor { Id = id, Role = PartyRole.Clinic, Name = id, Keys = keys.PublicKeys() });
        return new PartyContext(id, keys, Network.Directory, Clock);
    }

    public PartyClient ClientOf(PartyContext party) => Network.NewClient(party);

    public async Task<string> ChallengeAsync(PartyContext? clinic = null)
    {
        var answer = await ClientOf(clinic ?? Clinic).PostAsync<CardChallengeRequest, CardChallenge>(Network.Directory.RelayId, "/v1/card-challenges",
            new CardChallengeRequest { CorrelationId = "challenge-1" });
        Assert.That(answer.IsSuccess, Is.True, answer.Problem?.Code);
        return answer.Answer!.Challenge;
    }

    /// <summary>What a card does: PKCS#1 v1.5 over SHA-256 of the CLN-003 bytes, with its authentication key.</summary>
    public static string Sign(CardCredentials card, string challenge, string clinicId, DateOnly serviceDate) =>
        Base64Url.EncodeToString(card.AuthKey.SignData(CardAuthentication.SignedBytes(challenge, clinicId, serviceDate), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static CardEligibilityRequest Request(CardCredentials card, string challenge, DateOnly serviceDate, string clinicId = ClinicId, string? signature = null) => new()
    {
        Challenge = challenge,
        Certificate = Base64Url.EncodeToString(card.AuthCertificate.Span),
        Signature = signature ?? Sign(card, challenge, clinicId, serviceDate),
        ServiceDate = serviceDate,
        CorrelationId = "card-check-1",
    };

    public Task<PartyResponse<CardEligibilityAnswer>> CheckAsync(CardEligibilityRequest request, PartyContext? clinic = null) =>
        ClientOf(clinic ?? Clinic).PostAsync<CardEligibilityRequest, CardEligibilityAnswer>(Network.Directory.RelayId, "/v1/card-eligibility", request);

    /// <summary>A challenge, the card's signature over it and the check, as a well-behaved clinic does it.</summary>
    public async Task<PartyResponse<CardEligibilityAnswer>> CheckWithAsync(CardCredentials card, DateOnly? serviceDate = null) =>
        await CheckAsync(Request(card, await ChallengeAsync(), serviceDate ?? Today));

    public AccessLogEntry LastEntry() => Network.Relay.Store.WholeLog().Last();

    public async ValueTask DisposeAsync() => await Network.DisposeAsync();
}

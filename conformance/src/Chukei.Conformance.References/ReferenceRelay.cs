using Chukei.Conformance.Relay;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Hosting;
using Chukei.Relay;
using Chukei.Relay.CardEligibility;
using Chukei.Relay.Store;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.References;

/// <summary>
/// The reference relay configured as a vendor configures theirs for the relay suite: party relay.chukei.test with the
/// published test keys, the published directory with kenpo-a's and kenpo-c's base URLs pointing at the kit's stand-in,
/// the provisioned people of docs/test-vectors/relay-people.json and the card provisioning of
/// docs/test-vectors/relay-cards.json, on an in-memory store.
/// </summary>
public static class ReferenceRelay
{
    public static async Task<RelayTarget> StartAsync(Uri standInUrl, RelayDefects defects, string listenUrl = "http://127.0.0.1:0")
    {
        // An advancing clock, so the suite in this process need not wait out a 60-second challenge (CLN-011).
        var time = new AdvancingClock();
        var fixture = new SealFixture(time.GetUtcNow());
        var directory = new PartyDirectory(RelayId);
        directory.Replace(fixture.Parties.Select(p =>
            RelayKitWorld.StandInParties.Contains(p.Id) ? p with { BaseUrl = RelayKitWorld.StandInBaseUrl(standInUrl, p.Id) } : p));
        var self = new PartyContext(RelayId, fixture.KeySet(RelayId), directory, time, skippedEnvelopeChecks: defects.SkippedEnvelopeChecks);
        var http = new HttpClient();
        var node = new RelayNode(self, SqliteRelayStore.InMemory(), http) { Defects = defects };
        foreach (var person in ProvisionedPeople.All) node.RegisterPerson(person.BasicPensionNumber, person.PersonId);
        ProvisionCards(node.Cards);
        var app = await RelayHost.StartAsync(node, listenUrl);
        return new RelayTarget(new ConformanceTarget(new Uri(app.BoundUrl()), RelayId)) { Time = time, Owner = new ReferenceHost(app, http, node) };
    }

    /// <summary>CLN-025 as docs/test-vectors/relay-cards.json says: trust the test card CA, register each card by issuer and serial, revoke the revoked ones.</summary>
    private static void ProvisionCards(CardRegistry cards)
    {
        cards.TrustAuthority(ProvisionedCards.Authority.CertificateDer);
        foreach (var card in ProvisionedCards.All)
        {
            cards.RegisterCard(card.PersonId, ProvisionedCards.Issuer, card.SerialNumber);
            cards.RegisterCard(card.PersonId, ProvisionedCards.Issuer, card.RevokedSerialNumber);
            cards.Revoke(ProvisionedCards.Issuer, card.RevokedSerialNumber);
        }
    }
}

using Chukei.Conformance.Clinic.Kit;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>A clinic started before the kit is configured from <see cref="ClinicKitWorld.PublishedParties"/>: it must be what the kit then runs.</summary>
[TestFixture]
public sealed class PublishedPartiesTests
{
    [Test]
    public async Task PublishedParties_AreThePartiesOfTheStartedKit()
    {
        // Arrange
        await using var world = await ClinicKitWorld.StartAsync();

        // Act
        var published = ClinicKitWorld.PublishedParties(TimeProvider.System);

        // Assert
        var running = world.Parties.Directory.Parties.Where(p => p.Id == world.Parties.Directory.RelayId || p.Role is Contracts.PartyRole.MedicalInsurer or Contracts.PartyRole.Clinic && p.Id == ClinicKitWorld.ClinicId);
        Assert.Multiple(() =>
        {
            Assert.That(published.ClinicId, Is.EqualTo(world.Parties.ClinicId));
            foreach (var party in running)
            {
                var twin = published.Directory.Parties.SingleOrDefault(p => p.Id == party.Id);
                Assert.That(twin, Is.Not.Null, party.Id);
                Assert.That(twin!.Role, Is.EqualTo(party.Role), party.Id);
                Assert.That(Contracts.Json.ProtocolJson.Serialize(twin.Keys), Is.EqualTo(Contracts.Json.ProtocolJson.Serialize(party.Keys)), party.Id);
            }
        });
    }
}

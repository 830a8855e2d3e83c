using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using Chukei.Relay.AccessLog;
using Chukei.Relay.Store;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Relay.Tests.Store;

public sealed class SqliteRelayStoreTests
{
    private string _path = null!;

    [SetUp]
    public void CreatePath() => _path = Path.Combine(Path.GetTempPath(), $"chukei-test-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteFiles()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }

    [Test]
    public void Store_ReopenedAfterWrites_HasEverythingAndTheChainContinues()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 8, 3, 0, 0, 0, TimeSpan.Zero));
        var signer = new EnvelopeSigner("relay.chukei.test", PartyKeySet.FromSeed("t", "relay.chukei.test"), clock);
        string head;
        using (var store = SqliteRelayStore.OpenFile(_path))
        {
            store.AddPerson("PAAAAAAAAAAAAAAAAAAAA", "1234567890");
            store.AddEnrolment(new RelayEnrolment
            {
                PersonId = "PAAAAAAAAAAAAAAAAAAAA", Kind = InsuranceKind.Medical, InsurerNumber = "06139992", PartyId = "kenpo",
                Number = "3456", Branch = "02", EffectiveFrom = new DateOnly(2020, 4, 1), RegisteredAt = clock.GetUtcNow(),
            });
            var chain = new AccessLogChain(store, signer, clock);
            chain.Append(new AccessLogChain.Draft("relay.chukei.test", AccessAction.Lookup, "ltc", "kenpo", "PAAAAAAAAAAAAAAAAAAAA", ["x"], "p", AccessOutcome.Answered, null, "c1"));
            head = store.LogHead().Hash;
        }

        // Act: a new process opens the same file.
        using var reopened = SqliteRelayStore.OpenFile(_path);
        var chainAgain = new AccessLogChain(reopened, signer, clock);
        chainAgain.Append(new AccessLogChain.Draft("relay.chukei.test", AccessAction.Lookup, "ltc", "kenpo", "PAAAAAAAAAAAAAAAAAAAA", ["x"], "p", AccessOutcome.Answered, null, "c2"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(reopened.FindPeopleByPensionNumber("1234567890"), Is.EqualTo(new[] { "PAAAAAAAAAAAAAAAAAAAA" }));
            Assert.That(reopened.EnrolmentsOf("PAAAAAAAAAAAAAAAAAAAA").Single().Number, Is.EqualTo("3456"));
            Assert.That(reopened.LogOf("PAAAAAAAAAAAAAAAAAAAA")[1].PrevHash, Is.EqualTo(head));
            Assert.That(chainAgain.Verify().Valid, Is.True);
        });
    }
}

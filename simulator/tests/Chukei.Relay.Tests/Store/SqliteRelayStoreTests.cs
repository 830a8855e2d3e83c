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

    private static readonly string[] LoadIndexes = ["enrolments_ended", "enrolments_ended_registered", "enrolments_number", "enrolments_person", "people_bpn"];

    [TestCase(false, TestName = "Bulk_IntoAnEmptyStore_BuildsTheIndexesAfterwardsAndFindsWhatItLoaded")]
    [TestCase(true, TestName = "Bulk_IntoAPopulatedStore_KeepsTheIndexesAndFindsOldAndNewRows")]
    public void Bulk_LeavesEveryIndexAndTheRowsFindable(bool populated)
    {
        // Arrange: a scratch store, as chukei run provisions a generated population into.
        var at = new DateTimeOffset(2026, 8, 3, 0, 0, 0, TimeSpan.Zero);
        using var store = SqliteRelayStore.OpenScratch(_path);
        if (populated) AddEndedEnrolment(store, "PBBBBBBBBBBBBBBBBBBBB", "2222222222", "2222", at);

        // Act
        store.Bulk(() =>
        {
            for (var i = 0; i < 50; i++) AddEndedEnrolment(store, $"PA{i:D19}", $"1{i:D9}", $"1{i:D3}", at);
        });

        // Assert: the indexes exist (MedicalEndingsBetween names two with INDEXED BY and fails without them), and serve the rows.
        store.ExecuteRaw("CREATE TEMP TABLE seen AS SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
        Assert.Multiple(() =>
        {
            Assert.That(store.ExecuteRaw($"DELETE FROM seen WHERE name IN ({string.Join(", ", LoadIndexes.Select(n => $"'{n}'"))})"), Is.EqualTo(LoadIndexes.Length));
            Assert.That(store.MedicalEndingsBetween(new DateOnly(2026, 7, 31), null, null), Has.Count.EqualTo(populated ? 51 : 50));
            Assert.That(store.FindPeopleByPensionNumber("1000000049"), Is.EqualTo(new[] { "PA0000000000000000049" }));
            Assert.That(store.FindEnrolmentsByNumber(InsuranceKind.Medical, "06139992", "1049").Single().PersonId, Is.EqualTo("PA0000000000000000049"));
            if (populated) Assert.That(store.FindPeopleByPensionNumber("2222222222"), Is.EqualTo(new[] { "PBBBBBBBBBBBBBBBBBBBB" }));
        });
    }

    [Test]
    public void Bulk_ThatFails_LeavesTheStoreEmptyWithEveryIndex()
    {
        // Arrange
        using var store = SqliteRelayStore.OpenScratch(_path);

        // Act
        Assert.Throws<InvalidOperationException>(() => store.Bulk(() =>
        {
            store.AddPerson("PAAAAAAAAAAAAAAAAAAAA", "1234567890");
            throw new InvalidOperationException("provisioning failed");
        }));

        // Assert: the dropped indexes came back with the rollback.
        store.ExecuteRaw("CREATE TEMP TABLE seen AS SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
        Assert.Multiple(() =>
        {
            Assert.That(store.PersonExists("PAAAAAAAAAAAAAAAAAAAA"), Is.False);
            Assert.That(store.ExecuteRaw($"DELETE FROM seen WHERE name IN ({string.Join(", ", LoadIndexes.Select(n => $"'{n}'"))})"), Is.EqualTo(LoadIndexes.Length));
        });
    }

    private static void AddEndedEnrolment(SqliteRelayStore store, string personId, string pensionNumber, string number, DateTimeOffset at)
    {
        store.AddPerson(personId, pensionNumber);
        store.AddEnrolment(new RelayEnrolment
        {
            PersonId = personId, Kind = InsuranceKind.Medical, InsurerNumber = "06139992", PartyId = "kenpo",
            Number = number, Branch = "00", EffectiveFrom = new DateOnly(2020, 4, 1), EffectiveTo = new DateOnly(2026, 7, 1), RegisteredAt = at,
        });
    }
}

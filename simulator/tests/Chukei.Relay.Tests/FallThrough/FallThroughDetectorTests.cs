using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Relay.FallThrough;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Relay.Tests.FallThrough;

/// <summary>Linking employee insurance with NHI (RLY-050 … RLY-053, INS-050, LOG-030).</summary>
public sealed class FallThroughDetectorTests
{
    private const string Yaml = """
        chukei: 1
        id: fall-through-tests
        title: Fall-through tests
        seed: fall-through-tests
        clock: { start: "2026-10-16T09:00:00+09:00" }
        insurers:
          - { id: nhi-chiyoda, kind: nhi, name: 千代田区国民健康保険, number: "138107" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
        people:
          - id: jiro
            name: 鈴木 次郎
            basicPensionNumber: "3456789012"
            residence: nhi-chiyoda
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "5001", branch: "00", from: 1990-04-01, to: 2026-10-01 }
          - id: recent
            name: 最近 退職
            basicPensionNumber: "4567890123"
            residence: nhi-chiyoda
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "5002", branch: "00", from: 1990-04-01, to: 2026-10-10 }
          - id: covered
            name: 加入 中
            basicPensionNumber: "5678901234"
            residence: nhi-chiyoda
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "5003", branch: "00", from: 1990-04-01 }
        steps:
          - { id: noop, action: verify-log }
        """;

    private SimulatedNetwork _network = null!;

    [SetUp]
    public async Task StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 16, 9, 0, 0, ProtocolConstants.JapanOffset));
        _network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(Yaml, "fall-through-tests.yaml"), clock);
    }

    [TearDown]
    public async Task StopAsync() => await _network.DisposeAsync();

    [Test]
    public async Task Run_GapLongerThanGrace_NotifiesTheResidencesNhiOnceAndLogsIt()
    {
        var detector = new FallThroughDetector(_network.Relay, TimeSpan.FromDays(14));

        var first = await detector.RunAsync();
        var second = await detector.RunAsync();

        var inbox = _network.Insurers["nhi-chiyoda"].FallThroughInbox.Notices;
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(o => (o.PersonId, o.Result)), Is.EqualTo(new[] { (_network.PersonIds["jiro"], FallThroughDetector.Notified) }),
                "only the gap older than 14 days; not the recent one, not the covered person");
            Assert.That(second, Is.Empty, "a gap is notified once");
            Assert.That(inbox.Single().BasicPensionNumber, Is.EqualTo("3456789012"));
            Assert.That(inbox.Single().UninsuredSince, Is.EqualTo(new DateOnly(2026, 10, 1)));
            Assert.That(inbox.Single().LastInsurerNumber, Is.EqualTo("06139992"));
            var entry = _network.Relay.Store.FindLogEntry(inbox.Single().LogEntryId)!;
            Assert.That(entry.Action, Is.EqualTo(AccessAction.FallThroughNotice));
            Assert.That(entry.PersonId, Is.EqualTo(_network.PersonIds["jiro"]));
            Assert.That(entry.Provider, Is.EqualTo("nhi-chiyoda"));
        });
    }

    [Test]
    public async Task Notice_FromAnInsurerInsteadOfTheRelay_IsRefused()
    {
        var response = await _network.Insurers["kenpo-chukei"].Client.PostAsync<FallThroughNotice, FallThroughNoticeAnswer>("nhi-chiyoda", "/v1/fall-through-notices",
            new FallThroughNotice
            {
                NoticeId = "forged", BasicPensionNumber = "3456789012", UninsuredSince = new DateOnly(2026, 10, 1), LastInsurerNumber = "06139992",
                DetectedAt = DateTimeOffset.UnixEpoch, LogEntryId = "L0000000001",
            });

        Assert.That(response.Problem!.Code, Is.EqualTo("role-not-allowed"));
        Assert.That(_network.Insurers["nhi-chiyoda"].FallThroughInbox.Notices, Is.Empty);
    }

    [Test]
    public async Task Run_Later_FindsGapsThatReachedTheGraceOrWereRegisteredSince_WithoutRescanningOldOnes()
    {
        var clock = (FakeTimeProvider)_network.Time;
        var detector = new FallThroughDetector(_network.Relay, TimeSpan.FromDays(14));
        var covered = _network.PersonIds["covered"];
        await detector.RunAsync();

        // 'recent' (ended 10 Oct) reaches 14 days on 24 Oct; 'covered' lost on 30 Sep, before the previous run's cutoff, but the relay learns it only now.
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 0, 0, 0, ProtocolConstants.JapanOffset));
        _network.Relay.Store.CloseEnrolment(covered, "06139992", "5003", new DateOnly(2026, 9, 30), clock.GetUtcNow());
        var later = await detector.RunAsync();

        Assert.That(later.Select(o => o.PersonId).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { _network.PersonIds["recent"], covered }.Order(StringComparer.Ordinal)), "the gap that reached the grace and the late-registered loss");
    }

    [Test]
    public async Task Run_PersonWhoseDeathWasRecorded_IsNotReported()
    {
        _network.Relay.Store.RemoveResidence(_network.PersonIds["jiro"]);
        var detector = new FallThroughDetector(_network.Relay, TimeSpan.FromDays(14));

        var found = await detector.RunAsync();

        Assert.That(found, Is.Empty, "no residence: no municipality to tell, and the dead do not fall through");
    }
}

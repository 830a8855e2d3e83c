using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Insurers.Tests.Notices;

/// <summary>
/// The insurer's side of retroactive changes (ELG-014 … ELG-017): it remembers valid answers, notifies exactly those a
/// later registration makes wrong, with no personal data beyond the loss, and resends an undelivered notice unchanged.
/// </summary>
public sealed class RetroactiveNotifierTests
{
    private const string Yaml = """
        chukei: 1
        id: notifier-tests
        title: Notifier tests
        seed: notifier-tests
        clock: { start: "2026-10-01T09:00:00+09:00" }
        insurers:
          - { id: ltc-chiyoda, kind: ltc, name: 千代田区介護保険, number: "131011" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
        people:
          - id: hanako
            name: 山田 花子
            basicPensionNumber: "1234567890"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "02", from: 2018-04-01 }
        steps:
          - { id: noop, action: verify-log }
        """;

    private SimulatedNetwork _network = null!;
    private FakeTimeProvider _clock = null!;
    private InsurerNode Kenpo => _network.Insurers["kenpo-chukei"];

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(9)));
        _network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(Yaml, "notifier-tests.yaml"), _clock);
    }

    [TearDown]
    public async Task StopAsync() => await _network.DisposeAsync();

    private async Task<InquiryAnswer> AskAsync(DateOnly serviceDate, string correlationId)
    {
        var trace = await _network.RequesterFor("ltc-chiyoda").RunDirectAsync(new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical, Purpose = Purposes.EligibilityCheck, CorrelationId = correlationId,
        }, [DataItems.Eligibility], serviceDate);
        return trace.Inquiry!.Answer!;
    }

    private void RegisterLoss(DateOnly lossDate) => Kenpo.Book.Add(new QualificationFact
    {
        QualificationId = SimulatedNetwork.QualificationIdOf(1), PersonKey = "1234567890", Kind = InsuranceKind.Medical, Symbol = "12", Number = "3456", Branch = "02",
        QualificationDate = new DateOnly(2018, 4, 1), DisqualificationDate = lossDate, ReasonOfLoss = LossReasons.OtherInsurance,
        NotifiedAt = _clock.GetUtcNow(), RegisteredAt = _clock.GetUtcNow(),
    });

    [Test]
    public async Task Inquiry_ValidAnswer_IsRemembered_OthersAreNot()
    {
        var valid = await AskAsync(new DateOnly(2026, 9, 15), "c-valid");
        await AskAsync(new DateOnly(2017, 1, 1), "c-before-qualification");

        var remembered = Kenpo.ValidAnswers.All;

        Assert.Multiple(() =>
        {
            Assert.That(remembered, Has.Count.EqualTo(1));
            Assert.That(remembered[0].Requester, Is.EqualTo("ltc-chiyoda"));
            Assert.That(remembered[0].CorrelationId, Is.EqualTo("c-valid"));
            Assert.That(remembered[0].ServiceDate, Is.EqualTo(new DateOnly(2026, 9, 15)));
            Assert.That(remembered[0].InsurerLogEntryId, Is.EqualTo(valid.InsurerLogEntryId));
            Assert.That(remembered[0].RelayLogEntryId, Is.EqualTo(valid.RelayLogEntryId));
        });
    }

    [Test]
    public async Task Run_LossOnOrBeforeTheServiceDate_NotifiesThatAnswerOnly()
    {
        var stale = await AskAsync(new DateOnly(2026, 9, 15), "c-september");
        await AskAsync(new DateOnly(2026, 7, 31), "c-july");
        _clock.Advance(TimeSpan.FromDays(10));
        RegisterLoss(new DateOnly(2026, 8, 1));

        var outcomes = await Kenpo.NotifyRetroactiveChangesAsync();

        var notice = outcomes.Single().Notice;
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Single().Result, Is.EqualTo("accepted"));
            Assert.That(notice.CorrelationId, Is.EqualTo("c-september"), "31 July was still covered: only the September answer is stale");
            Assert.That(notice.Requester, Is.EqualTo("ltc-chiyoda"));
            Assert.That(notice.RelayLogEntryId, Is.EqualTo(stale.RelayLogEntryId));
            Assert.That(notice.InsurerLogEntryId, Is.EqualTo(stale.InsurerLogEntryId));
            Assert.That(notice.PreviousStatus, Is.EqualTo(EligibilityStatus.Valid));
            Assert.That(notice.Status, Is.EqualTo(EligibilityStatus.Invalid));
            Assert.That(notice.DisqualificationDate, Is.EqualTo(new DateOnly(2026, 8, 1)));
            Assert.That(notice.ReasonOfLoss, Is.EqualTo(LossReasons.OtherInsurance));
            Assert.That(notice.RegisteredAt, Is.EqualTo(_clock.GetUtcNow()));
            var json = Contracts.Json.ProtocolJson.Serialize(notice);
            Assert.That(json, Does.Not.Contain("3456").And.Not.Contain("1234567890").And.Not.Contain("0000012345"), "ELG-016: no numbers in a notice");
        });
    }

    [Test]
    public async Task Run_NoChangeOrALaterLoss_SendsNothing()
    {
        await AskAsync(new DateOnly(2026, 9, 15), "c-september");

        var unchanged = await Kenpo.NotifyRetroactiveChangesAsync();
        RegisterLoss(new DateOnly(2026, 10, 1));
        var laterLoss = await Kenpo.NotifyRetroactiveChangesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(unchanged, Is.Empty);
            Assert.That(laterLoss, Is.Empty, "a loss after the service date leaves the answer right");
        });
    }

    [Test]
    public async Task Run_RelayUnreachable_KeepsTheNoticeAndResendsItUnchangedUntilAcknowledged()
    {
        await AskAsync(new DateOnly(2026, 9, 15), "c-september");
        RegisterLoss(new DateOnly(2026, 8, 1));
        var relay = _network.Directory.Find(_network.Directory.RelayId)!;
        _network.Directory.Upsert(relay with { BaseUrl = "http://127.0.0.1:9" });

        var failed = await Kenpo.NotifyRetroactiveChangesAsync();
        _network.Directory.Upsert(relay);
        _clock.Advance(TimeSpan.FromDays(1));
        var retried = await Kenpo.NotifyRetroactiveChangesAsync();
        var afterwards = await Kenpo.NotifyRetroactiveChangesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(failed.Single().Result, Does.StartWith("not delivered"));
            Assert.That(retried.Single().Result, Is.EqualTo("accepted"));
            Assert.That(retried.Single().Notice, Is.EqualTo(failed.Single().Notice), "the same notice, same noticeId (ELG-017)");
            Assert.That(afterwards, Is.Empty, "an acknowledged notice is not sent again");
            Assert.That(_network.Relay.Store.WholeLog().Count(e => e.Action == AccessAction.RetroactiveChangeNotice), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_InsurerThatNeverNotifies_SendsNothing()
    {
        // The mutant seam the conformance kit uses: proves the notice above comes from the notifier, not from the test.
        var mutant = new InsurerNode(Kenpo.Self, Kenpo.Name, Kenpo.InsurerNumber, Kenpo.Role, Kenpo.Client) { Defects = new InsurerDefects { NeverNotifies = true } };
        RegisterLoss(new DateOnly(2026, 8, 1));
        mutant.ValidAnswers.Remember(new Chukei.Insurers.Notices.ValidAnswerLedger.Watched
        {
            Requester = "ltc-chiyoda", ServiceDate = new DateOnly(2026, 9, 15), CorrelationId = "c", InsurerLogEntryId = "I-1", RelayLogEntryId = "L1",
            Insured = new Contracts.Tokens.SealedInsured { Kind = InsuranceKind.Medical, InsurerNumber = "06139992", Symbol = "12", Number = "3456", Branch = "02" },
            AnsweredAt = _clock.GetUtcNow(),
        });

        var outcomes = await mutant.NotifyRetroactiveChangesAsync();

        Assert.That(outcomes, Is.Empty);
    }
}

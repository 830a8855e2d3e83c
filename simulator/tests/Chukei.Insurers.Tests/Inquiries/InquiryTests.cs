using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Insurers.Tests.Inquiries;

/// <summary>Steps ③–⑤ over real HTTP between the separately started relay and insurer hosts.</summary>
public sealed class InquiryTests
{
    private const string Yaml = """
        chukei: 1
        id: inquiry-tests
        title: Inquiry tests
        seed: inquiry-tests
        clock: { start: "2026-08-03T09:00:00+09:00" }
        insurers:
          - { id: ltc-chiyoda, kind: ltc, name: 千代田区介護保険, number: "131011" }
          - { id: ltc-chuo, kind: ltc, name: 中央区介護保険, number: "131029" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
        people:
          - id: hanako
            name: 山田 花子
            birthDate: 1986-08-01
            basicPensionNumber: "1234567890"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "02", from: 2018-04-01, copaymentRatio: 20 }
            benefits:
              - { insurer: kenpo-chukei, month: 2026-06, selfPay: 96000, reimbursed: 15900 }
        steps:
          - { id: noop, action: verify-log }
        """;

    private SimulatedNetwork _network = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(9)));
        _network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(Yaml, "inquiry-tests.yaml"), _clock);
    }

    [TearDown]
    public async Task StopAsync() => await _network.DisposeAsync();

    private async Task<LookupAnswer> LookupAsync(string purpose = Purposes.LtcMedicalCombined) =>
        (await _network.RequesterFor("ltc-chiyoda").LookupAsync(new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical, Purpose = purpose, CorrelationId = "corr-1",
        })).Answer!;

    private Task<Contracts.Client.PartyResponse<InquiryAnswer>> InquireAsync(string seal, string presenter = "ltc-chiyoda", params string[] items) =>
        InquireForAsync(seal, new DateOnly(2026, 7, 31), presenter, items);

    private Task<Contracts.Client.PartyResponse<InquiryAnswer>> InquireForAsync(string seal, DateOnly serviceDate, string presenter = "ltc-chiyoda", params string[] items) =>
        _network.Insurers[presenter].Client.PostAsync<InquiryRequest, InquiryAnswer>("kenpo-chukei", "/v1/inquiries", new InquiryRequest
        {
            Seal = seal, Items = items.Length == 0 ? [DataItems.Eligibility] : items, ServiceDate = serviceDate, CorrelationId = "corr-1",
        });

    [TestCase("2026-07-30", false)]
    [TestCase("2026-07-31", true)] // the day before the 40th birthday: age 40 is reached
    public async Task Inquiry_MedicalAnswer_SaysWhetherThePersonIsASecondaryLtcInsuredOnTheServiceDate(string serviceDate, bool expected)
    {
        var lookup = await LookupAsync();

        var response = await InquireForAsync(lookup.Seal!, DateOnly.Parse(serviceDate, null));

        Assert.That(response.Answer!.Qualification!.LtcSecondaryInsured, Is.EqualTo(expected));
        Assert.That(PayloadOf(response.SignedBody!), Does.Contain("\"ltcSecondaryInsured\":" + (expected ? "true" : "false")));
    }

    [Test]
    public async Task Inquiry_LtcAnswer_CarriesNoSecondaryLtcStatus()
    {
        var lookup = (await _network.RequesterFor("kenpo-chukei").LookupAsync(new LookupRequest
        {
            Subject = new SubjectReference { Medical = new MedicalInsured { InsurerNumber = "06139992", Symbol = "12", Number = "3456", Branch = "02" } },
            TargetKind = InsuranceKind.Ltc, Purpose = Purposes.LtcMedicalCombined, CorrelationId = "corr-2",
        })).Answer!;

        var response = await _network.Insurers["kenpo-chukei"].Client.PostAsync<InquiryRequest, InquiryAnswer>("ltc-chiyoda", "/v1/inquiries", new InquiryRequest
        {
            Seal = lookup.Seal!, Items = [DataItems.Eligibility], ServiceDate = new DateOnly(2026, 7, 31), CorrelationId = "corr-2",
        });

        Assert.That(response.Answer!.Qualification!.Number, Is.EqualTo("0000012345"));
        Assert.That(PayloadOf(response.SignedBody!), Does.Contain("\"number\":\"0000012345\"").And.Not.Contain("ltcSecondaryInsured"));
    }

    /// <summary>The JSON a compact JWS response envelope signs (its body is base64url, so a text search needs it decoded).</summary>
    private static string PayloadOf(string compactJws) =>
        System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(compactJws.Split('.')[1]));

    [Test]
    public async Task Inquiry_ValidSeal_IsAnsweredForTheSealedPersonAndLoggedAtTheRelayBeforeTheAnswer()
    {
        var lookup = await LookupAsync();

        var response = await InquireAsync(lookup.Seal!, items: [DataItems.Eligibility, DataItems.Benefits]);

        var answer = response.Answer!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(EligibilityStatus.Valid));
            Assert.That(answer.Qualification!.Number, Is.EqualTo("3456"));
            Assert.That(answer.Qualification.CopaymentRatio, Is.EqualTo(20));
            Assert.That(answer.Benefits, Has.Count.EqualTo(1));
            Assert.That(answer.RelayLogEntryId, Is.EqualTo(lookup.LogEntryId));
            Assert.That(answer.CorrelationId, Is.EqualTo("corr-1"));
            var reported = _network.Relay.Store.WholeLog().SingleOrDefault(e => e.RelatedEntryId == lookup.LogEntryId);
            Assert.That(reported, Is.Not.Null, "the insurer's entry reached the relay before the answer left");
            Assert.That(reported!.RecordedBy, Is.EqualTo("kenpo-chukei"));
            Assert.That(reported.Requester, Is.EqualTo("ltc-chiyoda"));
            Assert.That(reported.Items, Is.EqualTo(new[] { DataItems.Eligibility, DataItems.Benefits }));
        });
    }

    [Test]
    public async Task Inquiry_OnlyEligibilityAskedFor_AnswersNoBenefits()
    {
        var lookup = await LookupAsync();

        var response = await InquireAsync(lookup.Seal!);

        Assert.That(response.Answer!.Benefits, Is.Null);
        Assert.That(PayloadOf(response.SignedBody!), Does.Not.Contain("selfPay"));
    }

    [Test]
    public async Task Lookup_PurposeNotAllowedForTheRequestersRole_IsRefusedByTheRelayAndLogged()
    {
        // LTC insurers may not use the childbirth lump-sum purpose (RLY-005; the target checks it again, INS-030).
        var response = await _network.RequesterFor("ltc-chiyoda").LookupAsync(new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical, Purpose = Purposes.ChildbirthLumpSum, CorrelationId = "corr-2",
        });

        Assert.That(response.Problem!.Code, Is.EqualTo("purpose-not-allowed"));
        Assert.That(response.Problem.Requirement, Is.EqualTo("RLY-005"));
        var refusal = _network.Relay.Store.WholeLog().Single(e => e.CorrelationId == "corr-2");
        Assert.That(refusal.Outcome, Is.EqualTo(AccessOutcome.Refused));
        Assert.That(refusal.Code, Is.EqualTo("purpose-not-allowed"));
    }

    [Test]
    public async Task Inquiry_SealReplayedAfterAnAnswer_IsRefusedAndLoggedAgainstTheLookup()
    {
        var lookup = await LookupAsync();
        await InquireAsync(lookup.Seal!);

        var replay = await InquireAsync(lookup.Seal!);

        Assert.That(replay.Problem!.Code, Is.EqualTo("seal-replayed"));
        var entries = _network.Relay.Store.WholeLog().Where(e => e.RelatedEntryId == lookup.LogEntryId).ToList();
        Assert.That(entries.Select(e => e.Outcome), Is.EqualTo(new[] { AccessOutcome.Answered, AccessOutcome.Refused }));
        Assert.That(entries[1].PersonId, Is.EqualTo(_network.PersonIds["hanako"]), "the person sees the refused attempt");
    }

    [Test]
    public async Task Inquiry_Benefits_AreThoseOfTheCalculationPeriodOfTheServiceDate()
    {
        var lookup = await LookupAsync();

        var response = await _network.Insurers["ltc-chiyoda"].Client.PostAsync<InquiryRequest, InquiryAnswer>("kenpo-chukei", "/v1/inquiries", new InquiryRequest
        {
            Seal = lookup.Seal!, Items = [DataItems.Eligibility, DataItems.Benefits], ServiceDate = new DateOnly(2026, 8, 1), CorrelationId = "corr-1",
        });

        Assert.That(response.Answer!.Benefits, Is.Empty, "June 2026 belongs to the 2025-08 … 2026-07 period, not 2026-08 … 2027-07");
    }

    [Test]
    public async Task Inquiry_SealPresentedByAnotherParty_IsRefusedAsRequesterMismatchAndTheRightfulRequesterCanStillUseIt()
    {
        var lookup = await LookupAsync();

        var stolen = await InquireAsync(lookup.Seal!, presenter: "ltc-chuo");
        var rightful = await InquireAsync(lookup.Seal!);

        Assert.That(stolen.Problem!.Code, Is.EqualTo("seal-requester-mismatch"));
        Assert.That(rightful.Answer!.Status, Is.EqualTo(EligibilityStatus.Valid), "a thief cannot burn the seal for its owner");
    }

    [Test]
    public async Task Inquiry_UnreadableSeal_IsRefusedAndStillLogged()
    {
        var lookup = await LookupAsync();
        var parts = lookup.Seal!.Split('.');
        parts[3] = "A" + parts[3][1..];

        var response = await InquireAsync(string.Join('.', parts));

        Assert.That(response.Problem!.Code, Is.EqualTo("seal-decrypt-failed"));
        Assert.That(_network.Relay.Store.WholeLog().Count(e => e.RecordedBy == "kenpo-chukei" && e.Outcome == AccessOutcome.Refused), Is.EqualTo(1));
        Assert.That(_network.Insurers["kenpo-chukei"].AccessLog.Single().Code, Is.EqualTo("seal-decrypt-failed"));
    }

    [Test]
    public async Task Routed_Inquiry_ReturnsTheTargetsOwnSignedAnswerAddressedToTheRequester()
    {
        var trace = await _network.RequesterFor("ltc-chiyoda").RunRoutedAsync(new RoutedInquiryRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical, Purpose = Purposes.LtcMedicalCombined, Items = [DataItems.Eligibility],
            ServiceDate = new DateOnly(2026, 7, 31), CorrelationId = "routed-1",
        });

        Assert.That(trace.Routed!.Answer!.Outcome, Is.EqualTo(LookupOutcome.Found));
        Assert.That(trace.Inquiry!.Answer!.Status, Is.EqualTo(EligibilityStatus.Valid));
        var insurerEntry = _network.Relay.Store.WholeLog().Single(e => e.RecordedBy == "kenpo-chukei");
        Assert.That(insurerEntry.Requester, Is.EqualTo("ltc-chiyoda"), "logged for the original requester, not the relay");
    }
}

using Chukei.Scenarios.Network;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;

namespace Chukei.Relay.Tests.RetroactiveNotices;

/// <summary>
/// Retroactive-change notices at the relay (docs/protocol.md §9.2.1): accepted only for an answer the insurer gave that
/// requester (ELG-018), logged for the person (LOG-031), kept once (ELG-019), handed to that requester alone until
/// acknowledged (ELG-020); bad input is problem+json.
/// </summary>
public sealed class RetroactiveNoticeTests : NetworkTest
{
    private const string NoticesPath = "/v1/retroactive-change-notices";
    private const string PickupPath = "/v1/retroactive-change-notices/pickups";
    private static readonly DateOnly ServiceDate = new(2026, 7, 31);

    /// <summary>ltc-chiyoda asks kenpo-chukei about Hanako for 31 July and is told valid; returns the answer.</summary>
    private async Task<InquiryAnswer> AnsweredValidAsync(string correlationId = "c-valid")
    {
        var trace = await Network.RequesterFor("ltc-chiyoda").RunDirectAsync(new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical, Purpose = Purposes.EligibilityCheck, CorrelationId = correlationId,
        }, [DataItems.Eligibility], ServiceDate);
        var answer = trace.Inquiry!.Answer!;
        Assert.That(answer.Status, Is.EqualTo(EligibilityStatus.Valid), "precondition: the first answer is valid");
        return answer;
    }

    private RetroactiveChangeNotice NoticeFor(InquiryAnswer answer, string noticeId = "N-1", string requester = "ltc-chiyoda") => new()
    {
        NoticeId = noticeId, Requester = requester, RelayLogEntryId = answer.RelayLogEntryId, InsurerLogEntryId = answer.InsurerLogEntryId,
        CorrelationId = answer.CorrelationId, ServiceDate = answer.ServiceDate, PreviousStatus = EligibilityStatus.Valid,
        Status = EligibilityStatus.Invalid, DisqualificationDate = new DateOnly(2026, 7, 1), ReasonOfLoss = LossReasons.Other, RegisteredAt = Clock.GetUtcNow(),
    };

    private Task<PartyResponse<RetroactiveChangeNoticeAnswer>> SendAsync(RetroactiveChangeNotice notice, string from = "kenpo-chukei") =>
        Network.Insurers[from].Client.PostAsync<RetroactiveChangeNotice, RetroactiveChangeNoticeAnswer>(Network.Directory.RelayId, NoticesPath, notice);

    private async Task<RetroactiveNoticePickupAnswer> PickupAsync(string by, params string[] acknowledge)
    {
        var response = await Network.Insurers[by].Client.PostAsync<RetroactiveNoticePickup, RetroactiveNoticePickupAnswer>(Network.Directory.RelayId, PickupPath,
            new RetroactiveNoticePickup { Acknowledge = acknowledge, CorrelationId = "pickup" });
        Assert.That(response.IsSuccess, Is.True, response.Problem?.Detail);
        return response.Answer!;
    }

    [Test]
    public async Task Notice_AfterARegisteredRetroactiveLoss_IsLoggedForThePersonAndPickedUpByTheRequesterOnly()
    {
        // Arrange: a valid answer, then kenpo-chukei registers a loss from 1 July.
        var answer = await AnsweredValidAsync();
        Clock.Advance(TimeSpan.FromDays(10));
        var kenpo = Network.Insurers["kenpo-chukei"];
        kenpo.Book.Add(new QualificationFact
        {
            QualificationId = SimulatedNetwork.QualificationIdOf(1), PersonKey = "1234567890", Kind = InsuranceKind.Medical, Symbol = "12", Number = "3456", Branch = "02",
            QualificationDate = new DateOnly(2018, 4, 1), DisqualificationDate = new DateOnly(2026, 7, 1), ReasonOfLoss = LossReasons.Other,
            NotifiedAt = Clock.GetUtcNow(), RegisteredAt = Clock.GetUtcNow(),
        });

        // Act
        var sent = await kenpo.NotifyRetroactiveChangesAsync();
        var picked = await PickupAsync("ltc-chiyoda");
        var other = await PickupAsync("kyokai-tokyo");

        // Assert
        var log = Network.Relay.Store.LogOf(Network.PersonIds["hanako"]);
        var entry = log.Single(e => e.Action == AccessAction.RetroactiveChangeNotice);
        Assert.Multiple(() =>
        {
            Assert.That(sent.Select(s => s.Result), Is.EqualTo(new[] { "accepted" }));
            Assert.That(entry.Requester, Is.EqualTo("ltc-chiyoda"));
            Assert.That(entry.Provider, Is.EqualTo("kenpo-chukei"));
            Assert.That(entry.RecordedBy, Is.EqualTo(Network.Directory.RelayId));
            Assert.That(entry.RelatedEntryId, Is.EqualTo(answer.RelayLogEntryId));
            Assert.That(entry.Purpose, Is.EqualTo(Purposes.EligibilityCheck));
            Assert.That(entry.CorrelationId, Is.EqualTo("c-valid"));
            Assert.That(picked.Notices, Has.Count.EqualTo(1));
            var n = picked.Notices[0];
            Assert.That(n.LogEntryId, Is.EqualTo(entry.EntryId));
            Assert.That(n.Provider, Is.EqualTo("kenpo-chukei"));
            Assert.That(n.Notice.Status, Is.EqualTo(EligibilityStatus.Invalid));
            Assert.That(n.Notice.DisqualificationDate, Is.EqualTo(new DateOnly(2026, 7, 1)));
            Assert.That(n.Notice.ServiceDate, Is.EqualTo(ServiceDate));
            Assert.That(n.Notice.InsurerLogEntryId, Is.EqualTo(answer.InsurerLogEntryId));
            Assert.That(other.Notices, Is.Empty, "another party never sees the notice");
        });
    }

    [Test]
    public async Task Pickup_ReturnsANoticeUntilItIsAcknowledged()
    {
        var answer = await AnsweredValidAsync();
        var accepted = (await SendAsync(NoticeFor(answer))).Answer!;

        var first = await PickupAsync("ltc-chiyoda");
        var again = await PickupAsync("ltc-chiyoda");
        var acknowledged = await PickupAsync("ltc-chiyoda", accepted.LogEntryId);
        var ackRepeated = await PickupAsync("ltc-chiyoda", accepted.LogEntryId);

        Assert.Multiple(() =>
        {
            Assert.That(first.Notices.Select(n => n.LogEntryId), Is.EqualTo(new[] { accepted.LogEntryId }));
            Assert.That(again.Notices.Select(n => n.LogEntryId), Is.EqualTo(new[] { accepted.LogEntryId }), "not acknowledged: returned again");
            Assert.That(acknowledged.Notices, Is.Empty);
            Assert.That(ackRepeated.Notices, Is.Empty);
        });
    }

    [Test]
    public async Task Notice_ResentWithTheSameId_IsAcknowledgedWithTheFirstEntryAndKeptOnce()
    {
        var answer = await AnsweredValidAsync();
        var first = (await SendAsync(NoticeFor(answer))).Answer!;
        Clock.Advance(TimeSpan.FromHours(1));

        var resent = await SendAsync(NoticeFor(answer));
        var picked = await PickupAsync("ltc-chiyoda");

        Assert.Multiple(() =>
        {
            Assert.That(resent.Answer!.LogEntryId, Is.EqualTo(first.LogEntryId));
            Assert.That(resent.Answer.ReceivedAt, Is.EqualTo(first.ReceivedAt));
            Assert.That(Network.Relay.Store.WholeLog().Count(e => e.Action == AccessAction.RetroactiveChangeNotice), Is.EqualTo(1));
            Assert.That(picked.Notices, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Notice_ForAnAnswerOfAnotherInsurerOrRequester_IsNoticeEntryUnknown()
    {
        var answer = await AnsweredValidAsync();

        var byOtherInsurer = await SendAsync(NoticeFor(answer), from: "kyokai-tokyo");
        var toOtherRequester = await SendAsync(NoticeFor(answer, requester: "kyokai-tokyo"));
        var unknownEntry = await SendAsync(NoticeFor(answer) with { RelayLogEntryId = "L9999999999" });

        Assert.Multiple(() =>
        {
            foreach (var r in new[] { byOtherInsurer, toOtherRequester, unknownEntry })
            {
                Assert.That(r.Status, Is.EqualTo(400));
                Assert.That(r.Problem!.Code, Is.EqualTo("notice-entry-unknown"));
                Assert.That(r.Problem.Field, Is.EqualTo("/relayLogEntryId"));
            }
            Assert.That(Network.Relay.Store.WholeLog().Any(e => e.Action == AccessAction.RetroactiveChangeNotice), Is.False, "nothing logged for a refusal");
        });
    }

    [Test]
    public async Task Notice_ForALookupTheInsurerNeverAnswered_IsNoticeEntryUnknown()
    {
        // A lookup alone: a seal was issued but kenpo-chukei was never asked, so it has no answer to correct.
        var lookup = (await Network.RequesterFor("ltc-chiyoda").LookupAsync(new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical, Purpose = Purposes.EligibilityCheck, CorrelationId = "c-lookup",
        })).Answer!;
        var notice = new RetroactiveChangeNotice
        {
            NoticeId = "N-2", Requester = "ltc-chiyoda", RelayLogEntryId = lookup.LogEntryId, InsurerLogEntryId = "I-none", CorrelationId = "c-lookup",
            ServiceDate = ServiceDate, PreviousStatus = EligibilityStatus.Valid, Status = EligibilityStatus.Invalid, RegisteredAt = Clock.GetUtcNow(),
        };

        var response = await SendAsync(notice);

        Assert.That(response.Problem?.Code, Is.EqualTo("notice-entry-unknown"));
    }

    [TestCase("status", "/status")]
    [TestCase("previousStatus", "/previousStatus")]
    [TestCase("noticeId", "/noticeId")]
    [TestCase("requester", "/requester")]
    [TestCase("reasonOfLoss", "/reasonOfLoss")]
    public async Task Notice_WithABadMember_IsInvalidFieldNamingIt(string member, string field)
    {
        var answer = await AnsweredValidAsync();
        var notice = NoticeFor(answer);
        notice = member switch
        {
            "status" => notice with { Status = EligibilityStatus.Valid },
            "previousStatus" => notice with { PreviousStatus = EligibilityStatus.Invalid },
            "noticeId" => notice with { NoticeId = new string('n', 65) },
            "requester" => notice with { Requester = "Not A Party" },
            _ => notice with { ReasonOfLoss = "42" },
        };

        var response = await SendAsync(notice);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400));
            Assert.That(response.Problem!.Code, Is.EqualTo("invalid-field"));
            Assert.That(response.Problem.Field, Is.EqualTo(field));
        });
    }

    [Test]
    public async Task Notice_FromAClinicOrPortal_AndPickupByThePortal_AreRoleNotAllowed()
    {
        var answer = await AnsweredValidAsync();
        var portal = Network.NewClient(Network.Portal);

        var fromPortal = await portal.PostAsync<RetroactiveChangeNotice, RetroactiveChangeNoticeAnswer>(Network.Directory.RelayId, NoticesPath, NoticeFor(answer));
        var pickupByPortal = await portal.PostAsync<RetroactiveNoticePickup, RetroactiveNoticePickupAnswer>(Network.Directory.RelayId, PickupPath,
            new RetroactiveNoticePickup { CorrelationId = "p" });

        Assert.Multiple(() =>
        {
            Assert.That(fromPortal.Status, Is.EqualTo(403));
            Assert.That(fromPortal.Problem!.Code, Is.EqualTo("role-not-allowed"));
            Assert.That(pickupByPortal.Problem!.Code, Is.EqualTo("role-not-allowed"));
        });
    }

    [Test]
    public async Task Pickup_AcknowledgingTooManyOrMalformedIds_IsInvalidField()
    {
        var client = Network.Insurers["ltc-chiyoda"].Client;

        var tooMany = await client.PostAsync<RetroactiveNoticePickup, RetroactiveNoticePickupAnswer>(Network.Directory.RelayId, PickupPath,
            new RetroactiveNoticePickup { Acknowledge = Enumerable.Range(0, 101).Select(i => $"L{i}").ToList(), CorrelationId = "p" });
        var blank = await client.PostAsync<RetroactiveNoticePickup, RetroactiveNoticePickupAnswer>(Network.Directory.RelayId, PickupPath,
            new RetroactiveNoticePickup { Acknowledge = ["ok", " "], CorrelationId = "p" });

        Assert.Multiple(() =>
        {
            Assert.That(tooMany.Problem?.Field, Is.EqualTo("/acknowledge"));
            Assert.That(blank.Problem?.Code, Is.EqualTo("invalid-field"));
            Assert.That(blank.Problem?.Field, Is.EqualTo("/acknowledge/1"));
        });
    }

    [TestCase(NoticesPath)]
    [TestCase(PickupPath)]
    public async Task Post_Unauthenticated_IsProblemJsonWithoutEffect(string path)
    {
        using var http = new HttpClient();
        using var plain = new StringContent("{\"noticeId\":\"N-1\"}", Encoding.UTF8);
        plain.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var unsigned = new StringContent("garbage", Encoding.ASCII);
        unsigned.Headers.ContentType = new MediaTypeHeaderValue(ProtocolConstants.JoseMediaType);

        using var asJson = await http.PostAsync(Network.RelayUrl + path, plain);
        using var asGarbage = await http.PostAsync(Network.RelayUrl + path, unsigned);

        var problem = JsonDocument.Parse(await asGarbage.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That((int)asJson.StatusCode, Is.EqualTo(415));
            Assert.That((int)asGarbage.StatusCode, Is.EqualTo(401));
            Assert.That(asGarbage.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProtocolConstants.ProblemMediaType));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("auth-malformed"));
            Assert.That(Network.Relay.Store.WholeLog().Any(e => e.Action == AccessAction.RetroactiveChangeNotice), Is.False);
        });
    }
}

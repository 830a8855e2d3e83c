using Chukei.Contracts;
using Chukei.Contracts.Json;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;

namespace Chukei.Relay.Tests.CardEligibility;

/// <summary>The reception check with a good card, over real HTTP (CLN-001, CLN-020 … CLN-023).</summary>
public sealed class CardEligibilityTests
{
    private CardEligibilityNetwork _net = null!;

    [SetUp]
    public async Task StartAsync() => _net = await CardEligibilityNetwork.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _net.DisposeAsync();

    private InquiryAnswer Forwarded(CardEligibilityAnswer answer)
    {
        // The clinic verifies the insurer's own signature on the forwarded answer (CLN-036, RLY-025).
        var envelope = _net.Clinic.Verifier.VerifyForwardedResponse(answer.TargetAnswer!, answer.Target!.PartyId);
        return ProtocolJson.Deserialize<InquiryAnswer>(envelope.Claims.Body, "forwarded answer");
    }

    private static string Payload(string compactJws) =>
        System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(compactJws.Split('.')[1]));

    [Test]
    public async Task Challenge_IsFresh43CharactersAndLivesSixtySeconds()
    {
        // Act
        var first = await _net.ClientOf(_net.Clinic).PostAsync<CardChallengeRequest, CardChallenge>(_net.Network.Directory.RelayId, "/v1/card-challenges", new CardChallengeRequest { CorrelationId = "c1" });
        var second = await _net.ClientOf(_net.Clinic).PostAsync<CardChallengeRequest, CardChallenge>(_net.Network.Directory.RelayId, "/v1/card-challenges", new CardChallengeRequest { CorrelationId = "c2" });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(first.Answer!.Challenge, Has.Length.EqualTo(43));
            Assert.That(second.Answer!.Challenge, Is.Not.EqualTo(first.Answer.Challenge));
            Assert.That(first.Answer.ExpiresAt, Is.EqualTo(_net.Clock.GetUtcNow().AddSeconds(60)));
            Assert.That(first.Answer.CorrelationId, Is.EqualTo("c1"));
        });
    }

    [Test]
    public async Task Check_ValidCard_AnswersTheInsurersSignedEligibilityAndLogsItForThePerson()
    {
        // Act
        var response = await _net.CheckWithAsync(TestCards.Valid);

        // Assert
        Assert.That(response.IsSuccess, Is.True, response.Problem?.Code);
        var answer = response.Answer!;
        var inquiry = Forwarded(answer);
        var entry = _net.LastEntry();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(LookupOutcome.Found));
            Assert.That(answer.CertificateStatus, Is.EqualTo(CardCertificateStatus.Valid));
            Assert.That(answer.CertificateNotAfter, Is.GreaterThan(_net.Clock.GetUtcNow()));
            Assert.That(answer.Target!.PartyId, Is.EqualTo("kenpo-chukei"));
            Assert.That(answer.ServiceDate, Is.EqualTo(_net.Today));
            Assert.That(inquiry.Status, Is.EqualTo(EligibilityStatus.Valid));
            Assert.That(inquiry.ChangePending, Is.False);
            Assert.That(inquiry.Qualification!.CopaymentRatio, Is.EqualTo(30));
            Assert.That(inquiry.ServiceDate, Is.EqualTo(_net.Today));
            Assert.That(inquiry.RelayLogEntryId, Is.EqualTo(answer.LogEntryId));
            Assert.That(inquiry.CorrelationId, Is.EqualTo("card-check-1"));
            Assert.That(entry.EntryId, Is.Not.EqualTo(answer.LogEntryId), "the insurer's report follows the relay's entry");
        });
        var relayEntry = _net.Network.Relay.Store.WholeLog().Single(e => e.EntryId == answer.LogEntryId);
        Assert.Multiple(() =>
        {
            Assert.That(relayEntry.Action, Is.EqualTo(AccessAction.RoutedInquiry));
            Assert.That(relayEntry.Requester, Is.EqualTo(CardEligibilityNetwork.ClinicId));
            Assert.That(relayEntry.Provider, Is.EqualTo("kenpo-chukei"));
            Assert.That(relayEntry.PersonId, Is.EqualTo(_net.Network.PersonIds["hanako"]));
            Assert.That(relayEntry.Items, Is.EqualTo(new[] { DataItems.Eligibility }));
            Assert.That(relayEntry.Purpose, Is.EqualTo(Purposes.EligibilityCheck));
            Assert.That(relayEntry.Outcome, Is.EqualTo(AccessOutcome.Answered));
            Assert.That(Payload(response.SignedBody!), Does.Not.Contain(_net.Network.PersonIds["hanako"]), "ID-012");
            Assert.That(_net.Network.Relay.Store.WholeLog().Any(e => e.RelatedEntryId == answer.LogEntryId && e.RecordedBy == "kenpo-chukei"), Is.True,
                "the insurer's report reconciles the entry (LOG-013)");
        });
    }

    [Test]
    public async Task Check_CertificateExpiredWithinGrace_IsAnsweredAsEligibilityOnlyWithGraceStatus()
    {
        // Act
        var response = await _net.CheckWithAsync(TestCards.WithinGrace);

        // Assert
        Assert.That(response.IsSuccess, Is.True, response.Problem?.Code);
        Assert.Multiple(() =>
        {
            Assert.That(response.Answer!.CertificateStatus, Is.EqualTo(CardCertificateStatus.ExpiredWithinGrace));
            Assert.That(response.Answer.CertificateNotAfter, Is.LessThan(_net.Clock.GetUtcNow()));
            Assert.That(Forwarded(response.Answer).Benefits, Is.Null, "eligibility only");
        });
    }

    [Test]
    public async Task Check_InsurerHasAPendingChange_ForwardsChangePending()
    {
        // Arrange: the insurer was told of hanako's loss but has not registered it yet (ELG-004).
        var now = _net.Clock.GetUtcNow();
        _net.Network.Insurers["kenpo-chukei"].Book.Add(new QualificationFact
        {
            QualificationId = "hanako/0-pending", PersonKey = "1234567890", Kind = InsuranceKind.Medical, Symbol = "12", Number = "3456", Branch = "02",
            QualificationDate = new DateOnly(2018, 4, 1), DisqualificationDate = _net.Today.AddDays(-1), ReasonOfLoss = "03",
            NotifiedAt = now.AddHours(-2), RegisteredAt = now.AddDays(5),
        });

        // Act
        var response = await _net.CheckWithAsync(TestCards.Valid);

        // Assert
        var inquiry = Forwarded(response.Answer!);
        Assert.Multiple(() =>
        {
            Assert.That(inquiry.Status, Is.EqualTo(EligibilityStatus.Valid));
            Assert.That(inquiry.ChangePending, Is.True);
            Assert.That(inquiry.PendingSince, Is.EqualTo(now.AddHours(-2)));
        });
    }

    [Test]
    public async Task Check_NoEnrolmentCoversTheServiceDate_IsNoCurrentCoverageWithoutTarget()
    {
        // Act: jiro's only medical enrolment ended on 2026-04-01.
        var response = await _net.CheckWithAsync(TestCards.OtherPerson);

        // Assert
        Assert.That(response.IsSuccess, Is.True, response.Problem?.Code);
        Assert.Multiple(() =>
        {
            Assert.That(response.Answer!.Outcome, Is.EqualTo(LookupOutcome.NoCurrentCoverage));
            Assert.That(response.Answer.Target, Is.Null);
            Assert.That(response.Answer.TargetAnswer, Is.Null);
            Assert.That(_net.LastEntry().Outcome, Is.EqualTo(AccessOutcome.NotFound));
            Assert.That(_net.LastEntry().PersonId, Is.EqualTo(_net.Network.PersonIds["jiro"]));
        });
    }

    [Test]
    public async Task Check_PastServiceDate_IsAnsweredByTheInsurerOfThatDate()
    {
        // Act: on 2026-03-02 jiro was still insured at kyokai-tokyo.
        var response = await _net.CheckWithAsync(TestCards.OtherPerson, new DateOnly(2026, 3, 2));

        // Assert
        Assert.That(response.IsSuccess, Is.True, response.Problem?.Code);
        var inquiry = Forwarded(response.Answer!);
        Assert.Multiple(() =>
        {
            Assert.That(response.Answer!.Target!.PartyId, Is.EqualTo("kyokai-tokyo"));
            Assert.That(inquiry.Status, Is.EqualTo(EligibilityStatus.Valid));
            Assert.That(inquiry.ServiceDate, Is.EqualTo(new DateOnly(2026, 3, 2)));
        });
    }

    [Test]
    public async Task Check_InsurerNotListening_IsTargetUnavailableAndLoggedTwice()
    {
        // Arrange: hanako's insurer moved to an address where nothing listens.
        var insurer = _net.Network.Directory.Find("kenpo-chukei")!;
        _net.Network.Directory.Upsert(insurer with { BaseUrl = "http://127.0.0.1:9/kenpo-chukei" });

        // Act
        var response = await _net.CheckWithAsync(TestCards.Valid);

        // Assert
        var entries = _net.Network.Relay.Store.WholeLog().Where(e => e.Requester == CardEligibilityNetwork.ClinicId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(502));
            Assert.That(response.Problem!.Code, Is.EqualTo("target-unavailable"));
            Assert.That(entries.Select(e => e.Outcome), Is.EqualTo(new[] { AccessOutcome.Answered, AccessOutcome.Refused }));
            Assert.That(entries[1].RelatedEntryId, Is.EqualTo(entries[0].EntryId));
            Assert.That(entries[1].Code, Is.EqualTo("target-unavailable"));
        });
    }
}

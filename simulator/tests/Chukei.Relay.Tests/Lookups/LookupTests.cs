using Chukei.Contracts;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;

namespace Chukei.Relay.Tests.Lookups;

public sealed class LookupTests : NetworkTest
{
    private static LookupRequest ByLtc(string number, InsuranceKind target = InsuranceKind.Medical) => new()
    {
        Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = number } },
        TargetKind = target,
        Purpose = Purposes.LtcMedicalCombined,
        CorrelationId = "test-" + number,
    };

    [Test]
    public async Task Lookup_OwnNumberWithCurrentMedical_AnswersFoundWithSealOnlyTheTargetCanOpen()
    {
        // Arrange
        var requester = Network.RequesterFor("ltc-chiyoda");

        // Act
        var response = await requester.LookupAsync(ByLtc("0000012345"));

        // Assert
        var answer = response.Answer!;
        Assert.That(answer.Outcome, Is.EqualTo(LookupOutcome.Found));
        Assert.That(answer.Target!.PartyId, Is.EqualTo("kenpo-chukei"));
        var asTarget = Open(answer.Seal!, "kenpo-chukei", "ltc-chiyoda");
        var asRequester = Open(answer.Seal!, "ltc-chiyoda", "ltc-chiyoda");
        Assert.Multiple(() =>
        {
            Assert.That(asTarget.IsValid, Is.True, asTarget.Detail);
            Assert.That(asTarget.Claims!.Insured.Number, Is.EqualTo("3456"));
            Assert.That(asTarget.Claims.Insured.Branch, Is.EqualTo("02"));
            Assert.That(asTarget.Claims.Requester, Is.EqualTo("ltc-chiyoda"));
            Assert.That(asTarget.Claims.LogEntryId, Is.EqualTo(answer.LogEntryId));
            Assert.That(asRequester.Failure, Is.EqualTo(Contracts.Problems.ProblemCodes.SealRecipientKey), "the requester must not be able to open B's seal");
            Assert.That(answer.Seal, Does.Not.Contain("3456"));
        });
    }

    [Test]
    public async Task Lookup_UnknownNumber_AnswersNotFoundWithoutSealAndLogsIt()
    {
        var response = await Network.RequesterFor("ltc-chiyoda").LookupAsync(ByLtc("0000099999"));

        Assert.That(response.Answer!.Outcome, Is.EqualTo(LookupOutcome.NotFound));
        Assert.That(response.Answer.Seal, Is.Null);
        Assert.That(Network.Relay.Store.FindLogEntry(response.Answer.LogEntryId)!.Outcome, Is.EqualTo(AccessOutcome.NotFound));
    }

    [Test]
    public async Task Lookup_PersonWhoseMedicalEnded_AnswersNoCurrentCoverage()
    {
        var response = await Network.RequesterFor("ltc-chiyoda").LookupAsync(ByLtc("0000055555"));

        Assert.That(response.Answer!.Outcome, Is.EqualTo(LookupOutcome.NoCurrentCoverage));
    }

    [Test]
    public async Task Lookup_PersonWithTwoCurrentMedicalEnrolments_AnswersMultipleMatchesAndNeverPicks()
    {
        var response = await Network.RequesterFor("ltc-chiyoda").LookupAsync(ByLtc("0000077777"));

        Assert.That(response.Answer!.Outcome, Is.EqualTo(LookupOutcome.MultipleMatches));
        Assert.That(response.Answer.Seal, Is.Null);
    }

    [Test]
    public async Task Lookup_NumberTheCallerDoesNotOwn_IsRefusedAsSubjectNotOwned()
    {
        // A medical insurer presents an LTC insurer's number.
        var response = await Network.RequesterFor("kenpo-chukei").LookupAsync(ByLtc("0000012345"));

        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(response.Problem!.Code, Is.EqualTo("subject-not-owned"));
        Assert.That(response.Problem.Detail, Does.Not.Contain("0000012345"), "problems carry no personal data");
    }

    [Test]
    public async Task Lookup_AfterLossAndNewAcquisitionRegistered_FollowsTheRelaysRegistration()
    {
        // Arrange: B registers hanako's loss at the relay; another insurer registers her new enrolment.
        var kenpo = Network.Insurers["kenpo-chukei"].Client;
        var kyokai = Network.Insurers["kyokai-tokyo"].Client;
        var lost = await kenpo.PostAsync<EnrolmentUpdate, EnrolmentAnswer>("relay.chukei.test", "/v1/enrolments", new EnrolmentUpdate
        {
            BasicPensionNumber = "1234567890", Event = EnrolmentEvent.Lost, EffectiveDate = new DateOnly(2026, 8, 1),
            Medical = new MedicalInsured { InsurerNumber = "06139992", Symbol = "12", Number = "3456", Branch = "02" }, CorrelationId = "loss",
        });
        var afterLoss = await Network.RequesterFor("ltc-chiyoda").LookupAsync(ByLtc("0000012345"));
        Clock.Advance(TimeSpan.FromDays(3));
        var acquired = await kyokai.PostAsync<EnrolmentUpdate, EnrolmentAnswer>("relay.chukei.test", "/v1/enrolments", new EnrolmentUpdate
        {
            BasicPensionNumber = "1234567890", Event = EnrolmentEvent.Acquired, EffectiveDate = new DateOnly(2026, 8, 1),
            Medical = new MedicalInsured { InsurerNumber = "01130004", Symbol = "88", Number = "42", Branch = "00" }, CorrelationId = "acq",
        });

        // Act
        var afterAcquisition = await Network.RequesterFor("ltc-chiyoda").LookupAsync(ByLtc("0000012345"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(lost.Answer!.Outcome, Is.EqualTo(EnrolmentOutcome.Registered));
            Assert.That(acquired.Answer!.Outcome, Is.EqualTo(EnrolmentOutcome.Registered));
            Assert.That(afterLoss.Answer!.Outcome, Is.EqualTo(LookupOutcome.NoCurrentCoverage));
            Assert.That(afterAcquisition.Answer!.Target!.PartyId, Is.EqualTo("kyokai-tokyo"));
            Assert.That(afterAcquisition.Answer.AsOf, Is.EqualTo(TestNetwork.Start.AddDays(3)), "asOf is when the relay registered the link");
        });
    }

    [Test]
    public async Task Enrolment_UnderAnotherInsurersNumber_IsRefused()
    {
        var kenpo = Network.Insurers["kenpo-chukei"].Client;

        var response = await kenpo.PostAsync<EnrolmentUpdate, EnrolmentAnswer>("relay.chukei.test", "/v1/enrolments", new EnrolmentUpdate
        {
            BasicPensionNumber = "1234567890", Event = EnrolmentEvent.Lost, EffectiveDate = new DateOnly(2026, 8, 1),
            Medical = new MedicalInsured { InsurerNumber = "01130004", Symbol = "77", Number = "1", Branch = "00" }, CorrelationId = "forged",
        });

        Assert.That(response.Problem!.Code, Is.EqualTo("insurer-number-not-owned"));
    }

    private SealVerification Open(string seal, string asParty, string caller) =>
        SealVerifier.Verify(seal, new SealVerificationContext
        {
            SelfId = asParty,
            OwnKeys = Network.Insurers[asParty].Self.Keys,
            Directory = Network.Directory,
            ReplayCache = new MemoryReplayCache(Clock),
            Time = Clock,
            CallerId = caller,
            RequestedItems = [DataItems.Eligibility],
        });
}

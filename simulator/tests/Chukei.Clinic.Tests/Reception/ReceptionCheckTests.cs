using Chukei.Scenarios.Network;
using Chukei.Clinic.CardAccess;
using Chukei.Clinic.Reception;
using Chukei.Contracts;
using Chukei.Contracts.Wire;
using Chukei.Insurers.Records;

namespace Chukei.Clinic.Tests.Reception;

/// <summary>The reference clinic against the reference relay and insurers, with the in-process virtual card (§13.5).</summary>
public sealed class ReceptionCheckTests
{
    private ClinicNetwork _net = null!;

    [SetUp]
    public async Task StartAsync() => _net = await ClinicNetwork.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _net.DisposeAsync();

    [Test]
    public async Task Check_ValidCardRightPin_IsEligibleWithTheInsurersSignedAnswer()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.Eligible), conclusion.Reason);
            Assert.That(conclusion.InsurerAnswer!.Status, Is.EqualTo(EligibilityStatus.Valid));
            Assert.That(conclusion.InsurerAnswer.Qualification!.CopaymentRatio, Is.EqualTo(30));
            Assert.That(conclusion.InsurerAnswer.ServiceDate, Is.EqualTo(_net.Today));
            Assert.That(conclusion.RelayAnswer!.Target!.PartyId, Is.EqualTo("kenpo-chukei"));
            Assert.That(conclusion.RenewalAlert, Is.False);
            // SELECT AP, SELECT EF, READ BINARY…, SELECT EF, counter query, VERIFY, SELECT EF, SIGN.
            Assert.That(log.Instructions()[0], Is.EqualTo(0xA4));
            Assert.That(log.CounterQueries(), Is.EqualTo(1));
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(1));
            Assert.That(log.Signs(), Is.EqualTo(1));
            Assert.That(log.Instructions().ToList().IndexOf(0x20), Is.GreaterThan(log.Instructions().ToList().IndexOf(0xB0)), "certificate read before the PIN");
        });
        var entry = _net.Network.Relay.Store.WholeLog().Single(e => e.EntryId == conclusion.RelayAnswer!.LogEntryId);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Requester, Is.EqualTo(ClinicNetwork.ClinicId));
            Assert.That(entry.PersonId, Is.EqualTo(_net.Network.PersonIds["hanako"]));
            Assert.That(entry.Outcome, Is.EqualTo(AccessOutcome.Answered));
        });
    }

    [Test]
    public async Task Check_PinNotFourDigits_SendsNothingToTheCard()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid);

        var conclusions = new[] { "12a4", "123", "12345", "１２３４", "" };
        var results = new List<ReceptionConclusion>();
        foreach (var pin in conclusions) results.Add(await _net.Reception.CheckAsync(card, pin, _net.Today));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Reason), Is.All.EqualTo(CardFailures.PinFormat));
            Assert.That(results.Select(r => r.Kind), Is.All.EqualTo(ConclusionKind.CardProblem));
            Assert.That(log.Commands(), Is.Empty);
        });
    }

    [Test]
    public async Task Check_WrongPin_ReportsTriesLeftAndSendsOneVerifyOnly()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid);

        var conclusion = await _net.Reception.CheckAsync(card, "9999", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(conclusion.Reason, Is.EqualTo(CardFailures.PinWrong));
            Assert.That(conclusion.PinTriesLeft, Is.EqualTo(2));
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(1), "no automatic retry (CLN-032)");
            Assert.That(log.Signs(), Is.Zero);
            Assert.That(_net.Network.Relay.Store.WholeLog().Any(e => e.Requester == ClinicNetwork.ClinicId), Is.False);
        });
    }

    [Test]
    public async Task Check_LastTryWrong_ReportsBlocked()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid, authPinTriesLeft: 1);

        var conclusion = await _net.Reception.CheckAsync(card, "9999", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Reason, Is.EqualTo(CardFailures.PinBlocked));
            Assert.That(conclusion.PinTriesLeft, Is.Zero);
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Check_PinAlreadyBlocked_SendsNoVerifyWithData()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid, authPinTriesLeft: 0);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Reason, Is.EqualTo(CardFailures.PinBlocked));
            Assert.That(conclusion.PinTriesLeft, Is.Zero);
            Assert.That(log.CounterQueries(), Is.EqualTo(1));
            Assert.That(log.VerifiesWithPin(), Is.Zero, "CLN-031");
        });
    }

    [Test]
    public async Task Check_TraceAndCardLog_NeverContainThePin()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.CardTrace, Has.None.Contains("1234").And.None.Contains("31 32 33 34").And.None.Contains("31323334"));
            Assert.That(log.Select(e => e.Text), Has.None.Contains("31 32 33 34"));
        });
    }

    [Test]
    public async Task Check_CardRemovedDuringCertificateRead_IsCardRemovedThenStartsOverFromSelect()
    {
        var (virtualCard, log) = _net.Card(ClinicNetwork.Issued.Valid);
        var card = new RemovableCard(virtualCard);
        card.RemoveOn(RemovableCard.IsReadBinary);

        var removed = await _net.Reception.CheckAsync(card, "1234", _net.Today);
        card.Reinsert();
        var before = log.Commands().Count();
        var again = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        var secondAttempt = log.Skip(log.FindIndex(e => e.Direction == Card.Logging.ApduDirection.Control && e.Text == "power-on")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(removed.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(removed.Reason, Is.EqualTo(CardFailures.CardRemoved));
            Assert.That(before, Is.EqualTo(2), "SELECT AP, SELECT EF; the READ BINARY never reached the card");
            Assert.That(again.Kind, Is.EqualTo(ConclusionKind.Eligible), again.Reason);
            Assert.That(secondAttempt.Instructions()[0], Is.EqualTo(0xA4), "starts over with SELECT");
            Assert.That(secondAttempt.VerifiesWithPin(), Is.EqualTo(1), "and VERIFY again");
        });
    }

    [Test]
    public async Task Check_CardRemovedBeforeSign_IsCardRemovedAndTheNextCheckVerifiesAgain()
    {
        var (virtualCard, log) = _net.Card(ClinicNetwork.Issued.Valid);
        var card = new RemovableCard(virtualCard);
        card.RemoveOn(RemovableCard.IsSign);

        var removed = await _net.Reception.CheckAsync(card, "1234", _net.Today);
        card.Reinsert();
        var again = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(removed.Reason, Is.EqualTo(CardFailures.CardRemoved));
            Assert.That(again.Kind, Is.EqualTo(ConclusionKind.Eligible), again.Reason);
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(2));
            Assert.That(log.Signs(), Is.EqualTo(1), "the interrupted SIGN never reached the card");
        });
    }

    [Test]
    public async Task Check_CertificateExpiredWithinGrace_IsEligibleWithRenewalAlert()
    {
        var (card, _) = _net.Card(ClinicNetwork.Issued.WithinGrace);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.Eligible), conclusion.Reason);
            Assert.That(conclusion.RenewalAlert, Is.True);
            Assert.That(conclusion.RelayAnswer!.CertificateStatus, Is.EqualTo(CardCertificateStatus.ExpiredWithinGrace));
        });
    }

    [Test]
    public async Task Check_CertificateExpiredBeyondGrace_IsCardProblem()
    {
        var (card, _) = _net.Card(ClinicNetwork.Issued.Expired);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(conclusion.Reason, Is.EqualTo("card-certificate-expired"));
            Assert.That(conclusion.IsEligible, Is.False);
        });
    }

    [Test]
    public async Task Check_RevokedCertificate_IsCardProblemWithoutRetry()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Revoked);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(conclusion.Reason, Is.EqualTo("card-certificate-revoked"));
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(1), "a relay refusal spends no further PIN tries (CLN-032)");
            Assert.That(log.Signs(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Check_InsurerHasAChangePending_IsEligibleProvisional()
    {
        var now = _net.Clock.GetUtcNow();
        _net.Network.Insurers["kenpo-chukei"].Book.Add(new QualificationFact
        {
            QualificationId = SimulatedNetwork.QualificationIdOf(0), PersonKey = "1234567890", Kind = InsuranceKind.Medical, Symbol = "12", Number = "3456", Branch = "02",
            QualificationDate = new DateOnly(2018, 4, 1), DisqualificationDate = _net.Today, ReasonOfLoss = "03",
            NotifiedAt = now.AddHours(-1), RegisteredAt = now.AddDays(3),
        });
        var (card, _) = _net.Card(ClinicNetwork.Issued.Valid);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.EligibleProvisional), conclusion.Reason);
            Assert.That(conclusion.InsurerAnswer!.ChangePending, Is.True);
        });
    }

    [Test]
    public async Task Check_InsurerRegisteredALossTheRelayHasNot_IsNotEligibleWithTheInsurersStatus()
    {
        // Arrange: relay lag (lag scenario L9): the insurer has registered hanako's loss, the relay still points to it.
        // The new version must be registered after the provisioned one (registered at the start) to supersede it.
        _net.Clock.Advance(TimeSpan.FromHours(2));
        var now = _net.Clock.GetUtcNow();
        _net.Network.Insurers["kenpo-chukei"].Book.Add(new QualificationFact
        {
            QualificationId = SimulatedNetwork.QualificationIdOf(0), PersonKey = "1234567890", Kind = InsuranceKind.Medical, Symbol = "12", Number = "3456", Branch = "02",
            QualificationDate = new DateOnly(2018, 4, 1), DisqualificationDate = _net.Today.AddDays(-10), ReasonOfLoss = "03",
            NotifiedAt = now.AddDays(-2), RegisteredAt = now.AddHours(-1),
        });
        var (card, _) = _net.Card(ClinicNetwork.Issued.Valid);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.NotEligible));
            Assert.That(conclusion.Reason, Is.EqualTo("invalid"));
            Assert.That(conclusion.InsurerAnswer!.Qualification!.DisqualificationDate, Is.EqualTo(_net.Today.AddDays(-10)));
        });
    }

    [Test]
    public async Task Check_RelayAnswersSignedByAKeyTheDirectoryDoesNotHold_IsRelayProblemAndTheCardSignsNothing()
    {
        // Arrange: the clinic's directory now lists other keys under the relay's kids, so nothing the relay signs verifies.
        var relay = _net.Network.Directory.Find(_net.Network.Directory.RelayId)!;
        _net.Network.Directory.Upsert(relay with { Keys = Contracts.Keys.PartyKeySet.FromSeed("impostor", relay.Id).PublicKeys() });
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.RelayProblem));
            Assert.That(conclusion.Reason, Is.EqualTo("auth-signature-invalid"));
            Assert.That(log.Signs(), Is.Zero);
        });
    }

    [Test]
    public async Task Check_NoCoverageOnTheServiceDate_IsNotEligible()
    {
        var (card, _) = _net.Card(ClinicNetwork.Issued.Jiro);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.NotEligible));
            Assert.That(conclusion.Reason, Is.EqualTo("no-current-coverage"));
        });
    }

    [Test]
    public async Task Check_PastServiceDateWhileStillInsured_IsEligible()
    {
        // Arrange: jiro's qualification at kyokai-tokyo ended on 2026-04-01, so on 2026-03-31 it still covered him.
        var (card, _) = _net.Card(ClinicNetwork.Issued.Jiro);

        var conclusion = await _net.Reception.CheckAsync(card, "1234", new DateOnly(2026, 3, 31));

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.Eligible), conclusion.Reason);
            Assert.That(conclusion.RelayAnswer!.Target!.PartyId, Is.EqualTo("kyokai-tokyo"));
        });
    }
}

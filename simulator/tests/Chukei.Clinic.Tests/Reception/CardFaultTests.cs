using System.Security.Cryptography;
using Chukei.Card;
using Chukei.Card.Faults;
using Chukei.Card.Pki;
using Chukei.Clinic.CardAccess;
using Chukei.Clinic.Reception;

namespace Chukei.Clinic.Tests.Reception;

/// <summary>The reference clinic facing card faults (anchors §7): it fails closed, never loops on VERIFY or SIGN, and starts over after a removal.</summary>
public sealed class CardFaultTests
{
    private ClinicNetwork _net = null!;

    [SetUp]
    public async Task StartAsync() => _net = await ClinicNetwork.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _net.DisposeAsync();

    private (FaultInjectingChannel Channel, VirtualCard Card, List<Card.Logging.ApduLoggedEventArgs> Log) Faulty(CardFault fault)
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid);
        var channel = new FaultInjectingChannel(card, _net.Clock).Inject(fault);
        return (channel, card, log);
    }

    [Test]
    public async Task Check_SignAnswers6F00_IsCardErrorWithoutAnotherVerifyOrSign()
    {
        var (channel, _, log) = Faulty(new CardFault { Kind = CardFaultKind.ForceStatusWord, Ins = 0x2A, StatusWord = 0x6F00 });

        var conclusion = await _net.Reception.CheckAsync(channel, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(conclusion.Reason, Is.EqualTo(CardFailures.CardError));
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(1));
            Assert.That(conclusion.CardTrace.Count(t => t.StartsWith("SIGN", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Check_CardSignsWithTheWrongKey_IsRefusedByTheRelayAsCardSignatureInvalid()
    {
        using var wrongKey = RSA.Create(2048);
        var (channel, _, log) = Faulty(new CardFault { Kind = CardFaultKind.WrongKeySignature, Ins = 0x2A, WrongKey = wrongKey });

        var conclusion = await _net.Reception.CheckAsync(channel, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(conclusion.Reason, Is.EqualTo("card-signature-invalid"));
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(1), "no retry loop that spends PIN tries");
        });
    }

    [Test]
    public async Task Check_CorruptCertificateChunk_IsNeverEligible()
    {
        // The flipped byte lands inside the certificate's signed part: it either fails to parse at the clinic or its CA
        // signature fails at the relay; either way no eligibility.
        var (channel, _, _) = Faulty(new CardFault { Kind = CardFaultKind.CorruptData, Ins = 0xB0, Occurrence = 2, CorruptAt = 100 });

        var conclusion = await _net.Reception.CheckAsync(channel, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(conclusion.Reason, Is.AnyOf(CardFailures.CertificateUnreadable, "card-ca-unknown", "card-certificate-malformed"));
        });
    }

    [TestCase(true, CardFailures.CardError, TestName = "Check_CertificateFileEndsEarly_DiscardsThePartialRead(6282 then 6B00)")]
    [TestCase(false, CardFailures.CertificateUnreadable, TestName = "Check_CertificateFileEndsEarly_DiscardsThePartialRead(9000 short then empty 9000)")]
    public async Task Check_CertificateFileEndsEarly_DiscardsThePartialRead(bool warns, string reason)
    {
        // CLN-033: EF 000A holds 600 bytes of a certificate whose SEQUENCE header announces the whole of it.
        var whole = ClinicNetwork.Issued.Valid;
        var shortFile = new CardCredentials(whole.AuthKey, whole.AuthCertificate[..600], whole.AuthCaCertificate, whole.SigningKey, whole.SigningCertificate, whole.SigningCaCertificate);
        var (card, log) = _net.Card(shortFile, options: new CardOptions { WarnOnReadPastEnd = warns, RejectOffsetBeyondEnd = warns });

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.CardProblem));
            Assert.That(conclusion.Reason, Is.EqualTo(reason));
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(0), "nothing after the discarded read: no PIN try spent");
        });
    }

    [Test]
    public async Task Check_CertificateFileEndsEarly_WithThePartialCertificateDefect_SendsItToTheRelay()
    {
        // The mutant of CLN-033 (ClinicDefects.UsesPartialCertificate) goes on with 600 bytes; the relay refuses them.
        var whole = ClinicNetwork.Issued.Valid;
        var shortFile = new CardCredentials(whole.AuthKey, whole.AuthCertificate[..600], whole.AuthCaCertificate, whole.SigningKey, whole.SigningCertificate, whole.SigningCaCertificate);
        var (card, _) = _net.Card(shortFile);
        var mutant = _net.ReceptionWith(new ClinicDefects { UsesPartialCertificate = true });

        var conclusion = await mutant.CheckAsync(card, "1234", _net.Today);

        Assert.That(conclusion.Reason, Is.EqualTo("card-certificate-malformed"));
    }

    [Test]
    public async Task Check_RemovedAfterVerifyAnswered_StartsOverWithSelectAndVerify()
    {
        var (channel, _, log) = Faulty(new CardFault { Kind = CardFaultKind.RemoveAfterResponse, Ins = 0x20, Occurrence = 2 });

        var removed = await _net.Reception.CheckAsync(channel, "1234", _net.Today);
        channel.PowerOn();
        var again = await _net.Reception.CheckAsync(channel, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(removed.Reason, Is.EqualTo(CardFailures.CardRemoved));
            Assert.That(again.Kind, Is.EqualTo(ConclusionKind.Eligible), again.Reason);
            Assert.That(again.CardTrace[0], Does.StartWith("SELECT JPKI-AP"));
            Assert.That(again.CardTrace.Count(t => t.StartsWith("VERIFY (PIN masked)", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(log.VerifiesWithPin(), Is.EqualTo(2), "one VERIFY per attempt");
        });
    }

    [Test]
    public async Task Check_CardInT0Mode_CollectsTheSignatureWithGetResponse()
    {
        var (card, log) = _net.Card(ClinicNetwork.Issued.Valid, options: new CardOptions { T0Mode = true });

        var conclusion = await _net.Reception.CheckAsync(card, "1234", _net.Today);

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Kind, Is.EqualTo(ConclusionKind.Eligible), conclusion.Reason);
            Assert.That(log.Instructions(), Does.Contain((byte)0xC0));
        });
    }
}

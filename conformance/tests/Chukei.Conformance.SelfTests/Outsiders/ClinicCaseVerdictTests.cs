using System.Security.Cryptography.X509Certificates;
using Chukei.Card;
using Chukei.Clinic.CardAccess;
using Chukei.Clinic.Reception;
using Chukei.Contracts.Cards;
using Chukei.Contracts.ClinicDriver;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Clinic.Running;
using Chukei.Conformance.References;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// Clinic-suite cases against clinics built here, outside the reference: each case judges what it observed the
/// clinic do, names the true cause when the clinic did not do what the case needs, and fails only the flaw it saw.
/// </summary>
[TestFixture]
public sealed class ClinicCaseVerdictTests
{
    /// <summary>The PIN of the CLN-039 case's card, entered in its first check.</summary>
    private const string CasePin = "7593";

    private static readonly ClinicVerdict Eligible = new(ClinicVerdictKind.Eligible, null, null);
    private static readonly ClinicVerdict RelayProblem = new(ClinicVerdictKind.RelayProblem, "relay-unreachable", null);
    private static readonly ClinicVerdict CardProblem = new(ClinicVerdictKind.CardProblem, "card-problem", null);

    [Test]
    public async Task ForgedAnswerCase_ClinicConcludingEligibleWithoutAskingTheRelay_FailsCln037()
    {
        // Act
        var result = await RunCaseAsync(_ => new FixedAnswerClinicDriver(Eligible), "AUTH-014", "answer-to-another-request");

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Failed));
        Assert.That(result.Reason, Does.StartWith("CLN-037 (MUST) violated: the clinic concluded Eligible, yet it was handed no successful card-eligibility answer"));
        Assert.That(result.Reason, Does.Contain("no card-eligibility request reached the relay"));
    }

    [Test]
    public async Task ForgedAnswerCase_ClinicConcludingARelayProblemWithoutAskingTheRelay_IsInconclusiveSayingItNeverReceivedTheForgedAnswer()
    {
        // Act
        var result = await RunCaseAsync(_ => new FixedAnswerClinicDriver(RelayProblem), "AUTH-014", "answer-to-another-request");

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Inconclusive));
        Assert.That(result.Reason, Does.Contain("the clinic never sent the card-eligibility request, so it never received the forged answer"));
        Assert.That(result.Reason, Does.Contain("it concluded RelayProblem (relay-unreachable) after the card received nothing"));
    }

    [TestCase("CLN-030", "pin-not-four-digits", "with the well-formed PIN of a valid card the clinic sent the card no VERIFY either")]
    [TestCase("CLN-033", "certificate-file-ends-early", "the clinic never read the card's certificate (no READ BINARY reached the card)")]
    [TestCase("ERR-008", "code-not-title", "the clinic never sent the card-eligibility request, so it never received the relay's card refusal")]
    [TestCase("CLN-037", "certificate-revoked", "the clinic neither read the card's certificate nor was handed the relay's answer")]
    public async Task CardProblemCase_ClinicThatNeverTouchesTheCard_IsInconclusiveNamingWhatItDidNotDo(string requirement, string name, string cause)
    {
        // Act
        var result = await RunCaseAsync(_ => new FixedAnswerClinicDriver(CardProblem), requirement, name);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Inconclusive), result.Reason);
        Assert.That(result.Reason, Does.Contain(cause));
    }

    [Test]
    public async Task RelayDown_ClinicThatNeverConnects_IsInconclusive()
    {
        // Act
        var result = await RunCaseAsync(_ => new FixedAnswerClinicDriver(RelayProblem), "CLN-037", "relay-down");

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Inconclusive), result.Reason);
        Assert.That(result.Reason, Does.Contain("the clinic never connected to the relay"));
    }

    [Test]
    public async Task ExpiredBeyondGrace_ClinicThatRefusesTheCardItselfWithoutVerify_Passes()
    {
        // Act
        var result = await RunCaseAsync(parties => new RefusesExpiredCardsItselfClinicDriver(new ReferenceClinicDriver(parties), parties.Time), "CLN-037", "certificate-expired-beyond-grace");

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Reason);
    }

    [Test]
    public async Task PinInNoLog_LinesWithThePinsDigitsInsideLongerHexRuns_Pass()
    {
        // Arrange: a certificate serial, a key thumbprint, dumps of the card's answers and a UUID, each with the PIN's digits or bytes inside.
        static IEnumerable<string> Lines(string pin) =>
        [
            $"certificate serial 4F{pin}A1C2 issued by the kit CA",
            $"kid=relay.chukei.test-sig-1 x5t=9{pin}0B{pin}E",
            $"< 30 82 05 {pin[..2]} {pin[2..]} 0A 90 00",
            $"< {string.Join(' ', pin.Select(c => ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))} 90 00",
            $"correlationId 0c4e{pin}-{pin}-4b2c-9d3e-{pin}b7c1f0e2 took 0.{pin} s",
        ];

        // Act
        var result = await RunCaseAsync(parties => new LogsLinesClinicDriver(new ReferenceClinicDriver(parties), Lines), "CLN-039", "pin-in-no-log");

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Passed), result.Reason);
    }

    [TestCase("> 00 20 00 80 04 {hex-spaced}", "the VERIFY command with the PIN as its data, in hex")]
    [TestCase("apdu=0020008004{hex}", "the VERIFY command with the PIN as its data, in hex")]
    [TestCase("sent 00 20 00 80 04 {hex-spaced-lower}", "the VERIFY command with the PIN as its data, in hex")]
    [TestCase("VERIFY data: {hex}", "the PIN's ASCII bytes in hex, as VERIFY or PIN data")]
    [TestCase("PIN bytes {hex-spaced}", "the PIN's ASCII bytes in hex, as VERIFY or PIN data")]
    [TestCase("pin={pin}", "the PIN in clear")]
    [TestCase("PIN: {pin}", "the PIN in clear")]
    [TestCase("the person entered {pin}.", "the PIN in clear")]
    public async Task PinInNoLog_EachFormOfThePin_FailsQuotingTheLineWithThePinMasked(string template, string form)
    {
        // Arrange
        static string Hex(string pin) => string.Concat(pin.Select(c => ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        IEnumerable<string> Lines(string pin) =>
        [
            template.Replace("{hex-spaced-lower}", string.Join(' ', Hex(pin).Chunk(2).Select(b => new string(b))).ToLowerInvariant(), StringComparison.Ordinal)
                .Replace("{hex-spaced}", string.Join(' ', Hex(pin).Chunk(2).Select(b => new string(b))), StringComparison.Ordinal)
                .Replace("{hex}", Hex(pin), StringComparison.Ordinal)
                .Replace("{pin}", pin, StringComparison.Ordinal),
        ];

        // Act
        var result = await RunCaseAsync(parties => new LogsLinesClinicDriver(new ReferenceClinicDriver(parties), Lines), "CLN-039", "pin-in-no-log");

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Failed), result.Reason);
        Assert.That(result.Reason, Does.Contain($"the clinic's log carries the PIN entered ({form}) in the line: "));
        Assert.That(result.Reason, Does.Contain("****"));
        Assert.That(result.Reason, Does.Not.Contain(CasePin).And.Not.Contain(Hex(CasePin)));
    }

    [TestCase("valid-answer-superseded")]
    [TestCase("notice-delivered-twice")]
    public async Task RetroactiveNotice_ClinicHoldingOneNoticeFiveTimes_FailsElg021WithTheCount(string name)
    {
        // Act
        var result = await RunCaseAsync(parties => new HoldsNoticesFiveTimesClinicDriver(new ReferenceClinicDriver(parties)), "ELG-021", name);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Failed), result.Reason);
        Assert.That(result.Reason, Does.StartWith("ELG-021 (MUST) violated").And.Contain("and holds 5"));
    }

    private static async Task<CaseResult> RunCaseAsync(Func<ClinicParties, IClinicDriver> driver, string requirement, string name)
    {
        var session = await ClinicSession.StartAsync(parties => ValueTask.FromResult<IClinicDriver?>(driver(parties)))
            ?? throw new InvalidOperationException("the clinic kit did not start");
        await using (session)
        {
            return (await ClinicSuiteRunner.RunAsync(session, [ClinicCases.Find(requirement, name)])).Single();
        }
    }

    /// <summary>Reads no card and calls no relay: every check gets <paramref name="answer"/>.</summary>
    private sealed class FixedAnswerClinicDriver(ClinicVerdict answer) : IClinicDriver
    {
        public Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct) => Task.FromResult(answer);
    }

    /// <summary>
    /// A clinic that reads the card's certificate first and refuses one expired beyond grace itself, with no VERIFY and
    /// without asking the relay (the relay would refuse it too); any other card goes to <paramref name="clinic"/>.
    /// </summary>
    private sealed class RefusesExpiredCardsItselfClinicDriver(IClinicDriver clinic, TimeProvider time) : IClinicDriver
    {
        public Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct)
        {
            var session = new JpkiSession(card);
            session.SelectJpki();
            using var certificate = X509CertificateLoader.LoadCertificate(session.ReadAuthCertificate());
            return time.GetUtcNow() > CardAuthentication.GraceEnd(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()))
                ? Task.FromResult(new ClinicVerdict(ClinicVerdictKind.CardProblem, "card-certificate-expired", null) { Log = session.Trace })
                : clinic.CheckEligibilityAsync(card, pin, serviceDate, relayUrl, ct);
        }
    }

    /// <summary><paramref name="clinic"/>, whose log of each check also carries the lines <paramref name="lines"/> makes of the PIN entered.</summary>
    private sealed class LogsLinesClinicDriver(IClinicDriver clinic, Func<string, IEnumerable<string>> lines) : IClinicDriver
    {
        public async Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct)
        {
            var verdict = await clinic.CheckEligibilityAsync(card, pin, serviceDate, relayUrl, ct);
            return verdict with { Log = [.. verdict.Log, .. lines(pin)] };
        }
    }

    /// <summary><paramref name="clinic"/>, except that it holds each notice it picked up five times.</summary>
    private sealed class HoldsNoticesFiveTimesClinicDriver(IClinicDriver clinic) : IClinicDriver
    {
        public Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct) =>
            clinic.CheckEligibilityAsync(card, pin, serviceDate, relayUrl, ct);

        public async Task<IReadOnlyList<ClinicHeldNotice>> PickUpNoticesAsync(Uri relayUrl, CancellationToken ct) =>
            (await clinic.PickUpNoticesAsync(relayUrl, ct)).SelectMany(n => Enumerable.Repeat(n, 5)).ToList();
    }
}

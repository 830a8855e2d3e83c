using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Tests.Running;

/// <summary>The card-check step: the reference clinic's reception check with the person's virtual IC card.</summary>
public sealed class CardCheckStepTests
{
    private const string People = """
        chukei: 1
        id: card-check-step
        title: Card check step
        clock: { start: "2026-08-03T09:00:00+09:00" }
        insurers:
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
        people:
          - id: hanako
            name: 山田 花子
            basicPensionNumber: "1234567890"
            icCard: { pin: "4826", certificate: revoked }
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "00", from: 2018-04-01 }
          - id: jiro
            name: 鈴木 次郎
            basicPensionNumber: "2345678901"
            icCard: { pinTriesLeft: 0 }
            enrolments:
              - { insurer: kenpo-chukei, symbol: "12", number: "4567", branch: "00", from: 2018-04-01 }
        steps:

        """;

    private static async Task<(ScenarioResult Result, string Output)> RunAsync(string yaml)
    {
        var scenario = ScenarioLoader.Load(yaml, "card-check.yaml");
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock);
        using var output = new StringWriter();
        var result = await new ScenarioRunner(network, clock, output).RunAsync();
        return (result, output.ToString());
    }

    [Test]
    public async Task CardCheck_RevokedCertificateAndBlockedPin_AreCardProblemsAndTheBlockedPinGetsNoVerify()
    {
        // Arrange
        var yaml = People + """
              - { id: revoked, action: card-check, person: hanako, expect: { conclusion: card-problem, reason: card-certificate-revoked, pinTriesLeft: 3 } }
              - { id: blocked, action: card-check, person: jiro, expect: { conclusion: card-problem, reason: pin-blocked, pinTriesLeft: 0 } }
            """;

        // Act
        var (result, output) = await RunAsync(yaml);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, output);
            Assert.That(result.Steps[1].Lines, Has.Some.Contains("VERIFY (counter query) → 63C0"));
            Assert.That(result.Steps[1].Lines, Has.None.Contains("VERIFY (PIN masked)"), "CLN-031: no VERIFY with data to a blocked PIN");
        });
    }

    [Test]
    public async Task CardCheck_ExpectationThatDoesNotHold_FailsTheStepAndSaysWhatHappened()
    {
        // Arrange: a wrong PIN expected to pass
        var yaml = People.Replace("certificate: revoked", "certificate: valid", StringComparison.Ordinal) + """
              - { id: wrong, action: card-check, person: hanako, pin: "4862", expect: { conclusion: eligible, pinTriesLeft: 3 } }
            """;

        // Act
        var (result, output) = await RunAsync(yaml);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(output, Does.Contain("✘ conclusion: expected eligible, got card-problem"));
            Assert.That(output, Does.Contain("✘ pinTriesLeft: expected 3, got 2"));
        });
    }

    [Test]
    public async Task CardCheck_Output_NeverCarriesThePin()
    {
        // Arrange
        var yaml = People.Replace("certificate: revoked", "certificate: valid", StringComparison.Ordinal) + """
              - { id: right, action: card-check, person: hanako, expect: { conclusion: eligible } }
              - { id: wrong, action: card-check, person: hanako, pin: "7391", expect: { conclusion: card-problem, reason: pin-wrong } }
            """;

        // Act
        var (result, output) = await RunAsync(yaml);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, output);
            Assert.That(output, Does.Not.Contain("4826").And.Not.Contain("7391").And.Not.Contain("34383236"), "the PIN neither in clear nor as hex");
        });
    }

    [TestCase("not-yet-valid", "card-certificate-not-yet-valid")]
    [TestCase("unknown-ca", "card-ca-unknown")]
    public async Task CardCheck_CertificateProfile_IsRefusedByTheRelayAsACardProblem(string profile, string reason)
    {
        // Arrange: the relay checks the chain and the validity window (CLN-014, CLN-016); the PIN was right.
        var yaml = People.Replace("certificate: revoked", "certificate: " + profile, StringComparison.Ordinal) + $$"""
              - { id: refused, action: card-check, person: hanako, expect: { conclusion: card-problem, reason: {{reason}}, pinTriesLeft: 3 } }
            """;

        // Act
        var (result, output) = await RunAsync(yaml);

        // Assert
        Assert.That(result.Passed, Is.True, output);
    }

    [Test]
    public async Task CardCheck_CardFault_FiresInItsStepOnlyAndTheNextCheckStartsOver()
    {
        // Arrange: pulled out on the second chunk of the certificate; the next check has no fault
        var yaml = People.Replace("certificate: revoked", "certificate: valid", StringComparison.Ordinal) + """
              - id: removed
                action: card-check
                person: hanako
                cardFaults: [ { kind: remove-before-response, command: read-binary, file: auth-certificate, occurrence: 2 } ]
                expect: { conclusion: card-problem, reason: card-removed, pinTriesLeft: 3 }
              - { id: again, action: card-check, person: hanako, expect: { conclusion: eligible, pinTriesLeft: 3 } }
            """;

        // Act
        var (result, output) = await RunAsync(yaml);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, output);
            Assert.That(result.Steps[0].Lines, Has.Some.Contains("card fault fired: remove-before-response"));
            Assert.That(result.Steps[0].Lines, Has.None.Contains("VERIFY"), "the card was gone before the PIN was asked for");
            Assert.That(result.Steps[1].Lines, Has.None.Contains("card fault"));
            Assert.That(result.Steps[1].Lines.First(l => l.Contains("clinic → card", StringComparison.Ordinal)), Does.Contain("SELECT JPKI-AP"), "CLN-034: the next check starts from SELECT");
        });
    }

    [Test]
    public async Task CardCheck_LatencyFault_MovesTheVirtualClockByTheDelay()
    {
        // Arrange: three seconds more for each of the certificate's READ BINARY commands, and a step after it at no set time
        var yaml = People.Replace("certificate: revoked", "certificate: valid", StringComparison.Ordinal) + """
              - id: slow
                at: 2026-08-03T10:00:00
                action: card-check
                person: hanako
                cardFaults: [ { kind: latency, command: read-binary, occurrence: 0, latency: PT3S } ]
                expect: { conclusion: eligible }
              - { id: after, action: person-log, person: hanako }
            """;

        // Act
        var (result, output) = await RunAsync(yaml);

        // Assert: the certificate (882 bytes) is read in five commands, so the check ends 15 s after it began
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, output);
            Assert.That(result.Steps[0].Lines.Count(l => l.Contains("card fault fired: latency", StringComparison.Ordinal)), Is.EqualTo(5));
            Assert.That(output, Does.Contain("after: person-log  [2026-08-03 10:00:15 JST]"));
        });
    }

    [Test]
    public async Task CardCheck_RemovalAfterTheCardCheckedAWrongPin_CostsATryAndIsNotRetried()
    {
        // Arrange: the card spends the try, then the reader loses it before the answer (63C2) arrives
        var yaml = People.Replace("certificate: revoked", "certificate: valid", StringComparison.Ordinal) + """
              - id: removed
                action: card-check
                person: hanako
                pin: "4862"
                cardFaults: [ { kind: remove-after-response, command: verify, occurrence: 2 } ]
                expect: { conclusion: card-problem, reason: card-removed, pinTriesLeft: 2 }
            """;

        // Act
        var (result, output) = await RunAsync(yaml);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, output);
            Assert.That(result.Steps[0].Lines.Count(l => l.Contains("VERIFY (PIN masked)", StringComparison.Ordinal)), Is.EqualTo(1), "CLN-032: one VERIFY per PIN entered");
        });
    }
}

using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>The command driver: the check on standard input, the verdict on standard output, standard error as the clinic's log.</summary>
[TestFixture]
[Platform(Exclude = "Win", Reason = "the commands below are POSIX shell")]
public sealed class CommandClinicDriverTests
{
    private static readonly DateOnly ServiceDate = new(2026, 8, 3);
    private static readonly Uri RelayUrl = new("http://127.0.0.1:9/");

    private static async Task<ClinicVerdict> CheckAsync(string command, string pin = "1234")
    {
        await using var driver = await CommandClinicDriver.StartAsync(command);
        return await driver.CheckEligibilityAsync(new FakeCard(), pin, ServiceDate, RelayUrl, CancellationToken.None);
    }

    [Test]
    public async Task CheckEligibility_CommandReadsTheCheckFromStandardInput_ItsVerdictAndLogAreReturned()
    {
        // Arrange: eligible only if the PIN and the service date arrived on standard input
        const string command = """
            read -r check
            echo "reception started" >&2
            case "$check" in *'"pin":"1234"'*'"serviceDate":"2026-08-03"'*) echo '{"conclusion":"eligible-provisional","reason":null}' ;; *) echo '{"conclusion":"relay-problem"}' ;; esac
            """;

        // Act
        var verdict = await CheckAsync(command);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(verdict.Kind, Is.EqualTo(ClinicVerdictKind.EligibleProvisional));
            Assert.That(verdict.Log, Is.EqualTo(new[] { "reception started" }));
        });
    }

    [Test]
    public async Task CheckEligibility_CommandLogsThePinOnStandardError_ThePinIsInTheVerdictsLog()
    {
        // Act
        var verdict = await CheckAsync("""cat >/dev/null; echo "PIN entered: 1234" >&2; echo '{"conclusion":"eligible"}'""");

        // Assert: CLN-039 looks at these lines
        Assert.That(verdict.Log, Does.Contain("PIN entered: 1234"));
    }

    [TestCase("cat >/dev/null; echo 'Traceback: boom' >&2; exit 3", "exited 3 instead of 0 with a verdict; standard error: 'Traceback: boom'")]
    [TestCase("cat >/dev/null; echo 'eligible'", "not a verdict")]
    [TestCase("cat >/dev/null", "not a verdict")]
    [TestCase("""cat >/dev/null; echo '{"conclusion":"maybe"}'""", "not a verdict")]
    [TestCase("p=12; echo \"PIN ${p}34 rejected\" >&2; exit 1", "standard error: 'PIN **** rejected'")]
    public async Task CheckEligibility_CommandGivesNoVerdict_FailsCln037NamingTheCommand(string command, string expected)
    {
        // Act
        var failure = await Assert.CatchAsync<RequirementViolationException>(() => CheckAsync(command));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(failure!.RequirementId, Is.EqualTo("CLN-037"));
            Assert.That(failure.Message, Does.StartWith($"CLN-037 (MUST) violated: the clinic reached no conclusion: its driver command '{command}'"));
            Assert.That(failure.Message, Does.Contain(expected).And.Not.Contain("1234"));
        });
    }

    [Test]
    public async Task CheckEligibility_CommandDoesNotExist_IsNoAnswer()
    {
        // Act
        var failure = await Assert.CatchAsync<TargetUnreachableException>(() => CheckAsync("chukei-no-such-clinic-command"));

        // Assert
        Assert.That(failure!.Message, Does.StartWith("the clinic's driver command 'chukei-no-such-clinic-command' could not be run (exit 127)"));
    }

    [Test]
    public async Task CheckEligibility_CommandSlowerThanTheTimeout_IsStoppedAndNoAnswer()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-08-03T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var driver = await CommandClinicDriver.StartAsync("exec sleep 300", time, TimeSpan.FromSeconds(30));

        // Act
        var check = driver.CheckEligibilityAsync(new FakeCard(), "1234", ServiceDate, RelayUrl, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        var failure = await Assert.CatchAsync<TargetUnreachableException>(() => check);

        // Assert
        Assert.That(failure!.Message, Is.EqualTo("the clinic's driver command 'exec sleep 300' did not finish within 30 s and was stopped"));
    }
}

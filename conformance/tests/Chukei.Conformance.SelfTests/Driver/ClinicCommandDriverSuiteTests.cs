using Chukei.Clinic.Reception;
using Chukei.Conformance.SelfTests.Mutants;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>
/// The whole clinic suite through the command driver: the command is a plain curl that pipes the check from standard
/// input to the reference clinic served over HTTP and prints its answer, as a vendor's shell wrapper would.
/// </summary>
[TestFixture]
[Platform(Exclude = "Win", Reason = "the command is POSIX shell")]
public sealed class ClinicCommandDriverSuiteTests
{
    private const string Curl = "curl -sS --fail-with-body -H 'Content-Type: application/json' --data-binary @- {clinic}/checks";
    private const string PickupCurl = "curl -sS --fail-with-body -H 'Content-Type: application/json' --data-binary @- {clinic}/notice-pickups";

    [OneTimeSetUp]
    public void RequireCurl()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "curl")));
        if (!found) Assert.Ignore("curl is not on PATH; the command driver's own tests (CommandClinicDriverTests) still run");
    }

    [Test]
    public async Task Reference_ThroughTheCommandDriver_PassesEveryCase()
    {
        // Act
        var verdict = await SuiteRunner.RunClinicThroughCommandAsync("reference", ClinicDefects.None, Curl, PickupCurl);

        // Assert
        Assert.That(verdict.Failures.Select(f => $"{f.RequirementId} {f.CaseName}: {f.Message}"), Is.Empty);
        Assert.That(verdict.Inconclusive, Is.Empty);
    }

    [Test]
    public async Task MutantThatLogsThePin_ThroughTheCommandDriver_IsKilledByCln039()
    {
        // Act
        var verdict = await SuiteRunner.RunClinicThroughCommandAsync("logs-the-pin", ClinicMutants.All.Single(m => m.Name == "logs-the-pin").Defects, Curl);

        // Assert
        Assert.That(verdict.FailedRequirements, Does.Contain("CLN-039"));
    }

    [Test]
    public async Task MutantThatIgnoresNotices_ThroughThePickupCommand_IsKilledByElg021()
    {
        // Act: without a pickup command the ELG-021 cases would not run, and this mutant would live.
        var verdict = await SuiteRunner.RunClinicThroughCommandAsync("ignores-retroactive-notices",
            ClinicMutants.All.Single(m => m.Name == "ignores-retroactive-notices").Defects, Curl, PickupCurl);

        // Assert
        Assert.That(verdict.FailedRequirements, Does.Contain("ELG-021"));
    }
}

using Chukei.Clinic.Reception;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Clinic.Running;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Insurer.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.References;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Relay.Running;
using Chukei.Insurers;
using Chukei.Relay;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>
/// Runs every case of a suite as a plain async method (no NUnit run inside a run; the same
/// <see cref="InsurerSuiteRunner"/> <c>chukei conformance insurer</c> uses) against the reference insurer carrying
/// <paramref name="defects"/>, and collects which cases failed.
/// </summary>
internal static class SuiteRunner
{
    public static async Task<SuiteVerdict> RunAsync(string targetName, InsurerDefects defects)
    {
        var session = await InsurerSession.StartAsync("http://127.0.0.1:0", async url => await ReferenceInsurer.StartAsync(url, defects, unknownKidInterval: TimeSpan.Zero))
            ?? throw new InvalidOperationException("the reference insurer did not start");
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await InsurerSuiteRunner.RunAsync(session, InsurerCases.All);
        }
        return Verdict(targetName, results);
    }

    /// <summary>The relay suite against the reference relay carrying <paramref name="defects"/>.</summary>
    public static async Task<SuiteVerdict> RunRelayAsync(string targetName, RelayDefects defects)
    {
        var session = await RelaySession.StartAsync("http://127.0.0.1:0", async url => await ReferenceRelay.StartAsync(url, defects))
            ?? throw new InvalidOperationException("the reference relay did not start");
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await RelaySuiteRunner.RunAsync(session, RelayCases.All);
        }
        return Verdict(targetName, results);
    }

    /// <summary>The clinic suite against the reference clinic carrying <paramref name="defects"/>.</summary>
    public static async Task<SuiteVerdict> RunClinicAsync(string targetName, ClinicDefects defects)
    {
        var session = await ClinicSession.StartAsync(parties => ValueTask.FromResult<IClinicDriver?>(new ReferenceClinicDriver(parties, defects)))
            ?? throw new InvalidOperationException("the clinic kit did not start");
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await ClinicSuiteRunner.RunAsync(session, ClinicCases.All);
        }
        return Verdict(targetName, results);
    }

    /// <summary>
    /// The clinic suite through the HTTP driver contract: the reference clinic carrying <paramref name="defects"/> is
    /// served by <see cref="ReferenceClinicHost"/> and reaches the card through the kit's card reader.
    /// </summary>
    public static async Task<SuiteVerdict> RunClinicThroughHttpAsync(string targetName, ClinicDefects defects)
    {
        ReferenceClinicHost? host = null;
        var session = await ClinicSession.StartAsync(async parties =>
        {
            host = await ReferenceClinicHost.StartAsync(parties, defects);
            return await HttpClinicDriver.StartAsync(host.Url);
        }) ?? throw new InvalidOperationException("the clinic kit did not start");
        IReadOnlyList<CaseResult> results;
        await using (session)
        await using (host!)
        {
            results = await ClinicSuiteRunner.RunAsync(session, ClinicCases.All);
        }
        return Verdict(targetName, results);
    }

    /// <summary>
    /// The clinic suite through the command driver: each check runs <paramref name="command"/> with <c>{clinic}</c>
    /// replaced by the URL of the reference clinic (carrying <paramref name="defects"/>) served over HTTP, and each notice
    /// pickup runs <paramref name="pickupCommand"/> (the same way) when one is given.
    /// </summary>
    public static async Task<SuiteVerdict> RunClinicThroughCommandAsync(string targetName, ClinicDefects defects, string command, string? pickupCommand = null)
    {
        ReferenceClinicHost? host = null;
        var session = await ClinicSession.StartAsync(async parties =>
        {
            host = await ReferenceClinicHost.StartAsync(parties, defects);
            var clinic = host.Url.ToString().TrimEnd('/');
            return await CommandClinicDriver.StartAsync(command.Replace("{clinic}", clinic, StringComparison.Ordinal),
                pickupCommand: pickupCommand?.Replace("{clinic}", clinic, StringComparison.Ordinal));
        }) ?? throw new InvalidOperationException("the clinic kit did not start");
        IReadOnlyList<CaseResult> results;
        await using (session)
        await using (host!)
        {
            results = await ClinicSuiteRunner.RunAsync(session, ClinicCases.All);
        }
        return Verdict(targetName, results);
    }

    private static SuiteVerdict Verdict(string targetName, IReadOnlyList<CaseResult> results)
    {
        // A SHOULD test "fails" by warning: that is how it shows a mutant breaking its requirement.
        var failures = results.Where(r => r.Outcome is CaseOutcome.Failed or CaseOutcome.Warning).Select(r => new CaseFailure(r.RequirementId, r.CaseName, r.Reason ?? "")).ToList();
        var inconclusive = results.Where(r => r.Outcome == CaseOutcome.Inconclusive).Select(r => r.Reason ?? "").ToList();
        return new SuiteVerdict(targetName, failures, inconclusive);
    }
}

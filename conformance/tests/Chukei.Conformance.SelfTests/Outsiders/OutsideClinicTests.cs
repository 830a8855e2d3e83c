using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Clinic.Running;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// The clinic suite against the outside clinic (<c>conformance/outsiders/clinic-js</c>), behind the HTTP driver
/// contract, through the kit's <see cref="HttpClinicDriver"/> and card reader, each run in its own clinic kit world
/// (relay, insurers and reader on their own free ports).
/// </summary>
[TestFixture]
[Category("OutsideClinic")]
public sealed class OutsideClinicTests : OutsideTargetTestsBase
{
    protected override string Role => "clinic";

    protected override int Concurrency => 6;

    [Test]
    public void CorrectVariant_ClaimsNoticePickupsAndRenewalAlerts() =>
        Assert.That(Correct.Results.Where(r => r.Outcome == CaseOutcome.Passed).Select(r => r.RequirementId), Does.Contain("ELG-021").And.Contain("CLN-038"),
            "the outside clinic claims notice pickups (ELG-021) and renewal alerts (CLN-038)");

    protected override async Task<(IReadOnlyList<CaseResult> Results, OutsideTargetProcess? Started)> RunSuiteAsync(string? bug)
    {
        OutsideTargetProcess? started = null;
        var session = await ClinicSession.StartAsync(async _ =>
        {
            started = await OutsideTargetProcess.StartAsync(Node, Folder, ["clinic.js", "--port", "0"], bug);
            return await HttpClinicDriver.StartAsync(started.Url);
        }) ?? throw new InvalidOperationException("the clinic kit did not start");
        try
        {
            await using (session)
            {
                return (await ClinicSuiteRunner.RunAsync(session, ClinicCases.All), started);
            }
        }
        finally
        {
            if (started is not null) await started.DisposeAsync();
        }
    }

    protected override string Render() => OutsideTargets.RenderSection(Role, "The clinic suite against an outside clinic",
        [
            "The outside clinic ([`conformance/outsiders/clinic-js`](../conformance/outsiders/README.md#clinic-js-a-clinic-in-javascript))",
            "plays `clinic.chukei.test` behind the HTTP driver contract; the kit plays the relay, the insurers and the card (its",
            "card reader over HTTP), a fresh clinic kit world per variant.",
        ],
        Correct, Outcomes);
}

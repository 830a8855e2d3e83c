using System.Globalization;
using Chukei.Conformance.Insurer;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Insurer.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// The insurer suite against the outside insurer (<c>conformance/outsiders/insurer-js</c>), which plays kenpo-a behind
/// the kit's relay stand-in, with short waits so that 37 runs fit in a few minutes.
/// </summary>
[TestFixture]
[Category("OutsideInsurer")]
public sealed class OutsideInsurerTests : OutsideTargetTestsBase
{
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan UnknownKidInterval = TimeSpan.FromSeconds(1);

    protected override string Role => "insurer";

    protected override int Concurrency => 4;

    protected override async Task<(IReadOnlyList<CaseResult> Results, OutsideTargetProcess? Started)> RunSuiteAsync(string? bug)
    {
        OutsideTargetProcess? started = null;
        var session = await InsurerSession.StartAsync("http://127.0.0.1:0", async relayUrl =>
        {
            started = await OutsideTargetProcess.StartAsync(Node, Folder,
            [
                "insurer.js", "--port", "0", "--relay-url", relayUrl.ToString().TrimEnd('/'),
                "--unknown-kid-interval-ms", ((long)UnknownKidInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            ], bug);
            return new InsurerTarget(new ConformanceTarget(started.Url, SealFixture.TargetId))
            {
                ReportWait = ReportWait,
                DirectoryWait = DirectoryWait,
                Owner = started,
            };
        }) ?? throw new InvalidOperationException("the insurer session did not start");
        await using (session)
        {
            return (await InsurerSuiteRunner.RunAsync(session, InsurerCases.All), started);
        }
    }

    protected override string Render() => OutsideTargets.RenderSection(Role, "The insurer suite against an outside insurer",
        [
            "The outside insurer ([`conformance/outsiders/insurer-js`](../conformance/outsiders/README.md#insurer-js-an-insurer-in-javascript))",
            "plays `kenpo-a.chukei.test`; the kit's relay stand-in plays the relay.",
        ],
        Correct, Outcomes);
}

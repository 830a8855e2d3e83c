using Chukei.Conformance.Relay;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Relay.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// The relay suite against the outside relay (<c>conformance/outsiders/relay-js</c>), which plays relay.chukei.test
/// with the kit's stand-in insurers behind it. CLN-011 waits 61 s for real on a relay in another process, so only the
/// correct variant and the bugs that break CLN-011 run it; every other variant runs with the wait at zero, which leaves
/// that one case out (not run) instead of adding a minute to each of them.
/// </summary>
[TestFixture]
[Category("OutsideRelay")]
public sealed class OutsideRelayTests : OutsideTargetTestsBase
{
    private HashSet<string>? _challengeExpiryBugs;

    protected override string Role => "relay";

    protected override int Concurrency => 4;

    protected override async Task<(IReadOnlyList<CaseResult> Results, OutsideTargetProcess? Started)> RunSuiteAsync(string? bug)
    {
        _challengeExpiryBugs ??= SeededBug.Load(Path.Combine(Folder, "bugs.json")).Where(b => b.Requirement == "CLN-011").Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var challengeWait = bug is null || _challengeExpiryBugs.Contains(bug) ? RelayTarget.DefaultChallengeWait : TimeSpan.Zero;
        OutsideTargetProcess? started = null;
        var session = await RelaySession.StartAsync("http://127.0.0.1:0", async standInUrl =>
        {
            started = await OutsideTargetProcess.StartAsync(Node, Folder,
                ["relay.js", "--port", "0", "--stand-in-url", standInUrl.ToString().TrimEnd('/')], bug);
            return new RelayTarget(new ConformanceTarget(started.Url, SealFixture.RelayId))
            {
                ChallengeWait = challengeWait,
                Owner = started,
            };
        }) ?? throw new InvalidOperationException("the relay session did not start");
        await using (session)
        {
            return (await RelaySuiteRunner.RunAsync(session, RelayCases.All), started);
        }
    }

    protected override string Render() => OutsideTargets.RenderSection(Role, "The relay suite against an outside relay",
        [
            "The outside relay ([`conformance/outsiders/relay-js`](../conformance/outsiders/README.md#relay-js-a-relay-in-javascript))",
            "plays `relay.chukei.test`; the kit plays the insurers (its stand-in answers for kenpo-a and kenpo-c), the portal and",
            "the clinic. CLN-011 (61 s) runs against the correct variant and the bugs of CLN-011 only; the other variants leave it out.",
        ],
        Correct, Outcomes);
}

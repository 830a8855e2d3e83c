using Chukei.Relay;
using Chukei.Relay.Store;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Tests.Running;

/// <summary>Seeded faults change what the parties see, by the virtual clock; invariants fail runs built to break them.</summary>
public sealed class FaultsAndInvariantsTests
{
    private const string Parties = """
        chukei: 1
        id: faults-test
        title: Faults and invariants
        seed: faults-test
        clock: { start: "2026-08-03T09:00:00+09:00" }
        insurers:
          - { id: ltc-chiyoda, kind: ltc, name: 千代田区介護保険, number: "131011" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
          - { id: nhi-chiyoda, kind: nhi, name: 千代田区国民健康保険, number: "138107" }
        people:
          - id: hanako
            name: 山田 花子
            birthDate: 1958-03-10
            basicPensionNumber: "1234567890"
            residence: nhi-chiyoda
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "00", from: 2018-04-01 }

        """;

    private const string RoutedAtTen = """
          - { id: ask, at: "2026-08-04T10:00:00+09:00", action: routed, requester: ltc-chiyoda, person: hanako, target: medical, purpose: eligibility-check }

        """;

    [Test]
    public async Task Outage_WithoutTheFault_TheSameInquiryIsAnswered()
    {
        var file = Path.Combine(RepositoryFiles.Root, "scenarios", "faults", "insurer-outage.yaml");
        var yaml = File.ReadAllText(file);
        var withoutFault = yaml.Replace("  - { party: kenpo-chukei, kind: down,", "  # - { party: kenpo-chukei, kind: down,", StringComparison.Ordinal);
        Assert.That(withoutFault, Is.Not.EqualTo(yaml), "the test must remove the fault");

        var (faulted, faultedOutput) = await RunAsync(ScenarioLoader.Load(yaml, file));
        var (healthy, _) = await RunAsync(ScenarioLoader.Load(withoutFault, file));

        Assert.That(faulted.Passed, Is.True, faultedOutput);
        Assert.That(faultedOutput, Does.Contain("fault: kenpo-chukei is down; POST /insurers/kenpo-chukei/v1/inquiries refused"));
        var during = healthy.Steps.Single(s => s.Id == "during-outage");
        Assert.That(during.Expectations.Single(e => e.Name == "problem").Actual, Is.EqualTo("(none)"), "without the fault the insurer answers");
    }

    [TestCase("{ kind: error, status: 500 }", "target-unavailable")]
    [TestCase("{ kind: delay, delay: PT30S }", "target-unavailable")]
    [TestCase("{ kind: delay, delay: PT3S }", "(none)")]
    public async Task Fault_DuringTheInterval_IsWhatTheRequesterSees(string fault, string problem)
    {
        var kind = fault.TrimStart('{', ' ').TrimEnd('}', ' ');
        var yaml = Parties + $$"""
            faults:
              - { party: kenpo-chukei, {{kind}}, from: "2026-08-04T00:00:00+09:00", to: "2026-08-05T00:00:00+09:00" }
            steps:

            """ + RoutedAtTen + """
              - { id: after, at: "2026-08-05T10:00:00+09:00", action: routed, requester: ltc-chiyoda, person: hanako, target: medical, purpose: eligibility-check, expect: { status: valid } }
            """;

        var (result, output) = await RunAsync(ScenarioLoader.Load(yaml, "fault.yaml"));

        Assert.That(output, Does.Contain("fault: kenpo-chukei"));
        Assert.That(result.Steps[0].Lines, Has.Some.Contains(problem == "(none)" ? "⑤ kenpo-chukei → ltc-chiyoda: valid" : "② relay refused: 502 " + problem), output);
        Assert.That(result.Steps[1].Passed, Is.True, "after the interval the insurer answers again\n" + output);
    }

    [Test]
    public async Task ShortDelay_MovesTheVirtualClock()
    {
        var yaml = Parties + """
            faults:
              - { party: kenpo-chukei, kind: delay, delay: PT3S, from: "2026-08-04T00:00:00+09:00", to: "2026-08-05T00:00:00+09:00" }
            steps:

            """ + RoutedAtTen + """
              - { id: then, action: verify-log, expect: { chainValid: true } }
            """;

        var (result, output) = await RunAsync(ScenarioLoader.Load(yaml, "delay.yaml"));

        Assert.That(result.Steps[1].At, Is.EqualTo(result.Steps[0].At + TimeSpan.FromSeconds(3)), output);
    }

    [Test]
    public async Task Probability_IsDrawnFromTheSeed_SameRunEveryTime()
    {
        var steps = string.Concat(Enumerable.Range(0, 12).Select(n =>
            $"  - {{ id: ask{n}, at: \"2026-08-04T10:{n:00}:00+09:00\", action: routed, requester: ltc-chiyoda, person: hanako, target: medical, purpose: eligibility-check }}\n"));
        var yaml = Parties + """
            faults:
              - { party: kenpo-chukei, kind: error, status: 503, probability: 0.5, from: "2026-08-04T00:00:00+09:00", to: "2026-08-05T00:00:00+09:00" }
            steps:

            """ + steps;
        var scenario = ScenarioLoader.Load(yaml, "probability.yaml");

        var (first, firstOutput) = await RunAsync(scenario);
        var (second, _) = await RunAsync(scenario);

        static string Refusals(ScenarioResult r) => string.Concat(r.Steps.Select(s => s.Lines.Any(l => l.Contains("relay refused", StringComparison.Ordinal)) ? 'x' : '.'));
        Assert.That(Refusals(first), Does.Contain("x").And.Contain("."), "some requests hit, some not\n" + firstOutput);
        Assert.That(Refusals(second), Is.EqualTo(Refusals(first)));
    }

    [Test]
    public async Task NoSilentFallThrough_WithoutDetection_BreaksOnTheFirstDayOverTheLimit()
    {
        var yaml = Parties + """
            invariants:
              - { check: no-silent-fall-through, days: 14 }
            timeline:
              - { id: leaves, at: 2026-08-10, event: lose, person: hanako, insurer: kenpo-chukei, reasonOfLoss: "99" }
            steps:
              - { id: month-later, at: "2026-09-10T10:00:00+09:00", action: verify-log, expect: { chainValid: true } }
            """;

        var (result, output) = await RunAsync(ScenarioLoader.Load(yaml, "silent.yaml"));

        Assert.That(result.Passed, Is.False, output);
        var verdict = result.Invariants.Single();
        Assert.That(verdict.Held, Is.False);
        Assert.That(verdict.Detail, Does.Contain("hanako has had no medical coverage since 2026-08-10"));
        // No detection runs, so nothing stops the clock in between: the breach is found after the step.
        Assert.That(verdict.Where, Is.EqualTo("after step month-later (2026-09-10 10:00:00 JST)"));
        Assert.That(output, Does.Contain("FAIL faults-test").And.Contain("1 of 1 invariants broken"));
    }

    [Test]
    public async Task NoSilentFallThrough_WithDailyDetection_Holds()
    {
        var yaml = Parties + """
            fallThrough: { grace: P14D }
            invariants:
              - { check: no-silent-fall-through, days: 14 }
            timeline:
              - { id: leaves, at: 2026-08-10, event: lose, person: hanako, insurer: kenpo-chukei, reasonOfLoss: "99" }
            steps:
              - { id: month-later, at: "2026-09-10T10:00:00+09:00", action: fall-through-notices, insurer: nhi-chiyoda, expect: { notices: 1 } }
            """;

        var (result, output) = await RunAsync(ScenarioLoader.Load(yaml, "detected.yaml"));

        Assert.That(result.Passed, Is.True, output);
        Assert.That(result.Invariants.Single().Checks, Is.GreaterThan(30), "checked at every daily detection, not only after the step");
    }

    [Test]
    public async Task NoSilentFallThrough_WithLongerGraceThanAllowed_BreaksTheDayAfterTheLimit()
    {
        var yaml = Parties + """
            fallThrough: { grace: P20D }
            invariants:
              - { check: no-silent-fall-through, days: 14 }
            timeline:
              - { id: leaves, at: 2026-08-10, event: lose, person: hanako, insurer: kenpo-chukei, reasonOfLoss: "99" }
            steps:
              - { id: month-later, at: "2026-09-10T10:00:00+09:00", action: verify-log }
            """;

        var (result, output) = await RunAsync(ScenarioLoader.Load(yaml, "late.yaml"));

        var verdict = result.Invariants.Single();
        Assert.That(verdict.Held, Is.False, output);
        Assert.That(verdict.Where, Is.EqualTo("at 2026-08-25 00:00 JST"), "15 days uncovered at the daily run of 25 Aug");
    }

    [Test]
    public async Task NoSilentFallThrough_WhileTheNhiIsDown_BreaksAndTheNoticeArrivesLater()
    {
        var yaml = Parties + """
            fallThrough: { grace: P14D }
            faults:
              - { party: nhi-chiyoda, kind: down, from: "2026-08-24T00:00:00+09:00", to: "2026-08-27T00:00:00+09:00" }
            invariants:
              - { check: no-silent-fall-through, days: 14 }
            timeline:
              - { id: leaves, at: 2026-08-10, event: lose, person: hanako, insurer: kenpo-chukei, reasonOfLoss: "99" }
            steps:
              - { id: month-later, at: "2026-09-10T10:00:00+09:00", action: fall-through-notices, insurer: nhi-chiyoda, expect: { notices: 1 } }
            """;

        var (result, output) = await RunAsync(ScenarioLoader.Load(yaml, "nhi-down.yaml"));

        Assert.That(result.Steps.Single().Passed, Is.True, "the notice is delivered once the NHI is back\n" + output);
        var verdict = result.Invariants.Single();
        Assert.That(verdict.Held, Is.False, output);
        Assert.That(verdict.Where, Is.EqualTo("at 2026-08-25 00:00 JST"), "the notice of 24 Aug was not delivered; 15 days uncovered on the 25th");
        Assert.That(output, Does.Contain("fault: nhi-chiyoda is down; POST /insurers/nhi-chiyoda/v1/fall-through-notices refused"));
    }

    [Test]
    public async Task EveryAnsweredInquiryIsLogged_BreaksWhenTheRelayOmitsItsLookupEntries()
    {
        var yaml = Parties + """
            invariants:
              - { check: every-answered-inquiry-is-logged }
            steps:
              - { id: direct, action: flow, requester: ltc-chiyoda, person: hanako, target: medical, purpose: eligibility-check, expect: { logged: false } }
            """;
        var scenario = ScenarioLoader.Load(yaml, "unlogged.yaml");

        var (healthy, healthyOutput) = await RunAsync(ScenarioLoader.Load(yaml, "unlogged.yaml"));
        var (defective, output) = await RunAsync(scenario, new NetworkOptions { RelayDefects = new RelayDefects { OmitsLookupEntries = true } });

        Assert.That(healthy.Invariants.Single().Held, Is.True, healthyOutput);
        Assert.That(defective.Invariants.Single().Held, Is.False, output);
        Assert.That(defective.Invariants.Single().Detail, Does.Contain("answered in step direct has no relay entry"));
    }

    [Test]
    public async Task LogChainValid_BreaksWhenAnEntryIsRewritten()
    {
        var yaml = Parties + """
            invariants:
              - { check: log-chain-valid }
            steps:
              - { id: ask, action: routed, requester: ltc-chiyoda, person: hanako, target: medical, purpose: eligibility-check }
            """;
        var scenario = ScenarioLoader.Load(yaml, "chain.yaml");
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock);
        var result = await new ScenarioRunner(network, clock, TextWriter.Null).RunAsync();
        Assert.That(result.Invariants.Single().Held, Is.True);

        ((SqliteRelayStore)network.Relay.Store).ExecuteRaw("UPDATE access_log SET json = replace(json, 'ltc-chiyoda', 'ltc-other') WHERE seq = 1");
        var checker = new InvariantChecker(network);
        var lines = checker.Check("after tampering");

        Assert.That(lines, Has.Exactly(1).Contains("invariant log-chain-valid broken after tampering"));
        Assert.That(checker.Results.Single().Detail, Does.Contain("seq 1"));
    }

    private static async Task<(ScenarioResult Result, string Output)> RunAsync(Model.Scenario scenario, NetworkOptions? options = null)
    {
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock, options);
        using var output = new StringWriter();
        var result = await new ScenarioRunner(network, clock, output).RunAsync();
        return (result, output.ToString());
    }
}

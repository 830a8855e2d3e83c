using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Tests.Running;

/// <summary>The retroactive-notices action: a loss registered through an enrolment step reaches the requester of a stale valid answer, and its expectations can fail.</summary>
public sealed class RetroactiveNoticeStepTests
{
    private const string Loss = """  - { id: loss, action: enrolment, insurer: kenpo-chukei, person: hanako, event: lost, date: 2026-09-01 }""";
    private const string Pickup = """  - { id: told, action: retroactive-notices, requester: ltc-chiyoda, about: asked, expect: { notices: 1, status: invalid, lossDate: 2026-09-01, logged: true } }""";

    private static string Yaml(bool lossFirst) => $$"""
        chukei: 1
        id: notice-step
        title: Notice step
        clock: { start: "2026-10-01T09:00:00+09:00" }
        insurers:
          - { id: ltc-chiyoda, kind: ltc, name: 千代田区介護保険, number: "131011" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
        people:
          - id: hanako
            name: 山田 花子
            basicPensionNumber: "1234567890"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "00", from: 2018-04-01, reasonOfLoss: "03" }
        steps:
          - { id: asked, at: "2026-10-02T10:00:00", action: flow, requester: ltc-chiyoda, person: hanako, target: medical, purpose: eligibility-check, serviceDate: 2026-09-15, expect: { status: valid } }
        {{(lossFirst ? Loss : Pickup)}}
        {{(lossFirst ? Pickup : Loss)}}
        """;

    private static async Task<ScenarioResult> RunAsync(string yaml)
    {
        var scenario = ScenarioLoader.Load(yaml, "notice-step.yaml");
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock);
        return await new ScenarioRunner(network, clock, TextWriter.Null).RunAsync();
    }

    [Test]
    public async Task Notices_LossRegisteredAfterAValidAnswer_ReachTheRequesterAndThePersonsLog()
    {
        var result = await RunAsync(Yaml(lossFirst: true));

        Assert.That(result.Passed, Is.True, string.Join("\n", result.Steps.SelectMany(s => s.Lines.Concat(s.Expectations.Select(e => e.ToString())))));
        Assert.That(result.Steps.Single(s => s.Id == "loss").Lines, Has.Some.Contains("retroactive-change notice to ltc-chiyoda").And.Some.Contains("accepted"));
    }

    [Test]
    public async Task Notices_NothingRegisteredYet_FailTheExpectationsSayingWhatWasMissing()
    {
        // The loss is registered only after the pickup: nothing to pick up, so every expectation of the step fails.
        var result = await RunAsync(Yaml(lossFirst: false));

        var told = result.Steps.Single(s => s.Id == "told");
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(told.Expectations.Select(e => (e.Name, e.Actual)), Is.EquivalentTo(new[]
            {
                ("notices", "0"), ("status", "(no notice)"), ("lossDate", "(none)"), ("logged (notice in the person's access log)", "false"),
            }));
        });
    }
}

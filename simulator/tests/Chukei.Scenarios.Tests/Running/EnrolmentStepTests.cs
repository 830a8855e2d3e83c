using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Chukei.Scenarios.Running;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Tests.Running;

public sealed class EnrolmentStepTests
{
    [Test]
    public async Task Enrolment_LostStep_IsRegisteredAtTheInsurerAndTheRelay()
    {
        // Arrange: kenpo registers hanako's loss through the 'enrolment' action, then the lookup and answer follow it.
        var yaml = """
            chukei: 1
            id: enrolment-step
            title: Enrolment step
            clock: { start: "2026-08-03T09:00:00+09:00" }
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
              - { id: loss, action: enrolment, insurer: kenpo-chukei, person: hanako, event: lost, date: 2026-08-01, expect: { enrolment: registered } }
              - { id: after, action: lookup, requester: ltc-chiyoda, person: hanako, target: medical, purpose: ltc-medical-combined, expect: { lookup: no-current-coverage } }
            """;
        var scenario = ScenarioLoader.Load(yaml, "enrolment-step.yaml");
        var clock = new FakeTimeProvider(ScenarioValidator.ParseInstant(scenario.Clock.Start)!.Value);
        await using var network = await SimulatedNetwork.StartAsync(scenario, clock);

        // Act
        var result = await new ScenarioRunner(network, clock, TextWriter.Null).RunAsync();

        // Assert
        Assert.That(result.Passed, Is.True, string.Join("\n", result.Steps.SelectMany(s => s.Lines.Concat(s.Expectations.Select(e => e.ToString())))));
        var fact = network.Insurers["kenpo-chukei"].Book.RegisteredAt(clock.GetUtcNow()).Single();
        Assert.That((fact.DisqualificationDate, fact.ReasonOfLoss), Is.EqualTo(((DateOnly?)new DateOnly(2026, 8, 1), "03")));
    }
}

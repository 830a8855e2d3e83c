using Chukei.Contracts;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Relay.Tests.Routing;

/// <summary>The routed alternative when the target is not there (RLY-021, LOG-004).</summary>
public sealed class RoutedInquiryTests
{
    [Test]
    public async Task Routed_TargetNotListening_IsTargetUnavailableAndLoggedTwice()
    {
        // Arrange: the medical insurer is "external" and nothing listens at its address.
        var jwks = ProtocolJson.Serialize(new { keys = PartyKeySet.Generate("kenpo-gone").PublicKeys() });
        var yaml = $$"""
            chukei: 1
            id: routed-down
            title: Routed, target down
            clock: { start: "2026-08-03T09:00:00+09:00" }
            insurers:
              - { id: ltc-chiyoda, kind: ltc, name: 千代田区介護保険, number: "131011" }
              - id: kenpo-gone
                kind: health-insurance-society
                name: 不在健保
                number: "06139992"
                external: { baseUrl: "http://127.0.0.1:9", jwks: '{{jwks}}' }
            people:
              - id: hanako
                name: 山田 花子
                basicPensionNumber: "1234567890"
                enrolments:
                  - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
                  - { insurer: kenpo-gone, symbol: "12", number: "3456", branch: "02", from: 2018-04-01 }
            steps:
              - { id: noop, action: verify-log }
            """;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(9)));
        await using var network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(yaml, "routed-down.yaml"), clock);

        // Act
        var trace = await network.RequesterFor("ltc-chiyoda").RunRoutedAsync(new RoutedInquiryRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical, Purpose = Purposes.LtcMedicalCombined, Items = [DataItems.Eligibility], CorrelationId = "down",
        });

        // Assert
        Assert.That(trace.Routed!.Status, Is.EqualTo(502));
        Assert.That(trace.Routed.Problem!.Code, Is.EqualTo("target-unavailable"));
        var entries = network.Relay.Store.WholeLog().ToList();
        Assert.That(entries.Select(e => e.Outcome), Is.EqualTo(new[] { AccessOutcome.Answered, AccessOutcome.Refused }));
        Assert.That(entries[1].RelatedEntryId, Is.EqualTo(entries[0].EntryId));
        Assert.That(entries[1].Code, Is.EqualTo("target-unavailable"));
    }
}

using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Relay.Tests;

/// <summary>A small network on loopback: one LTC insurer, two medical insurers, three people, on a virtual clock.</summary>
internal static class TestNetwork
{
    public static readonly DateTimeOffset Start = new(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(9));

    public const string Yaml = """
        chukei: 1
        id: relay-tests
        title: Relay tests
        seed: relay-tests
        clock: { start: "2026-08-03T09:00:00+09:00" }
        insurers:
          - { id: ltc-chiyoda, kind: ltc, name: 千代田区介護保険, number: "131011" }
          - { id: kenpo-chukei, kind: health-insurance-society, name: 中継健康保険組合, number: "06139992" }
          - { id: kyokai-tokyo, kind: national-association, name: 協会けんぽ東京, number: "01130004" }
        people:
          - id: hanako
            name: 山田 花子
            basicPensionNumber: "1234567890"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-03-10 }
              - { insurer: kenpo-chukei, symbol: "12", number: "3456", branch: "02", from: 2018-04-01 }
          - id: jiro
            name: 鈴木 次郎
            basicPensionNumber: "3456789012"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000055555", from: 2022-01-01 }
              - { insurer: kyokai-tokyo, symbol: "77", number: "1", branch: "00", from: 2000-04-01, to: 2026-04-01, reasonOfLoss: "99" }
          - id: twin
            name: 重複 登録
            basicPensionNumber: "4567890123"
            enrolments:
              - { insurer: ltc-chiyoda, number: "0000077777", from: 2022-01-01 }
              - { insurer: kenpo-chukei, symbol: "12", number: "9001", branch: "00", from: 2019-04-01 }
              - { insurer: kyokai-tokyo, symbol: "77", number: "9002", branch: "00", from: 2019-04-01 }
        steps:
          - { id: noop, action: verify-log }
        """;

    public static async Task<(SimulatedNetwork Network, FakeTimeProvider Clock)> StartAsync(string? storePath = null)
    {
        var clock = new FakeTimeProvider(Start);
        var scenario = ScenarioLoader.Load(Yaml, "relay-tests.yaml");
        var network = await SimulatedNetwork.StartAsync(scenario, clock, new NetworkOptions { StorePath = storePath });
        return (network, clock);
    }
}

namespace Chukei.Benchmarks;

/// <summary>The people and insurers of scenarios/figure5-ltc-to-medical.yaml, inline so the benchmark needs no files.</summary>
internal static class Figure5Scenario
{
    public const string RequesterId = "ltc-chiyoda";
    public const string TargetId = "kenpo-chukei";
    public const string RequesterInsurerNumber = "131011";
    public const string SubjectInsuredNumber = "0000012345";
    public static readonly DateOnly ServiceDate = new(2026, 7, 31);

    public const string Yaml = """
        chukei: 1
        id: bench-figure5
        title: "Figure 5 flow, benchmarked"
        seed: figure5
        clock:
          start: 2026-08-03T09:00:00+09:00
        relay:
          id: relay.chukei.test
          name: 中継DB
        insurers:
          - id: ltc-chiyoda
            kind: ltc
            name: 千代田区介護保険
            number: "131011"
          - id: kenpo-chukei
            kind: health-insurance-society
            name: 中継健康保険組合
            number: "06139992"
        people:
          - id: hanako
            name: 山田 花子
            kana: ヤマダ ハナコ
            birthDate: 1958-03-10
            basicPensionNumber: "1234567890"
            enrolments:
              - insurer: ltc-chiyoda
                number: "0000012345"
                from: 2023-03-10
                copaymentRatio: 10
              - insurer: kenpo-chukei
                symbol: "12"
                number: "3456"
                branch: "02"
                from: 2018-04-01
                personalFamilyClassification: "2"
                copaymentRatio: 30
            benefits:
              - { insurer: kenpo-chukei, month: 2026-05, kind: medical, selfPay: 42000, reimbursed: 0 }
              - { insurer: kenpo-chukei, month: 2026-06, kind: medical, selfPay: 96000, reimbursed: 15900 }
              - { insurer: kenpo-chukei, month: 2026-07, kind: medical, selfPay: 31000, reimbursed: 0 }
        steps:
          - id: combined-benefit-inquiry
            title: "①–⑤ A looks up B at the relay, forwards the sealed number, B answers"
            action: flow
            requester: ltc-chiyoda
            person: hanako
            target: medical
            purpose: ltc-medical-combined
            items: [eligibility, benefits]
            serviceDate: 2026-07-31
        """;
}

using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>Step ③: the requester forwards the seal to the target insurer (INS-001).</summary>
public sealed record InquiryRequest : ICorrelated
{
    [JsonPropertyName("seal")] public required string Seal { get; init; }
    [JsonPropertyName("items")] public required IReadOnlyList<string> Items { get; init; }

    /// <summary>Answer as of this service date (ELG-006); today in Japan (JST) when absent.</summary>
    [JsonPropertyName("serviceDate")] public DateOnly? ServiceDate { get; init; }

    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

/// <summary>Eligibility status, modelled on the OQS QualificationValidity codes 1–5 (ELG-001).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EligibilityStatus>))]
public enum EligibilityStatus
{
    [JsonStringEnumMemberName("valid")] Valid,
    [JsonStringEnumMemberName("invalid")] Invalid,
    [JsonStringEnumMemberName("invalid-newer-qualification")] InvalidNewerQualification,
    [JsonStringEnumMemberName("no-qualification")] NoQualification,
    [JsonStringEnumMemberName("multiple-matches")] MultipleMatches,
}

/// <summary>Reason of loss (ReasonOfLoss): 01 death, 02 public assistance, 03 other insurance acquired, 99 other.</summary>
public static class LossReasons
{
    public const string Death = "01";
    public const string PublicAssistance = "02";
    public const string OtherInsurance = "03";
    public const string Other = "99";

    public static IReadOnlyList<string> All { get; } = [Death, PublicAssistance, OtherInsurance, Other];
}

/// <summary>The qualification an answer is about (資格情報).</summary>
public sealed record QualificationRecord
{
    [JsonPropertyName("insurerNumber")] public required string InsurerNumber { get; init; }
    [JsonPropertyName("symbol")] public string? Symbol { get; init; }
    [JsonPropertyName("number")] public required string Number { get; init; }
    [JsonPropertyName("branch")] public string? Branch { get; init; }

    /// <summary>1 insured person (本人), 2 dependant (家族).</summary>
    [JsonPropertyName("personalFamilyClassification")] public string? PersonalFamilyClassification { get; init; }

    [JsonPropertyName("qualificationDate")] public required DateOnly QualificationDate { get; init; }
    [JsonPropertyName("disqualificationDate")] public DateOnly? DisqualificationDate { get; init; }
    [JsonPropertyName("reasonOfLoss")] public string? ReasonOfLoss { get; init; }

    /// <summary>Co-payment ratio in percent (10, 20 or 30); LTC answers carry the LTC burden ratio.</summary>
    [JsonPropertyName("copaymentRatio")] public int? CopaymentRatio { get; init; }

    /// <summary>
    /// A medical insurer's record: whether the person is a secondary LTC insured (介護保険第2号被保険者) on the
    /// service date, i.e. covered and aged 40 to 64, so the insurer collects LTC premiums (ELG-023). LTC records omit it.
    /// </summary>
    [JsonPropertyName("ltcSecondaryInsured")] public bool? LtcSecondaryInsured { get; init; }
}

/// <summary>A benefit record (給付情報): one month's self-pay and what the insurer already paid back.</summary>
public sealed record BenefitRecord
{
    [JsonPropertyName("month")] public required string Month { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("selfPay")] public required long SelfPay { get; init; }
    [JsonPropertyName("reimbursed")] public required long Reimbursed { get; init; }
}

/// <summary>Step ⑤: the target's answer, sent as the body of a signed response envelope (INS-040).</summary>
public sealed record InquiryAnswer
{
    [JsonPropertyName("status")] public required EligibilityStatus Status { get; init; }
    [JsonPropertyName("serviceDate")] public required DateOnly ServiceDate { get; init; }

    /// <summary>When the insurer's database last registered a change for this person (ELG-003).</summary>
    [JsonPropertyName("asOf")] public required DateTimeOffset AsOf { get; init; }

    /// <summary>A change was notified to the insurer but is not yet registered (ELG-004); the answer may not be final.</summary>
    [JsonPropertyName("changePending")] public required bool ChangePending { get; init; }

    [JsonPropertyName("pendingSince")] public DateTimeOffset? PendingSince { get; init; }
    [JsonPropertyName("qualification")] public QualificationRecord? Qualification { get; init; }
    [JsonPropertyName("benefits")] public IReadOnlyList<BenefitRecord>? Benefits { get; init; }
    [JsonPropertyName("insurerLogEntryId")] public required string InsurerLogEntryId { get; init; }
    [JsonPropertyName("relayLogEntryId")] public required string RelayLogEntryId { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

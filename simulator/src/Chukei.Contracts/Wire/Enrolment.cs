using System.Text.Json.Serialization;

namespace Chukei.Contracts.Wire;

/// <summary>Enrolment change an insurer reports to the relay (RLY-030): acquisition or loss of a qualification.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnrolmentEvent>))]
public enum EnrolmentEvent
{
    [JsonStringEnumMemberName("acquired")] Acquired,
    [JsonStringEnumMemberName("lost")] Lost,
}

/// <summary>
/// The relay matches the person by basic pension number, the one number that survives a change of insurer;
/// the insurer sends the number under which it insures the person.
/// </summary>
public sealed record EnrolmentUpdate : ICorrelated
{
    [JsonPropertyName("basicPensionNumber")] public required string BasicPensionNumber { get; init; }
    [JsonPropertyName("event")] public required EnrolmentEvent Event { get; init; }
    [JsonPropertyName("effectiveDate")] public required DateOnly EffectiveDate { get; init; }
    [JsonPropertyName("medical")] public MedicalInsured? Medical { get; init; }
    [JsonPropertyName("ltc")] public LtcInsured? Ltc { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<EnrolmentOutcome>))]
public enum EnrolmentOutcome
{
    [JsonStringEnumMemberName("registered")] Registered,
    [JsonStringEnumMemberName("person-not-found")] PersonNotFound,
    [JsonStringEnumMemberName("multiple-matches")] MultipleMatches,

    /// <summary>A loss names an enrolment the relay does not hold open.</summary>
    [JsonStringEnumMemberName("no-such-enrolment")] NoSuchEnrolment,
}

public sealed record EnrolmentAnswer
{
    [JsonPropertyName("outcome")] public required EnrolmentOutcome Outcome { get; init; }
    [JsonPropertyName("registeredAt")] public required DateTimeOffset RegisteredAt { get; init; }
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }
}

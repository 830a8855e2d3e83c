using System.Text.Json.Serialization;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>The conclusions of a reception check (protocol CLN-037), as a clinic's driver reports them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClinicConclusion>))]
public enum ClinicConclusion
{
    [JsonStringEnumMemberName("eligible")] Eligible,
    [JsonStringEnumMemberName("eligible-provisional")] EligibleProvisional,
    [JsonStringEnumMemberName("not-eligible")] NotEligible,
    [JsonStringEnumMemberName("card-problem")] CardProblem,
    [JsonStringEnumMemberName("relay-problem")] RelayProblem,
}

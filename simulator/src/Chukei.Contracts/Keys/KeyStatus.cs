using System.Text.Json.Serialization;

namespace Chukei.Contracts.Keys;

/// <summary>Lifecycle of a published key (DIR-005): active keys sign and receive; retired keys are still accepted; revoked keys never are.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyStatus>))]
public enum KeyStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("retired")] Retired,
    [JsonStringEnumMemberName("revoked")] Revoked,
}

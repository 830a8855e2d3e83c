using System.Text.Json.Serialization;

namespace Chukei.Contracts;

/// <summary>The role a party plays in the network (DIR-002).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartyRole>))]
public enum PartyRole
{
    [JsonStringEnumMemberName("relay")] Relay,
    [JsonStringEnumMemberName("medical-insurer")] MedicalInsurer,
    [JsonStringEnumMemberName("ltc-insurer")] LtcInsurer,
    [JsonStringEnumMemberName("clinic")] Clinic,
    [JsonStringEnumMemberName("portal")] Portal,
}

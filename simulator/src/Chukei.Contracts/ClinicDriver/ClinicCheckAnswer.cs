using System.Text.Json.Serialization;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>What a clinic's driver answers for one check: its conclusion, the reason code, the PIN tries left when the card said, whether it showed a renewal alert, and its log lines for the check.</summary>
public sealed record ClinicCheckAnswer
{
    [JsonPropertyName("conclusion")] public required ClinicConclusion Conclusion { get; init; }

    [JsonPropertyName("reason")] public string? Reason { get; init; }

    [JsonPropertyName("pinTriesLeft")] public int? PinTriesLeft { get; init; }

    /// <summary>Whether the clinic showed the person a renewal alert for the card's certificate (CLN-038); absent = the clinic does not report it.</summary>
    [JsonPropertyName("renewalAlert")] public bool? RenewalAlert { get; init; }

    /// <summary>Every log or trace line the clinic wrote for the check (the kit looks for the PIN in them, CLN-039).</summary>
    [JsonPropertyName("log")] public IReadOnlyList<string>? Log { get; init; }
}

using System.Text.Json.Serialization;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>The reader's view of the card: its ATR as hex and whether it is powered.</summary>
public sealed record CardReaderState
{
    [JsonPropertyName("atr")] public required string Atr { get; init; }

    [JsonPropertyName("powered")] public required bool Powered { get; init; }
}

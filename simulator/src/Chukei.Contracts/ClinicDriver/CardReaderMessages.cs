using System.Text.Json.Serialization;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>One command APDU for the kit's card reader, as hex (<c>"00A4040C0AD392F000260100000001"</c>).</summary>
public sealed record CardReaderCommand
{
    [JsonPropertyName("apdu")] public required string Apdu { get; init; }
}

/// <summary>The card's response APDU, as hex: data then SW1 SW2 (<c>"9000"</c>).</summary>
public sealed record CardReaderResponse
{
    [JsonPropertyName("response")] public required string Response { get; init; }
}

/// <summary>The reader's view of the card: its ATR as hex and whether it is powered.</summary>
public sealed record CardReaderState
{
    [JsonPropertyName("atr")] public required string Atr { get; init; }

    [JsonPropertyName("powered")] public required bool Powered { get; init; }
}

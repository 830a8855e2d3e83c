using System.Text.Json.Serialization;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>The card's response APDU, as hex: data then SW1 SW2 (<c>"9000"</c>).</summary>
public sealed record CardReaderResponse
{
    [JsonPropertyName("response")] public required string Response { get; init; }
}

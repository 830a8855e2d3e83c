using System.Text.Json.Serialization;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>One command APDU for the kit's card reader, as hex (<c>"00A4040C0AD392F000260100000001"</c>).</summary>
public sealed record CardReaderCommand
{
    [JsonPropertyName("apdu")] public required string Apdu { get; init; }
}

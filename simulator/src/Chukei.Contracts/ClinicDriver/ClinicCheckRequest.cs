using System.Text.Json.Serialization;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>
/// What the clinic conformance kit sends a clinic's driver for one reception check (<c>POST {driverUrl}/checks</c>, or
/// the driver command's standard input): the card reader to use for this check, the PIN the person entered, the
/// service date and the relay to call. Not part of the network protocol: a test harness contract (conformance/README.md).
/// </summary>
public sealed record ClinicCheckRequest
{
    /// <summary>Unique per check; the reader URL is valid for this check only.</summary>
    [JsonPropertyName("checkId")] public required string CheckId { get; init; }

    /// <summary>The kit's card reader holding the person's card for this check (see <see cref="CardReaderPaths"/>).</summary>
    [JsonPropertyName("readerUrl")] public required string ReaderUrl { get; init; }

    /// <summary>The PIN as the person typed it; it may be malformed on purpose (CLN-030).</summary>
    [JsonPropertyName("pin")] public required string Pin { get; init; }

    [JsonPropertyName("serviceDate")] public required DateOnly ServiceDate { get; init; }

    /// <summary>The relay's base URL for this check (the kit points some checks at a tampering proxy or at a relay that is down).</summary>
    [JsonPropertyName("relayUrl")] public required string RelayUrl { get; init; }
}

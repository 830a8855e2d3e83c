using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>One access record a party reported to the kit's relay stand-in, with the report exchange that carried it.</summary>
public sealed record ReceivedRecord(string Reporter, InsurerAccessRecord Record, DateTimeOffset ReceivedAt, RecordedExchange Exchange);

using Chukei.Contracts.Client;

namespace Chukei.Conformance.Evidence;

/// <summary>One recorded exchange and its direction (kit → target, or target → kit).</summary>
public sealed record EvidenceItem(string Direction, RecordedExchange Exchange);

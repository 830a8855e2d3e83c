using System.Text.Json.Serialization;
using Chukei.Contracts.Wire;

namespace Chukei.Contracts.ClinicDriver;

/// <summary>
/// <c>POST {driverUrl}/notice-pickups</c>: the clinic picks up its retroactive-change notices from the relay at
/// <see cref="RelayUrl"/> as it does on its own schedule (ELG-020, ELG-022), and answers <see cref="ClinicHeldNotices"/>.
/// A driver that answers 404 does not claim ELG-021.
/// </summary>
public sealed record ClinicNoticePickupRequest
{
    [JsonPropertyName("relayUrl")] public required string RelayUrl { get; init; }
}

/// <summary>Every retroactive-change notice the clinic holds, each once, with the reception record it superseded (ELG-021).</summary>
public sealed record ClinicHeldNotices
{
    [JsonPropertyName("notices")] public required IReadOnlyList<ClinicHeldNotice> Notices { get; init; }
}

/// <summary>
/// One notice the clinic holds: the relay's entry for it, and the reception record it found by the notice's
/// correlationId and relayLogEntryId, now marked superseded by <see cref="Status"/> from <see cref="DisqualificationDate"/>.
/// </summary>
public sealed record ClinicHeldNotice
{
    /// <summary>The relay's entry id of the notice (the <c>logEntryId</c> it was delivered under).</summary>
    [JsonPropertyName("noticeLogEntryId")] public required string NoticeLogEntryId { get; init; }

    /// <summary>The correlationId of the clinic's card-eligibility request the superseded answer came for.</summary>
    [JsonPropertyName("correlationId")] public required string CorrelationId { get; init; }

    /// <summary>The relay's log entry of that check (the answer's <c>logEntryId</c>).</summary>
    [JsonPropertyName("relayLogEntryId")] public required string RelayLogEntryId { get; init; }

    [JsonPropertyName("serviceDate")] public required DateOnly ServiceDate { get; init; }

    /// <summary>What the earlier valid answer is superseded by.</summary>
    [JsonPropertyName("status")] public required EligibilityStatus Status { get; init; }

    [JsonPropertyName("disqualificationDate")] public DateOnly? DisqualificationDate { get; init; }
}

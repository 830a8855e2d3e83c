using System.Text.Json.Serialization;

namespace Chukei.Contracts.Problems;

/// <summary>RFC 9457 problem details with the protocol's extension members (ERR-001).</summary>
public sealed record Problem
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("status")] public required int Status { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
    [JsonPropertyName("instance")] public string? Instance { get; init; }

    /// <summary>Stable failure code; clients switch on this, never on <c>title</c> or <c>detail</c>.</summary>
    [JsonPropertyName("code")] public required string Code { get; init; }

    /// <summary>The requirement the failure enforces.</summary>
    [JsonPropertyName("requirement")] public required string Requirement { get; init; }

    /// <summary>JSON pointer or claim/header name of the offending input, when there is one.</summary>
    [JsonPropertyName("field")] public string? Field { get; init; }

    [JsonPropertyName("correlationId")] public string? CorrelationId { get; init; }

    public static Problem From(ProblemCode code, string? detail = null, string? field = null, string? correlationId = null) => new()
    {
        Type = code.TypeUri,
        Title = code.Title,
        Status = code.Status,
        Code = code.Code,
        Requirement = code.RequirementId,
        Detail = detail,
        Field = field,
        CorrelationId = correlationId,
    };
}

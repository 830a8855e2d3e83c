namespace Chukei.Contracts.Wire;

/// <summary>A message carrying the requester's correlation id, echoed in answers, problems and log entries (LOG-002).</summary>
public interface ICorrelated
{
    string CorrelationId { get; }
}

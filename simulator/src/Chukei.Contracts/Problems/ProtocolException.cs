namespace Chukei.Contracts.Problems;

/// <summary>Thrown where a protocol rule is broken; endpoints turn it into problem+json.</summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException(ProblemCode code, string detail, string? field = null, string? requirementId = null)
        : base($"{code.Code}: {detail}")
    {
        Code = code;
        Detail = detail;
        Field = field;
        RequirementId = requirementId ?? code.RequirementId;
    }

    public ProtocolException() : this(ProblemCodes.InvalidField, "invalid input") { }

    public ProtocolException(string message) : this(ProblemCodes.InvalidField, message) { }

    public ProtocolException(string message, Exception innerException) : base(message, innerException)
    {
        Code = ProblemCodes.InvalidField;
        Detail = message;
        RequirementId = Code.RequirementId;
    }

    public ProblemCode Code { get; }
    public string Detail { get; }
    public string? Field { get; }

    /// <summary>The requirement broken; usually the code's own, but a code can enforce more than one rule (e.g. RLY-005 and INS-030).</summary>
    public string RequirementId { get; }

    public Problem ToProblem(string? correlationId = null) => Problem.From(Code, Detail, Field, correlationId) with { Requirement = RequirementId };
}

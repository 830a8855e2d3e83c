namespace Chukei.Contracts.Problems;

/// <summary>Thrown where a protocol rule is broken; endpoints turn it into problem+json.</summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException(ProblemCode code, string detail, string? field = null)
        : base($"{code.Code}: {detail}")
    {
        Code = code;
        Detail = detail;
        Field = field;
    }

    public ProtocolException() : this(ProblemCodes.InvalidField, "invalid input") { }

    public ProtocolException(string message) : this(ProblemCodes.InvalidField, message) { }

    public ProtocolException(string message, Exception innerException) : base(message, innerException)
    {
        Code = ProblemCodes.InvalidField;
        Detail = message;
    }

    public ProblemCode Code { get; }
    public string Detail { get; }
    public string? Field { get; }

    public Problem ToProblem(string? correlationId = null) => Problem.From(Code, Detail, Field, correlationId);
}

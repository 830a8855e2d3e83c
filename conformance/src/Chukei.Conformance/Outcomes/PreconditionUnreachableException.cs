namespace Chukei.Conformance.Outcomes;

/// <summary>The kit could not establish what the check needs (the target unreachable, a setup call refused): no verdict.</summary>
public sealed class PreconditionUnreachableException : Exception
{
    public PreconditionUnreachableException() { }

    public PreconditionUnreachableException(string message) : base(message) { }

    public PreconditionUnreachableException(string message, Exception inner) : base(message, inner) { }
}

namespace Chukei.Conformance.Runs;

/// <summary>The target did not answer the first case at all: nothing can be checked (an infrastructure error, not a finding).</summary>
public sealed class TargetUnreachableException : Exception
{
    public TargetUnreachableException() { }

    public TargetUnreachableException(string message) : base(message) { }

    public TargetUnreachableException(string message, Exception inner) : base(message, inner) { }
}

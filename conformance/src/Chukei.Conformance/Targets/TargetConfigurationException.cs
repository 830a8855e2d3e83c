namespace Chukei.Conformance.Targets;

/// <summary>The kit's settings are incomplete or invalid: a usage error, not a finding about the target.</summary>
public sealed class TargetConfigurationException : Exception
{
    public TargetConfigurationException() { }

    public TargetConfigurationException(string message) : base(message) { }

    public TargetConfigurationException(string message, Exception inner) : base(message, inner) { }
}

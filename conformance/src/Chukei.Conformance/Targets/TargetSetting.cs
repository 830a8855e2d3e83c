namespace Chukei.Conformance.Targets;

/// <summary>One setting of the kit, by its NUnit test-parameter name and its environment-variable name.</summary>
public sealed record TargetSetting(string Parameter, string EnvironmentVariable)
{
    public override string ToString() => $"{Parameter} / {EnvironmentVariable}";
}

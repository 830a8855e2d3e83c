namespace Chukei.Scenarios.Loading;

/// <summary>One problem with a scenario file, located as file:line:column.</summary>
public sealed record ScenarioDiagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A scenario that cannot run; <see cref="Diagnostics"/> says where and why.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics)) => Diagnostics = diagnostics;

    public ScenarioException() : this([]) { }

    public ScenarioException(string message) : base(message) => Diagnostics = [];

    public ScenarioException(string message, Exception innerException) : base(message, innerException) => Diagnostics = [];

    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; }
}

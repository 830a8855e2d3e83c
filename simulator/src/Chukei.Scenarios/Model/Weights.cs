using YamlDotNet.Serialization;

namespace Chukei.Scenarios.Model;

/// <summary>A YAML map of names to numbers (a distribution or a table of rates) that knows where it starts in its file.</summary>
public sealed class Weights : Dictionary<string, double>
{
    public Weights() : base(StringComparer.Ordinal) { }

    [YamlIgnore] public int Line { get; set; }
    [YamlIgnore] public int Column { get; set; }

    /// <summary>A position-only node, so diagnostics about the map can use the shared error callback.</summary>
    public ScenarioNode Position => new PositionNode { Line = Line, Column = Column };

    private sealed class PositionNode : ScenarioNode;
}

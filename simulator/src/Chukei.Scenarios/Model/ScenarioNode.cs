using YamlDotNet.Serialization;

namespace Chukei.Scenarios.Model;

/// <summary>Where a node starts in its file, so semantic errors can say file:line:column like syntax errors do.</summary>
public abstract class ScenarioNode
{
    [YamlIgnore] public int Line { get; set; }
    [YamlIgnore] public int Column { get; set; }
}

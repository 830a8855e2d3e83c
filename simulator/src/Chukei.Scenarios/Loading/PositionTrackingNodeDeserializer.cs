using Chukei.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Chukei.Scenarios.Loading;

/// <summary>Records where each scenario object starts, so semantic errors can point at it.</summary>
internal sealed class PositionTrackingNodeDeserializer(INodeDeserializer inner) : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        var start = reader.Current?.Start;
        if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer)) return false;
        if (start is not { } mark) return true;
        if (value is ScenarioNode node) (node.Line, node.Column) = ((int)mark.Line, (int)mark.Column);
        else if (value is Weights weights) (weights.Line, weights.Column) = ((int)mark.Line, (int)mark.Column);
        return true;
    }
}

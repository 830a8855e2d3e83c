using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Chukei.Scenarios.Loading;

/// <summary>The same for maps read as dictionaries (<see cref="Weights"/>).</summary>
internal sealed class PositionTrackingDictionaryDeserializer(INodeDeserializer inner) : INodeDeserializer
{
    private readonly PositionTrackingNodeDeserializer _tracking = new(inner);

    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer) =>
        _tracking.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer);
}

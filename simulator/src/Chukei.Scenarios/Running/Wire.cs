using System.Text.Json;
using Chukei.Contracts.Json;

namespace Chukei.Scenarios.Running;

/// <summary>Enum values as they appear on the wire (and in scenario files).</summary>
internal static class Wire
{
    public static string Name<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, ProtocolJson.Options).Trim('"');
}

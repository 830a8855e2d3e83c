using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Chukei.Scenarios.Loading;

/// <summary>
/// Turns a parsed YAML document into a JSON tree for schema validation, remembering where each node started so a
/// schema error at <c>/people/0/enrolments/1/from</c> can be reported as file:line:column. Plain scalars take YAML 1.2
/// core-schema types (int, float, bool, null); quoted scalars stay strings.
/// </summary>
public static class YamlJson
{
    public sealed record Result(JsonNode? Root, IReadOnlyDictionary<string, Mark> Positions);

    public static Result Convert(YamlNode root)
    {
        var positions = new Dictionary<string, Mark>(StringComparer.Ordinal);
        return new Result(ToJson(root, "", positions), positions);
    }

    private static JsonNode? ToJson(YamlNode node, string pointer, Dictionary<string, Mark> positions)
    {
        positions[pointer] = node.Start;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    var child = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    // A duplicate key is a YAML error of its own; the schema sees the last value, as the loader does.
                    obj[name] = ToJson(value, child, positions);
                    positions[child] = key.Start;
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in seq.Children) array.Add(ToJson(item, pointer + "/" + (i++).ToString(CultureInfo.InvariantCulture), positions));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonValue? Scalar(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (s.Style != ScalarStyle.Plain) return JsonValue.Create(v);
        if (v is "" or "~" or "null" or "Null" or "NULL") return null;
        if (v is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (v is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) && !(v.Length > 1 && v.TrimStart('-', '+').StartsWith('0')))
            return JsonValue.Create(l);
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && v.Any(char.IsAsciiDigit) && !v.Contains('-', StringComparison.Ordinal))
            return JsonValue.Create(d);
        return JsonValue.Create(v);
    }
}

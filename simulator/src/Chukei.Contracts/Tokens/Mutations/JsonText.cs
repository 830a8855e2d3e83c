using System.Text.Json;
using Chukei.Contracts.Json;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// Writes a JSON object member by member, in the given order and WITHOUT de-duplication: attack tokens need exact
/// header text (a repeated member, a member order a serializer would not produce) that a dictionary cannot express.
/// </summary>
public static class JsonText
{
    public static string Members(params (string Name, object? Value)[] members) =>
        "{" + string.Join(",", members.Select(m => Quote(m.Name) + ":" + Value(m.Value))) + "}";

    /// <summary>Inserts raw members right after the opening brace of a serialized object.</summary>
    public static string Prepend(string objectJson, string rawMembers) =>
        objectJson.StartsWith('{') ? "{" + rawMembers + (objectJson.Length > 2 ? "," : "") + objectJson[1..] : throw new ArgumentException("not a JSON object", nameof(objectJson));

    public static string Quote(string value) => JsonSerializer.Serialize(value, ProtocolJson.Options);

    private static string Value(object? value) => value switch
    {
        null => "null",
        RawJson raw => raw.Text,
        _ => JsonSerializer.Serialize(value, value.GetType(), ProtocolJson.Options),
    };
}

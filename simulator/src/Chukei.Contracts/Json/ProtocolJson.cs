using System.Text.Json;
using System.Text.Json.Serialization;
using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Json;

/// <summary>
/// The one JSON configuration of the protocol: camelCase, no duplicate members (N18), bounded depth (ERR-004).
/// Every party parses with these options so that "same bytes, same meaning" holds across the network.
/// </summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = ProtocolConstants.MaxJsonDepth,
    };

    private static JsonSerializerOptions Create(bool indented)
    {
        // Exact member names, numbers as numbers, enums as their wire strings: the same bytes mean the same thing
        // to every party, and a near-miss is an error rather than a guess.
        var o = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            MaxDepth = ProtocolConstants.MaxJsonDepth,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static byte[] SerializeToUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>
    /// Parses a protocol body, turning every JSON failure into a <see cref="ProtocolException"/> that names the
    /// offending member and position, so a caller never sees a stack trace.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, Options)
                ?? throw new ProtocolException(ProblemCodes.InvalidField, $"{what} must be a JSON object, not null", "/");
        }
        catch (JsonException ex)
        {
            throw Translate(ex, what);
        }
    }

    public static T Deserialize<T>(JsonElement element, string what)
    {
        try
        {
            return element.Deserialize<T>(Options)
                ?? throw new ProtocolException(ProblemCodes.InvalidField, $"{what} must be a JSON object, not null", "/");
        }
        catch (JsonException ex)
        {
            throw Translate(ex, what);
        }
    }

    /// <summary>Parses a JSON document strictly (duplicates and excess depth refused).</summary>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> utf8, string what)
    {
        try
        {
            return JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Translate(ex, what);
        }
    }

    /// <summary>Turns the serializer's <c>$.a.b[0]</c> path into the JSON Pointer <c>/a/b/0</c> problems use (ERR-005).</summary>
    public static string? ToPointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var p = path.StartsWith('$') ? path[1..] : path;
        p = System.Text.RegularExpressions.Regex.Replace(p, @"\[(\d+)\]", "/$1");
        p = System.Text.RegularExpressions.Regex.Replace(p, @"\['([^']*)'\]", "/$1");
        return p.Replace('.', '/');
    }

    private static ProtocolException Translate(JsonException ex, string what)
    {
        var field = ToPointer(ex.Path);
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
        // The serializer wraps the reader's own exception; that one means the bytes are not JSON at all.
        var reader = FindReaderException(ex);
        var message = (reader ?? ex).Message;
        if (message.Contains("maximum", StringComparison.OrdinalIgnoreCase) && message.Contains("depth", StringComparison.OrdinalIgnoreCase))
            return new ProtocolException(ProblemCodes.JsonTooDeep, $"{what}: nesting deeper than {ProtocolConstants.MaxJsonDepth}{where}", field);
        if (message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
            return new ProtocolException(ProblemCodes.InvalidField, $"{what}: member {field ?? "(root)"} appears twice{where}", field);
        if (reader is not null)
            return new ProtocolException(ProblemCodes.MalformedJson, $"{what} is not well-formed JSON{where}", field);
        if (message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            var missing = message[(message.IndexOf("including:", StringComparison.Ordinal) + 10)..].Trim().TrimEnd('.').Trim('\'');
            return new ProtocolException(ProblemCodes.InvalidField, $"{what}: required member '{missing}' is missing", (field ?? "") + "/" + missing);
        }
        return new ProtocolException(ProblemCodes.InvalidField, $"{what}: member {field ?? "(root)"} has the wrong type{where}", field);
    }

    private static Exception? FindReaderException(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e.GetType().Name == "JsonReaderException") return e;
        }
        return null;
    }
}

using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Chukei.Scenarios.Loading;

/// <summary>
/// <c>chukei lint</c>: every problem of a scenario file at once — YAML syntax, then the JSON Schema published as
/// scenarios/schema.json, then the semantic rules — each as file:line:column.
/// </summary>
public static class ScenarioLinter
{
    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(ScenarioLinter).Assembly.GetManifestResourceStream("Chukei.Scenarios.schema.json")
            ?? throw new InvalidOperationException("the scenario schema is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value));
    private static readonly Lazy<JsonNode> SchemaNode = new(() => JsonNode.Parse(SchemaText.Value)!);

    public static IReadOnlyList<ScenarioDiagnostic> LintFile(string path) =>
        File.Exists(path) ? Lint(File.ReadAllText(path), path) : [new ScenarioDiagnostic(path, 0, 0, "file not found")];

    public static IReadOnlyList<ScenarioDiagnostic> Lint(string yaml, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return [new ScenarioDiagnostic(fileName, (int)ex.Start.Line, (int)ex.Start.Column, ex.Message)];
        }
        if (stream.Documents.Count == 0) return [new ScenarioDiagnostic(fileName, 1, 1, "the file is empty")];

        var (root, positions) = YamlJson.Convert(stream.Documents[0].RootNode);
        var schemaErrors = SchemaErrors(root, positions, fileName);
        if (schemaErrors.Count > 0) return schemaErrors;
        try
        {
            ScenarioLoader.Load(yaml, fileName);
            return [];
        }
        catch (ScenarioException ex)
        {
            return ex.Diagnostics;
        }
    }

    private static List<ScenarioDiagnostic> SchemaErrors(JsonNode? root, IReadOnlyDictionary<string, Mark> positions, string fileName)
    {
        var results = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var list = new List<ScenarioDiagnostic>();
        if (results.IsValid) return list;
        foreach (var detail in results.Details)
        {
            if (detail.Errors is not { Count: > 0 } errors) continue;
            var pointer = detail.InstanceLocation.ToString();
            var mark = Nearest(positions, pointer);
            foreach (var (keyword, message) in errors)
            {
                var where = pointer.Length == 0 ? "the document" : pointer;
                var text = keyword == "" && detail.EvaluationPath.ToString().EndsWith("additionalProperties", StringComparison.Ordinal)
                    ? $"{where}: unknown key (see scenarios/schema.json)"
                    : Explain(keyword, detail.SchemaLocation) is { } explained
                        ? $"{where}: {explained}"
                        : $"{where}: {message}";
                list.Add(new ScenarioDiagnostic(fileName, (int)mark.Line, (int)mark.Column, text));
            }
        }
        return list.DistinctBy(d => (d.Line, d.Column, d.Message)).OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
    }

    /// <summary>Says what to write instead, from the schema itself: the allowed values, or the pattern and its description.</summary>
    private static string? Explain(string keyword, Uri schemaLocation)
    {
        JsonNode? node = SchemaNode.Value;
        foreach (var part in schemaLocation.Fragment.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[Uri.UnescapeDataString(part).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }
        return keyword switch
        {
            "enum" when node?["enum"] is JsonArray values => "must be one of " + string.Join(", ", values.Select(v => v?.ToJsonString())),
            "const" when node?["const"] is { } constant => "must be " + constant.ToJsonString(),
            "pattern" when node?["pattern"] is { } pattern =>
                $"must match {pattern.GetValue<string>()}" + (node["description"] is { } d ? $" ({d.GetValue<string>()})" : ""),
            _ => null,
        };
    }

    /// <summary>The position of the pointer, or of its closest ancestor the YAML had (a missing member points at its parent).</summary>
    private static Mark Nearest(IReadOnlyDictionary<string, Mark> positions, string pointer)
    {
        while (true)
        {
            if (positions.TryGetValue(pointer, out var mark)) return mark;
            var cut = pointer.LastIndexOf('/');
            if (cut < 0) return Mark.Empty;
            pointer = pointer[..cut];
        }
    }
}

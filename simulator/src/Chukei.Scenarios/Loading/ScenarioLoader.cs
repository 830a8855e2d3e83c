using System.Text.RegularExpressions;
using Chukei.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Chukei.Scenarios.Loading;

/// <summary>Reads a scenario file: YAML syntax and shape first, then the semantic rules of <see cref="ScenarioValidator"/>.</summary>
public static partial class ScenarioLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithNodeDeserializer<PositionTrackingNodeDeserializer>(inner => new PositionTrackingNodeDeserializer(inner), s => s.InsteadOf<ObjectNodeDeserializer>())
        .WithNodeDeserializer<PositionTrackingDictionaryDeserializer>(inner => new PositionTrackingDictionaryDeserializer(inner), s => s.InsteadOf<DictionaryNodeDeserializer>())
        .Build();

    public static Scenario LoadFile(string path)
    {
        if (!File.Exists(path))
            throw new ScenarioException([new ScenarioDiagnostic(path, 0, 0, "file not found")]);
        return Load(File.ReadAllText(path), path);
    }

    public static Scenario Load(string yaml, string fileName)
    {
        Scenario? scenario;
        try
        {
            scenario = Deserializer.Deserialize<Scenario>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ScenarioException([new ScenarioDiagnostic(fileName, (int)ex.Start.Line, (int)ex.Start.Column, Explain(ex))]);
        }
        if (scenario is null)
            throw new ScenarioException([new ScenarioDiagnostic(fileName, 1, 1, "the file is empty")]);
        var diagnostics = ScenarioValidator.Validate(scenario, fileName);
        if (diagnostics.Count > 0) throw new ScenarioException(diagnostics);
        return scenario;
    }

    /// <summary>YamlDotNet wraps the real cause; the innermost message is the one that says what is wrong.</summary>
    private static string Explain(YamlException ex)
    {
        Exception e = ex;
        while (e.InnerException is not null) e = e.InnerException;
        var message = e.Message;
        var unknown = UnknownProperty().Match(ex.Message);
        if (unknown.Success) return $"unknown key '{unknown.Groups[1].Value}' (see docs/scenarios.md for the keys of this section)";
        if (e is FormatException || message.Contains("Input string", StringComparison.Ordinal))
            return $"value has the wrong type: {message}";
        return Regex.Replace(message, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", "");
    }

    [GeneratedRegex(@"Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();
}

using System.Reflection;
using System.Text.Json.Nodes;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Tests.Loading;

/// <summary>The published schema and the linter: every problem at once, each with its position.</summary>
public sealed class ScenarioLinterTests
{
    private static IEnumerable<string> ShippedScenarios() => RepositoryFiles.Scenarios();

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Lint_ShippedScenario_IsClean(string file) => Assert.That(ScenarioLinter.LintFile(file), Is.Empty);

    [Test]
    public void Lint_SeveralSchemaProblems_ReportsEachWithItsPosition()
    {
        const string yaml = """
            chukei: 1
            id: t
            title: T
            insurers:
              - { id: ltc-chiyoda, kind: ltc, name: 千代田区, number: "131011", colour: red }
            people:
              - id: hanako
                name: 山田 花子
                basicPensionNumber: "123"
                enrolments:
                  - { insurer: ltc-chiyoda, number: "0000012345", from: 2023-3-10, copaymentRatio: 25 }
            steps:
              - { id: s1, action: verify-log }
            """;

        var d = ScenarioLinter.Lint(yaml, "s.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(d.Select(x => x.Line).Distinct(), Is.EquivalentTo(new[] { 5, 9, 11 }), string.Join("\n", d));
            Assert.That(d.Single(x => x.Line == 5).Message, Does.Contain("/insurers/0/colour").And.Contain("unknown key"));
            Assert.That(d.Where(x => x.Line == 11).Select(x => x.Message), Has.Some.Contain("/copaymentRatio").And.Some.Contain("/from"));
            Assert.That(d.Single(x => x.Line == 9).Column, Is.EqualTo(5));
        });
    }

    [Test]
    public void Lint_SchemaCleanButSemanticallyWrong_ReportsTheSemanticRule()
    {
        const string yaml = """
            chukei: 1
            id: t
            title: T
            insurers:
              - { id: ltc-chiyoda, kind: ltc, name: 千代田区, number: "131012" }
            steps:
              - { id: s1, action: verify-log }
            """;

        var d = ScenarioLinter.Lint(yaml, "s.yaml");

        Assert.That(d.Single().ToString(), Does.StartWith("s.yaml:5:").And.Contain("check digit"));
    }

    [Test]
    public void Lint_BrokenYaml_ReportsTheSyntaxError()
    {
        var d = ScenarioLinter.Lint("chukei: 1\nid: [\n", "s.yaml");

        Assert.That(d.Single().Line, Is.GreaterThanOrEqualTo(2));
    }

    /// <summary>Every key the model accepts is in the schema and every schema key is in the model, section by section.</summary>
    [TestCase(typeof(Scenario), "")]
    [TestCase(typeof(ClockSpec), "/properties/clock")]
    [TestCase(typeof(RelaySpec), "/properties/relay")]
    [TestCase(typeof(InsurerSpec), "/$defs/insurer")]
    [TestCase(typeof(ExternalSpec), "/$defs/insurer/properties/external")]
    [TestCase(typeof(PersonSpec), "/$defs/person")]
    [TestCase(typeof(EnrolmentSpec), "/$defs/enrolment")]
    [TestCase(typeof(BenefitSpec), "/$defs/benefit")]
    [TestCase(typeof(StepSpec), "/$defs/step")]
    [TestCase(typeof(ExpectSpec), "/$defs/expect")]
    [TestCase(typeof(LagSpec), "/$defs/lag")]
    [TestCase(typeof(TimelineEventSpec), "/$defs/timelineEvent")]
    [TestCase(typeof(FallThroughSpec), "/properties/fallThrough")]
    [TestCase(typeof(PopulationSpec), "/$defs/population")]
    [TestCase(typeof(PopulationEventsSpec), "/$defs/population/properties/events")]
    [TestCase(typeof(FaultSpec), "/$defs/fault")]
    [TestCase(typeof(InvariantSpec), "/$defs/invariant")]
    public void Schema_Section_ListsExactlyTheModelsKeys(Type model, string schemaPath)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "scenarios", "schema.json")))!;
        var node = schemaPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(schema, (n, part) => n[part]!);
        var schemaKeys = node["properties"]!.AsObject().Select(p => p.Key);
        var modelKeys = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<YamlDotNet.Serialization.YamlIgnoreAttribute>() is null)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);

        Assert.That(schemaKeys, Is.EquivalentTo(modelKeys));
    }
}

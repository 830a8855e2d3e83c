using System.Globalization;
using System.Text.RegularExpressions;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Relay.Checks;
using CsvHelper;

namespace Chukei.Conformance.SelfTests.Catalogue;

/// <summary>
/// One duty a MUST's statement names (issue 21 §2): a member compared, a status mapped, a refusal code, an ordering
/// rule. It is tested when it names suite cases, reasoned when it carries a written reason instead, and otherwise
/// not tested yet.
/// </summary>
internal sealed record Facet(string Id, string RequirementId, string Duty, IReadOnlyList<string> Cases, string? Reason)
{
    public bool IsTested => Cases.Count > 0;

    public bool IsReasoned => !IsTested && Reason is not null;

    public bool IsUntested => !IsTested && Reason is null;
}

/// <summary>One case of a suite, named in the facet file as <c>"&lt;suite&gt;:&lt;requirement&gt; &lt;case&gt;"</c>.</summary>
internal sealed record SuiteCase(string Suite, string RequirementId, string Name)
{
    public string Reference => $"{Suite}:{RequirementId} {Name}";
}

/// <summary>docs/requirements/protocol-v1-facets.csv, read from the repository, and the cases of the three suites.</summary>
internal static partial class FacetCatalogue
{
    public const string DocumentPath = "docs/requirements/protocol-v1-facets.csv";

    public static readonly IReadOnlyList<string> Suites = ["insurer", "relay", "clinic"];

    private static readonly Lazy<IReadOnlyList<Facet>> Loaded = new(Load);

    public static IReadOnlyList<Facet> All => Loaded.Value;

    /// <summary>Every case of every suite, the generated rows (envelope attacks, seal mutations) included.</summary>
    public static IReadOnlyList<SuiteCase> SuiteCases { get; } =
    [
        .. InsurerCases.All.Select(c => new SuiteCase("insurer", c.RequirementId, c.Name)),
        .. RelayCases.All.Select(c => new SuiteCase("relay", c.RequirementId, c.Name)),
        .. ClinicCases.All.Select(c => new SuiteCase("clinic", c.RequirementId, c.Name)),
    ];

    /// <summary>Parses <c>"insurer:INS-002 item-unknown"</c>; null when the reference is not of that form.</summary>
    public static SuiteCase? Parse(string reference)
    {
        var match = CaseReference().Match(reference);
        return match.Success ? new SuiteCase(match.Groups["suite"].Value, match.Groups["requirement"].Value, match.Groups["name"].Value) : null;
    }

    /// <summary>The suite of a case reference ("insurer" for "insurer:INS-002 item-unknown"), or "?" when it does not parse.</summary>
    public static string SuiteOf(string reference) => Parse(reference)?.Suite ?? "?";

    [GeneratedRegex(@"^(?<suite>[a-z]+):(?<requirement>[A-Z]+-\d{3}) (?<name>\S+)$")]
    private static partial Regex CaseReference();

    private static List<Facet> Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, DocumentPath));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var facets = new List<Facet>();
        while (csv.Read())
        {
            var cases = (csv.GetField("cases") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var reason = csv.GetField("reason");
            facets.Add(new Facet(csv.GetField("facet")!.Trim(), csv.GetField("requirement")!.Trim(), csv.GetField("duty")!.Trim(), cases,
                string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        }
        return facets;
    }
}

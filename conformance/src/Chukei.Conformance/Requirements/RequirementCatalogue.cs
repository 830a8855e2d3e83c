using System.Globalization;
using CsvHelper;

namespace Chukei.Conformance.Requirements;

/// <summary>
/// The requirement catalogue of protocol v1, embedded from docs/requirements/protocol-v1.csv at build time, so a
/// test names only an id and takes its level and text from the one published source.
/// </summary>
public static class RequirementCatalogue
{
    private const string ResourceName = "Chukei.Conformance.protocol-v1.csv";

    private static readonly Lazy<IReadOnlyDictionary<string, Requirement>> ById = new(Load);

    public static IReadOnlyCollection<Requirement> All => ById.Value.Values.ToList();

    /// <summary>The requirement with this id; throws when the catalogue has no such id (a typo in a test).</summary>
    public static Requirement Get(string id) =>
        ById.Value.TryGetValue(id, out var requirement)
            ? requirement
            : throw new ArgumentException($"'{id}' is not in docs/requirements/protocol-v1.csv", nameof(id));

    public static bool Contains(string id) => ById.Value.ContainsKey(id);

    private static Dictionary<string, Requirement> Load()
    {
        using var stream = typeof(RequirementCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var result = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var reason = csv.GetField("not_tested_reason");
            var requirement = new Requirement(csv.GetField("id")!, csv.GetField("level")!, csv.GetField("actor")!,
                csv.GetField("section")!, csv.GetField("text")!, string.IsNullOrWhiteSpace(reason) ? null : reason);
            result.Add(requirement.Id, requirement);
        }
        return result;
    }
}

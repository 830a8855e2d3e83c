using System.Text.Json.Nodes;
using Chukei.Contracts.Identifiers;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// The identifier vectors (docs/test-vectors/identifiers.json): valid and invalid values for each rule of
/// docs/protocol.md §2 that <see cref="IdentifierRules"/> implements. The verdicts are stated here; the reasons are the
/// kit's own wording, written from <see cref="IdentifierRules"/>.
/// </summary>
public static partial class IdentifierVectors
{
    public const string ValidVerdict = "valid";
    public const string InvalidVerdict = "invalid";

    /// <summary>Rule name (as in the JSON) → the kit's check: null when valid, else a one-line reason.</summary>
    public static IReadOnlyDictionary<string, Func<string?, string?>> Rules { get; } = new Dictionary<string, Func<string?, string?>>(StringComparer.Ordinal)
    {
        ["medicalInsurerNumber"] = IdentifierRules.MedicalInsurerNumber,
        ["ltcInsurerNumber"] = IdentifierRules.LtcInsurerNumber,
        ["ltcInsuredNumber"] = IdentifierRules.LtcInsuredNumber,
        ["basicPensionNumber"] = IdentifierRules.BasicPensionNumber,
        ["cardSymbol"] = IdentifierRules.CardSymbol,
        ["cardNumber"] = IdentifierRules.CardNumber,
        ["branchNumber"] = IdentifierRules.BranchNumber,
        ["partyId"] = IdentifierRules.PartyId,
    };

    /// <summary>Where each rule applies on the wire and its requirement, for the file's header.</summary>
    private static readonly (string Rule, string Requirement, string AppliesTo)[] RuleInfo =
    [
        ("medicalInsurerNumber", "ID-002", "insurerNumber of a medical record: 8 digits, or 6 for municipal NHI, last digit the ID-009 check digit"),
        ("ltcInsurerNumber", "ID-003", "insurerNumber of an ltc record: 6 digits, last digit the ID-009 check digit"),
        ("ltcInsuredNumber", "ID-004", "insuredNumber: exactly 10 digits"),
        ("basicPensionNumber", "ID-005", "basicPensionNumber: exactly 10 digits, no hyphen"),
        ("cardSymbol", "ID-006", "symbol: optional; when present 1 to 20 card characters"),
        ("cardNumber", "ID-006", "number of a medical record: 1 to 20 card characters"),
        ("branchNumber", "ID-007", "branch: exactly 2 digits"),
        ("partyId", "ID-008", "party ids (iss, aud, requester, …): 3 to 64 of a-z 0-9 . -, starting with a letter or digit"),
    ];

    /// <summary>The kit's verdict and reason for a case.</summary>
    public static (string Verdict, string? Reason) Check(IdentifierCase c) =>
        Rules[c.Rule](c.Value) is { } reason ? (InvalidVerdict, reason) : (ValidVerdict, null);

    public static string Render()
    {
        var vectors = new JsonArray();
        foreach (var c in All)
        {
            var expected = new JsonObject { ["verdict"] = c.ExpectedVerdict };
            // The kit's wording, informative: what an implementation says is its own; only the verdict is compared.
            if (!c.Valid && Check(c).Reason is { } reason) expected["reason"] = reason;
            vectors.Add(new JsonObject
            {
                ["name"] = c.Name,
                ["description"] = c.Description,
                ["rule"] = c.Rule,
                ["requirement"] = c.Requirement,
                ["value"] = c.Value,
                ["expected"] = expected,
            });
        }
        return TestVectorWriter.ToFileText(new JsonObject
        {
            ["protocol"] = ProtocolConstants.Version,
            ["rules"] = new JsonArray([.. RuleInfo.Select(r => (JsonNode)new JsonObject { ["rule"] = r.Rule, ["requirement"] = r.Requirement, ["appliesTo"] = r.AppliesTo })]),
            ["vectors"] = vectors,
        });
    }
}

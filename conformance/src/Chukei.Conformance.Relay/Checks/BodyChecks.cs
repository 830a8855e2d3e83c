using System.Text.Json.Nodes;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Problems;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// The body record of a call (ERR-005) and where its checks come in the order of ERR-009, shown on
/// <c>/v1/lookups</c>: an envelope that verifies, carrying a body that does not bind to a LookupRequest.
/// </summary>
public static class BodyChecks
{
    /// <summary>One body flaw of ERR-005 and the member the problem must name.</summary>
    public sealed record FlawedBody(string Name, string Field, string Flaw, Action<JsonObject> Break);

    public static IReadOnlyList<FlawedBody> Flaws { get; } =
    [
        new("member-of-the-wrong-type", "/targetKind", "targetKind is the number 5", b => b["targetKind"] = 5),
        new("object-member-given-a-string", "/subject", "subject is a string, not an object", b => b["subject"] = "ltc"),
        new("required-member-missing", "/purpose", "purpose is missing", b => b.Remove("purpose")),
    ];

    /// <summary>ERR-005: invalid-field (400), naming the member.</summary>
    public static async Task InvalidFieldAsync(RelaySession session, CheckContext check, FlawedBody flaw)
    {
        ArgumentNullException.ThrowIfNull(flaw);
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.LookupPath, Body(flaw));
        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField), $"the lookup's {flaw.Flaw}; the relay must refuse with invalid-field (400), but answered {exchange.Summary}");
        check.Must(exchange.Problem?.Field?.StartsWith(flaw.Field, StringComparison.Ordinal) == true,
            $"the problem's field is '{exchange.Problem?.Field}', not the offending member {flaw.Field}");
    }

    /// <summary>ERR-009: the caller's role is judged before the body, so a portal's malformed lookup is refused for the role.</summary>
    public static async Task RoleBeforeBodyAsync(RelaySession session, CheckContext check)
    {
        var flaw = Flaws[^1];
        var exchange = await session.World.CallerFor(PortalId, check.Evidence).PostAsync(Calls.LookupPath, Body(flaw));
        check.Must(exchange.IsRefusal(ProblemCodes.RoleNotAllowed),
            $"the portal may not look up, and its lookup's {flaw.Flaw}; the role comes first (ERR-009), so the relay must refuse with role-not-allowed (403), but answered {exchange.Summary}");
    }

    private static JsonObject Body(FlawedBody flaw)
    {
        var body = new JsonObject
        {
            ["subject"] = new JsonObject { ["ltc"] = new JsonObject { ["insurerNumber"] = RequesterInsurerNumber, ["insuredNumber"] = "1234567890" } },
            ["targetKind"] = "medical",
            ["purpose"] = Purposes.LtcMedicalCombined,
            ["correlationId"] = Calls.NewCorrelationId(flaw.Name),
        };
        flaw.Break(body);
        return body;
    }
}

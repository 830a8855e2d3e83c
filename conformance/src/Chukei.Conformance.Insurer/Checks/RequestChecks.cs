using System.Text.Json.Nodes;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>Who may call the inquiry endpoint (INS-001) and how a malformed request is refused (INS-002), before any seal is judged.</summary>
public static class RequestChecks
{
    /// <summary>INS-001: a clinic or the portal is refused with role-not-allowed, even with a seal the target would accept from an insurer.</summary>
    public static async Task RoleNotAllowedAsync(InsurerSession session, CheckContext check, string caller)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "caller-" + caller.Split('.')[0], [DataItems.Eligibility], caller: caller);

        check.Must(response.Status == ProblemCodes.RoleNotAllowed.Status && response.Problem?.Code == ProblemCodes.RoleNotAllowed.Code,
            $"{caller} (role {(caller == SealFixture.ClinicId ? "clinic" : "portal")}) called the inquiry endpoint; only insurers and the relay may, " +
            $"so it must be refused with role-not-allowed (403), but the target answered {response.Summary}");
    }

    /// <summary>One malformed inquiry body, the member the problem must name, and whether its seal is a valid one.</summary>
    public sealed record MalformedBody(string Name, string Field, Action<JsonObject> Break, bool GarbageSeal = false);

    public static IReadOnlyList<MalformedBody> MalformedBodies { get; } =
    [
        new("seal-missing", "/seal", b => b.Remove("seal")),
        new("items-empty", "/items", b => b["items"] = new JsonArray()),
        new("item-unknown", "/items/1", b => b["items"] = new JsonArray(DataItems.Eligibility, "diagnosis")),
        new("item-repeated", "/items/2", b => b["items"] = new JsonArray(DataItems.Eligibility, DataItems.Benefits, DataItems.Eligibility)),
        new("correlation-id-with-a-line-break", "/correlationId", b => b["correlationId"] = "chukei-line\nbreak"),
        new("service-date-not-a-date", "/serviceDate", b => b["serviceDate"] = "2026-02-30"),
        // Before the seal: a body that is wrong is refused for the body, whatever its seal.
        new("items-empty-with-a-garbage-seal", "/items", b => b["items"] = new JsonArray(), GarbageSeal: true),
    ];

    /// <summary>ERR-005: body members of the wrong JSON type, refused invalid-field naming the member.</summary>
    public static IReadOnlyList<MalformedBody> WrongTypeBodies { get; } =
    [
        new("items-a-string", "/items", b => b["items"] = DataItems.Eligibility),
        new("service-date-a-number", "/serviceDate", b => b["serviceDate"] = 20260401),
    ];

    /// <summary>ERR-009: the caller's role is judged before the body, so the portal's malformed inquiry is refused for the role.</summary>
    public static async Task RoleBeforeBodyAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var fixture = session.World.NewFixture();
        var body = new JsonObject
        {
            ["seal"] = fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId())),
            ["items"] = DataItems.Eligibility,
            ["correlationId"] = InquiryCaller.NewCorrelationId("role-before-body"),
        };
        var client = session.World.ClientFor(SealFixture.PortalId, check.Evidence);
        var url = session.World.InquiryUrl;
        var (token, _) = client.Signer.SignRequest(session.World.Target.PartyId, "POST", url.AbsolutePath, body);
        var (status, answer) = await client.SendAsync(url, token);
        var problem = status == 200 ? null : PartyClient.ReadProblem(answer);

        check.Must(status == ProblemCodes.RoleNotAllowed.Status && problem?.Code == ProblemCodes.RoleNotAllowed.Code,
            $"the portal may not call the inquiry endpoint, and its inquiry's items is a string, not an array; the role comes first (ERR-009), so the target must refuse with role-not-allowed (403), " +
            $"but answered {(status == 200 ? "200" : $"{status} {problem?.Code ?? "(no problem document)"}")}");
    }

    /// <summary>INS-002: a malformed InquiryRequest is refused with invalid-field naming the member, before the seal is checked.</summary>
    public static async Task MalformedBodyAsync(InsurerSession session, CheckContext check, MalformedBody malformed)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(malformed);
        var fixture = session.World.NewFixture();
        var body = new JsonObject
        {
            ["seal"] = malformed.GarbageSeal ? "garbage" : fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId())),
            ["items"] = new JsonArray(DataItems.Eligibility),
            ["correlationId"] = InquiryCaller.NewCorrelationId(malformed.Name),
        };
        malformed.Break(body);
        var client = session.World.ClientFor(SealFixture.RequesterId, check.Evidence);
        var url = session.World.InquiryUrl;
        var (token, _) = client.Signer.SignRequest(session.World.Target.PartyId, "POST", url.AbsolutePath, body);
        var (status, answer) = await client.SendAsync(url, token);
        var problem = status == 200 ? null : PartyClient.ReadProblem(answer);

        var summary = status == 200 ? "200" : $"{status} {problem?.Code ?? "(no problem document)"}: {problem?.Detail}";
        check.Must(status == ProblemCodes.InvalidField.Status && problem?.Code == ProblemCodes.InvalidField.Code,
            $"the inquiry's body is malformed ({malformed.Name}){(malformed.GarbageSeal ? " and so is its seal" : "")}; the target must refuse it with invalid-field (400) " +
            $"before it checks the seal, but answered {summary}");
        check.Must(problem?.Field == malformed.Field, $"the problem's field is '{problem?.Field}', not the offending member {malformed.Field}");
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// Rewrites of the relay's card-eligibility answers, for a <see cref="TamperingRelayProxy"/>: each one makes a single
/// thing wrong and re-signs the rest with the kit's own keys (the run's relay and insurers are the kit's), so a clinic
/// that skips exactly that check finds an otherwise perfect answer. AUTH-014 flaws are in the relay's response
/// envelope, RLY-025 flaws in the insurer's <c>targetAnswer</c> inside it, ERR-008 flaws in a problem's text.
/// </summary>
public sealed class ForgedRelayAnswers(string relayId, PartyKeySet relayKeys, string targetId, PartyKeySet targetKeys, string otherInsurerId, PartyKeySet otherInsurerKeys, TimeProvider time)
{
    /// <summary>How far back an expired answer was signed: well beyond any envelope lifetime and skew allowance (AUTH-005).</summary>
    private static readonly TimeSpan ExpiredBy = TimeSpan.FromMinutes(15);

    /// <summary>The relay's answer to another request than the clinic's (AUTH-014: inResponseTo).</summary>
    public ProxiedAnswer InResponseToAnother(ProxiedAnswer answer) =>
        Outer(answer, (claims, body) => Relay.SignResponse(claims.Audience, EnvelopeSigner.NewId(), body));

    /// <summary>The relay's answer addressed to the insurer instead of the clinic (AUTH-014 with AUTH-007).</summary>
    public ProxiedAnswer ForAnotherAudience(ProxiedAnswer answer) =>
        Outer(answer, (claims, body) => Relay.SignResponse(targetId, claims.InResponseTo!, body));

    /// <summary>The answer signed, with its own valid key, by the insurer rather than the relay the clinic called (AUTH-014: iss).</summary>
    public ProxiedAnswer SignedByAnotherParty(ProxiedAnswer answer) =>
        Outer(answer, (claims, body) => new EnvelopeSigner(targetId, targetKeys, time).SignResponse(claims.Audience, claims.InResponseTo!, body));

    /// <summary>The relay's answer, signed <see cref="ExpiredBy"/> ago (AUTH-014 with AUTH-005).</summary>
    public ProxiedAnswer Expired(ProxiedAnswer answer) =>
        Outer(answer, (claims, body) => new EnvelopeSigner(relayId, relayKeys, new FakeTimeProvider(time.GetUtcNow() - ExpiredBy)).SignResponse(claims.Audience, claims.InResponseTo!, body));

    /// <summary>The relay's answer with every claim right but typed as a request envelope (AUTH-014 with AUTH-002: typ).</summary>
    public ProxiedAnswer TypedAsRequest(ProxiedAnswer answer) =>
        Outer(answer, (claims, body) => Relay.SignPayload(claims with { Body = JsonSerializer.SerializeToElement(body, ProtocolJson.Options) }, ProtocolConstants.RequestType));

    /// <summary>The insurer's answer inside re-signed by another insurer, with its own valid key (RLY-025: the target named in target).</summary>
    public ProxiedAnswer TargetAnswerByAnotherInsurer(ProxiedAnswer answer) =>
        Inner(answer, (claims, body) => new EnvelopeSigner(otherInsurerId, otherInsurerKeys, time).SignResponse(claims.Audience, claims.InResponseTo!, body));

    /// <summary>The insurer's answer inside addressed to the relay instead of the clinic (RLY-025: aud).</summary>
    public ProxiedAnswer TargetAnswerForAnotherAudience(ProxiedAnswer answer) =>
        Inner(answer, (claims, body) => Target.SignResponse(relayId, claims.InResponseTo!, body));

    /// <summary>
    /// The insurer's answer inside re-signed, otherwise unchanged, under one jti for every answer that passes (from a
    /// seeded id source started afresh each time): the second check's answer is right in everything but repeats the
    /// first's (iss, jti), which RLY-025 says the clinic refuses as replayed.
    /// </summary>
    public Func<ProxiedAnswer, ProxiedAnswer> TargetAnswersUnderOneJti()
    {
        var seed = "kit-replayed-target-answer/" + EnvelopeSigner.NewId();
        return answer => Inner(answer, (claims, body) => new EnvelopeSigner(targetId, targetKeys, time, IdSource.Seeded(seed)).SignResponse(claims.Audience, claims.InResponseTo!, body));
    }

    /// <summary>
    /// Two insurers' answers under one jti: the first answer that passes is re-signed by the target under a seeded jti,
    /// the second re-signed by the other insurer under the same jti and named as the target (RLY-025 keys the replay
    /// cache by (iss, jti), so the second is new and must be used).
    /// </summary>
    public Func<ProxiedAnswer, ProxiedAnswer> TargetAnswersOfTwoInsurersUnderOneJti(TargetParty otherInsurer)
    {
        var seed = "kit-shared-jti-target-answer/" + EnvelopeSigner.NewId();
        var passed = 0;
        return answer =>
        {
            if (answer.Status != 200) return answer;
            if (Interlocked.Increment(ref passed) == 1)
                return Inner(answer, (claims, body) => new EnvelopeSigner(targetId, targetKeys, time, IdSource.Seeded(seed)).SignResponse(claims.Audience, claims.InResponseTo!, body));
            return Inner(answer, (claims, body) => new EnvelopeSigner(otherInsurerId, otherInsurerKeys, time, IdSource.Seeded(seed)).SignResponse(claims.Audience, claims.InResponseTo!, body),
                outer => outer["target"] = JsonSerializer.SerializeToNode(otherInsurer, ProtocolJson.Options));
        };
    }

    /// <summary>The insurer's answer inside with its signature broken, the relay's envelope around it re-signed (RLY-025: its own signature).</summary>
    public ProxiedAnswer TargetAnswerSignatureBroken(ProxiedAnswer answer) =>
        Inner(answer, (claims, body) => TamperingRelayProxy.BreakSignature(Target.SignResponse(claims.Audience, claims.InResponseTo!, body)));

    /// <summary>The insurer's answer inside, signed <see cref="ExpiredBy"/> ago (RLY-025: its times, AUTH-005).</summary>
    public ProxiedAnswer TargetAnswerExpired(ProxiedAnswer answer) =>
        Inner(answer, (claims, body) => new EnvelopeSigner(targetId, targetKeys, new FakeTimeProvider(time.GetUtcNow() - ExpiredBy)).SignResponse(claims.Audience, claims.InResponseTo!, body));

    /// <summary>
    /// The insurer's answer inside saying <paramref name="status"/> (CLN-037: a status other than valid is not eligible);
    /// an answer about no single person (no-qualification) carries no qualification or benefits.
    /// </summary>
    public Func<ProxiedAnswer, ProxiedAnswer> TargetAnswerWithStatus(string status) => answer =>
        Inner(answer, (claims, body) =>
        {
            body["status"] = status;
            body["changePending"] = false;
            body.Remove("pendingSince");
            if (status == "no-qualification")
            {
                body.Remove("qualification");
                body.Remove("benefits");
            }
            return Target.SignResponse(claims.Audience, claims.InResponseTo!, body);
        });

    /// <summary>The relay's answer with its signature broken (AUTH-014: for the paths other than card-eligibility, which CLN-036 covers).</summary>
    public static ProxiedAnswer SignatureBroken(ProxiedAnswer answer) =>
        answer.Status == 200 ? answer with { Body = TamperingRelayProxy.BreakSignature(answer.Body) } : answer;

    /// <summary>For the pickups path: a pickup answer that carries notices, with its signature broken (AUTH-014); the others untouched.</summary>
    public static ProxiedAnswer NoticesUnderBrokenSignature(ProxiedAnswer answer) =>
        CarriesNotices(answer) ? SignatureBroken(answer) : answer;

    /// <summary>
    /// For the pickups path: each notice delivered names its check's correlationId but another relayLogEntryId, the
    /// relay's envelope re-signed (ELG-021: a notice finds its record by both).
    /// </summary>
    public ProxiedAnswer NoticesNamingAnotherLogEntry(ProxiedAnswer answer) =>
        !CarriesNotices(answer) ? answer : Outer(answer, (claims, body) =>
        {
            foreach (var delivered in body["notices"]!.AsArray())
                if (delivered?["notice"] is JsonObject notice) notice["relayLogEntryId"] = "log-" + EnvelopeSigner.NewId()[..12];
            return Relay.SignResponse(claims.Audience, claims.InResponseTo!, body);
        });

    private static bool CarriesNotices(ProxiedAnswer answer) =>
        answer.Status == 200 && ClaimsOf(answer.Body) is { } claims && BodyOf(claims)["notices"] is JsonArray { Count: > 0 };

    /// <summary>The insurer's answer inside, for another correlation id than the clinic's (RLY-025: correlationId).</summary>
    public ProxiedAnswer TargetAnswerForAnotherCorrelation(ProxiedAnswer answer) =>
        Inner(answer, (claims, body) => Target.SignResponse(claims.Audience, claims.InResponseTo!, With(body, "correlationId", "rcpt-" + EnvelopeSigner.NewId())));

    /// <summary>
    /// The insurer's answer inside, naming the answer's own logEntryId in another letter case (ID-001: identifiers are
    /// compared byte for byte, so "l0000000042" is not "L0000000042"). The kit's relay numbers its entries with a
    /// letter, so the case always changes the identifier.
    /// </summary>
    public ProxiedAnswer TargetAnswerLogEntryInAnotherCase(ProxiedAnswer answer) =>
        Inner(answer, (claims, body) => Target.SignResponse(claims.Audience, claims.InResponseTo!,
            With(body, "relayLogEntryId", SwapCase(body["relayLogEntryId"]?.GetValue<string>() ?? ""))));

    private static string SwapCase(string text) =>
        string.Concat(text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));

    /// <summary>The insurer's answer inside, naming another relay log entry than the answer's logEntryId (RLY-025: relayLogEntryId).</summary>
    public ProxiedAnswer TargetAnswerForAnotherLogEntry(ProxiedAnswer answer) =>
        Inner(answer, (claims, body) => Target.SignResponse(claims.Audience, claims.InResponseTo!, With(body, "relayLogEntryId", "log-" + EnvelopeSigner.NewId()[..12])));

    /// <summary>
    /// For the pickups path: remembers the notices of the last pickup answer that had any and puts them back into later
    /// answers that have none, as a relay that lost the clinic's acknowledgement would deliver them again (ELG-021).
    /// </summary>
    public Func<ProxiedAnswer, ProxiedAnswer> RedeliveringNotices()
    {
        JsonArray? delivered = null;
        return answer => Outer(answer, (claims, body) =>
        {
            if (body["notices"] is JsonArray { Count: > 0 } notices) delivered = (JsonArray)notices.DeepClone();
            else if (delivered is not null) body["notices"] = delivered.DeepClone();
            return Relay.SignResponse(claims.Audience, claims.InResponseTo!, body);
        });
    }

    /// <summary>A refusal whose title and detail read as another failure than its code says (ERR-008: decide on code).</summary>
    public static ProxiedAnswer RetitledProblem(ProxiedAnswer answer, string title, string detail)
    {
        // The kit's relay refuses the cards these cases use; anything else passes untouched, and the case says what came.
        return answer.Status != 200 && PartyClient.ReadProblem(answer.Body) is { } problem ? Problem(problem with { Title = title, Detail = detail }) : answer;
    }

    /// <summary>A refusal under a code no version of the protocol defines (ERR-008: treat it by its status class), with a misleading title.</summary>
    public static ProxiedAnswer UnlistedProblem(int status, string title) => Problem(new Problem
    {
        Type = "about:blank",
        Title = title,
        Status = status,
        Detail = title,
        Code = UnlistedCode,
        Requirement = "ERR-008",
    });

    /// <summary>A refusal under a code the protocol lists, as a relay gives it (CLN-037: what the clinic concludes from each code).</summary>
    public static ProxiedAnswer ListedProblem(ProblemCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Problem(new Problem
        {
            Type = "urn:chukei:problem:" + code.Code,
            Title = code.Title,
            Status = code.Status,
            Detail = code.Title,
            Code = code.Code,
            Requirement = code.RequirementId,
        });
    }

    /// <summary>The relay's answer, re-signed, saying multiple-matches: the holder has two current medical enrolments (no target, asOf or targetAnswer).</summary>
    public ProxiedAnswer MultipleMatches(ProxiedAnswer answer) =>
        Outer(answer, (claims, body) =>
        {
            body["outcome"] = "multiple-matches";
            body.Remove("target");
            body.Remove("asOf");
            body.Remove("targetAnswer");
            return Relay.SignResponse(claims.Audience, claims.InResponseTo!, body);
        });

    /// <summary>The code of <see cref="UnlistedProblem"/>: no protocol version defines it.</summary>
    public const string UnlistedCode = "kit-unlisted-failure";

    private EnvelopeSigner Relay => new(relayId, relayKeys, time);
    private EnvelopeSigner Target => new(targetId, targetKeys, time);

    private static ProxiedAnswer Problem(Problem problem) => new(problem.Status, ProtocolConstants.ProblemMediaType, ProtocolJson.Serialize(problem));

    /// <summary>Re-signs the relay's envelope by <paramref name="sign"/> over its claims and body (unchanged); anything but a 200 passes untouched.</summary>
    private static ProxiedAnswer Outer(ProxiedAnswer answer, Func<EnvelopeClaims, JsonObject, string> sign)
    {
        if (answer.Status != 200 || ClaimsOf(answer.Body) is not { } claims) return answer;
        return answer with { Body = sign(claims, BodyOf(claims)) };
    }

    /// <summary>Replaces the answer's targetAnswer by <paramref name="sign"/> over the insurer's claims and body, and re-signs the relay's envelope around it.</summary>
    private ProxiedAnswer Inner(ProxiedAnswer answer, Func<EnvelopeClaims, JsonObject, string> sign, Action<JsonObject>? alsoOuter = null)
    {
        if (answer.Status != 200 || ClaimsOf(answer.Body) is not { } outer) return answer;
        var body = BodyOf(outer);
        if (body["targetAnswer"]?.GetValue<string>() is not { } forwarded || ClaimsOf(forwarded) is not { } inner) return answer;
        body["targetAnswer"] = sign(inner, BodyOf(inner));
        alsoOuter?.Invoke(body);
        return answer with { Body = Relay.SignResponse(outer.Audience, outer.InResponseTo!, body) };
    }

    private static EnvelopeClaims? ClaimsOf(string jws)
    {
        var parts = jws.Trim().Split('.');
        if (parts.Length != 3) return null;
        try
        {
            return JsonSerializer.Deserialize<EnvelopeClaims>(Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[1])), ProtocolJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonObject BodyOf(EnvelopeClaims claims) => JsonNode.Parse(claims.Body.GetRawText())!.AsObject();

    private static JsonObject With(JsonObject body, string member, string value)
    {
        body[member] = value;
        return body;
    }
}

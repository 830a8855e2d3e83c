using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// The routed alternative (docs/protocol.md §7.5, RLY-020 … RLY-024, LOG-004): kaigo-b asks the relay, the relay
/// forwards to the kit's stand-in kenpo-a, which answers correctly or misbehaves as the case tells it.
/// </summary>
public static class RoutedChecks
{
    /// <summary>RLY-020: the relay forwards a routed seal for the target, sealed for the caller, under its own signature.</summary>
    public static async Task ForwardsAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "forwards", StandInBehaviour.Correct);

        var received = session.StandIn.Received(request.CorrelationId);
        check.Must(received is not null, $"nothing reached {TargetId} at the kit's stand-in ({session.StandIn.Url}) for correlationId '{request.CorrelationId}'; the relay answered {exchange.Summary}");
        check.Must(received.Refusal is null, $"{TargetId} refused what the relay forwarded: {received.Refusal}");
        check.Must(received.Seal!.Routed, "the forwarded seal does not say routed: true");
        check.Must(received.Seal.Requester == RequesterId, $"the forwarded seal's requester is '{received.Seal.Requester}', the caller was {RequesterId}");
        check.Must(exchange.Status == 200, $"the target answered, but the relay answered {exchange.Summary}");
        var answer = exchange.Read<RoutedInquiryAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.Found && answer.TargetAnswer is not null, $"the answer's outcome is {answer.Outcome}, targetAnswer {(answer.TargetAnswer is null ? "absent" : "present")}");
    }

    /// <summary>RLY-023: targetAnswer is the target's envelope byte for byte, verifiable by the requester as the target's.</summary>
    public static async Task ForwardsAnswerUntouchedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "untouched", StandInBehaviour.Correct);
        var received = session.StandIn.Received(request.CorrelationId);
        if (received is null || received.Status != 200) throw check.Unreachable($"the stand-in did not answer the forwarded inquiry (RLY-020 covers that); the relay answered {exchange.Summary}");

        var answer = exchange.Read<RoutedInquiryAnswer>(session.World);
        check.Must(answer.TargetAnswer == received.AnswerBody, "targetAnswer is not the target's response envelope byte for byte");
        var verified = session.World.VerifierFor(RequesterId).VerifyForwardedResponse(answer.TargetAnswer!, TargetId);
        check.Must(verified.Sender.Id == TargetId, $"targetAnswer is signed by {verified.Sender.Id}");
    }

    /// <summary>RLY-022: a target's problem document becomes target-refused with the target's code in detail.</summary>
    public static async Task TargetRefusesAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "target-refuses", StandInBehaviour.Refuses);
        var code = session.StandIn.Received(request.CorrelationId)?.Refusal
            ?? throw check.Unreachable($"the relay did not forward the inquiry (RLY-020 covers that); it answered {exchange.Summary}");

        check.Must(exchange.IsRefusal(ProblemCodes.TargetRefused), $"the target refused with {code}; the relay must answer target-refused (502), not {exchange.Summary}");
        check.Must(exchange.Problem?.Detail == code, $"detail is '{exchange.Problem?.Detail}', it must be only the target's code '{code}'");
    }

    /// <summary>RLY-021 and RLY-024: a target that does not answer, or answers something that does not verify, is target-unavailable.</summary>
    public static async Task TargetUnavailableAsync(RelaySession session, CheckContext check, StandInBehaviour behaviour)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, behaviour.ToString(), behaviour);
        if (session.StandIn.JournaledCount(request.CorrelationId) == 0)
            throw check.Unreachable($"the relay did not forward the inquiry (RLY-020 covers that); it answered {exchange.Summary}");
        if (session.StandIn.Received(request.CorrelationId)?.Refusal is { } refusal)
            throw check.Unreachable($"the stand-in could not accept what the relay forwarded ({refusal}), so it never misbehaved (RLY-020 and SEAL-001 cover that)");

        check.Must(exchange.IsRefusal(ProblemCodes.TargetUnavailable),
            $"the stand-in target {Describe(behaviour)}; the relay must answer target-unavailable (502), but answered {exchange.Summary}");
    }

    /// <summary>LOG-004: one routed-inquiry entry with the requested items, answered.</summary>
    public static async Task LoggedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "logged", StandInBehaviour.Correct);
        if (exchange.Status != 200) throw check.Unreachable($"the routed inquiry was answered {exchange.Summary} (RLY-020 covers that)");

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entries = log.Entries.Where(e => e.CorrelationId == request.CorrelationId && e.RecordedBy == RelayId).ToList();
        check.Must(entries.Count == 1, $"the relay wrote {entries.Count} entries with the inquiry's correlationId; exactly one routed-inquiry entry is required (no separate lookup entry)");
        var entry = entries[0];
        check.Must(entry.Action == AccessAction.RoutedInquiry, $"the entry's action is {entry.Action}");
        check.Must(entry.Items.SequenceEqual(request.Items), $"the entry's items are [{string.Join(", ", entry.Items)}], the inquiry asked for [{string.Join(", ", request.Items)}]");
        check.Must(entry.Requester == RequesterId && entry.Provider == TargetId && entry.Outcome == AccessOutcome.Answered,
            $"the entry says requester {entry.Requester}, provider {entry.Provider}, outcome {entry.Outcome}");
    }

    /// <summary>
    /// AUTH-012, on the requests the relay itself sends: the envelope forwarding a routed inquiry is sent once, signed
    /// for kenpo-a's path, with iat now, a lifetime of at most 120 s and a jti of at least 128 bits.
    /// </summary>
    public static async Task RequestEnvelopeAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var sentFrom = session.Target.Time.GetUtcNow().ToUnixTimeSeconds();
        var (exchange, request) = await RouteAsync(session, check, person, "request-envelope", StandInBehaviour.Correct);
        var tokens = session.StandIn.JournaledTokens(request.CorrelationId);
        if (tokens.Count == 0) throw check.Unreachable($"the relay forwarded nothing to {TargetId} (RLY-020 covers that); it answered {exchange.Summary}");

        check.Must(tokens.Count == 1, $"the relay sent {tokens.Count} request envelopes for one routed inquiry; a request is sent once");
        var parts = tokens[0].Split('.');
        check.Must(parts.Length == 3, "the relay's request is not a compact JWS of three parts");
        var header = JwsParts.Decode(check, parts[0], "relay's request header");
        var claims = JwsParts.Decode(check, parts[1], "relay's request claims");
        var path = new Uri(RelayKitWorld.StandInBaseUrl(session.StandIn.Url, TargetId) + "/v1/inquiries").AbsolutePath;
        check.Must(JwsParts.Text(header, "typ") == ProtocolConstants.RequestType, $"the request's typ is '{JwsParts.Text(header, "typ")}', not {ProtocolConstants.RequestType}");
        check.Must(JwsParts.Text(claims, "iss") == RelayId && JwsParts.Text(claims, "aud") == TargetId,
            $"the request says iss '{JwsParts.Text(claims, "iss")}', aud '{JwsParts.Text(claims, "aud")}'; it must be iss {RelayId}, aud the party called, {TargetId}");
        check.Must(JwsParts.Text(claims, "htm") == "POST" && JwsParts.Text(claims, "htu") == path,
            $"the request says htm '{JwsParts.Text(claims, "htm")}', htu '{JwsParts.Text(claims, "htu")}'; it must be POST and the absolute path called, {path}");
        var (iat, exp) = (JwsParts.Number(claims, "iat"), JwsParts.Number(claims, "exp"));
        var skew = (long)ProtocolConstants.ClockSkew.TotalSeconds;
        check.Must(iat >= sentFrom - skew && iat <= session.Target.Time.GetUtcNow().ToUnixTimeSeconds() + skew, $"the request's iat {iat} is not the time it was sent ({sentFrom})");
        check.Must(exp - iat is > 0 and <= 120, $"the request's exp − iat is {exp - iat} s; it must be at most 120 s");
        // 128 random bits need at least 22 base64url characters (32 in hex).
        check.Must(JwsParts.Text(claims, "jti") is { Length: >= 22 }, $"the request's jti '{JwsParts.Text(claims, "jti")}' is too short to carry 128 random bits");
    }

    public static IReadOnlyList<StandInBehaviour> Unavailable { get; } =
        [StandInBehaviour.DropsConnection, StandInBehaviour.AnswersGarbage, StandInBehaviour.FailsWithoutProblem];

    public static IReadOnlyList<StandInBehaviour> Unverifiable { get; } =
        [StandInBehaviour.SignsAsAnotherInsurer, StandInBehaviour.AnswersAnotherRequest, StandInBehaviour.AddressesTheRelay];

    public static string CaseName(StandInBehaviour b) => b switch
    {
        StandInBehaviour.DropsConnection => "target-drops-connection",
        StandInBehaviour.AnswersGarbage => "target-answers-garbage",
        StandInBehaviour.FailsWithoutProblem => "target-fails-without-problem",
        StandInBehaviour.SignsAsAnotherInsurer => "answer-signed-by-another-insurer",
        StandInBehaviour.AnswersAnotherRequest => "answer-to-another-request",
        StandInBehaviour.AddressesTheRelay => "answer-addressed-to-the-relay",
        _ => b.ToString(),
    };

    private static string Describe(StandInBehaviour b) => b switch
    {
        StandInBehaviour.DropsConnection => "closed the connection without answering",
        StandInBehaviour.AnswersGarbage => "answered 200 with a body that is not a JWS",
        StandInBehaviour.FailsWithoutProblem => "answered 500 without a problem document",
        StandInBehaviour.SignsAsAnotherInsurer => $"answered with an envelope signed by {OtherInsurerId}",
        StandInBehaviour.AnswersAnotherRequest => "answered with an envelope whose inResponseTo names another request",
        StandInBehaviour.AddressesTheRelay => "answered with an envelope addressed to the relay, not to the sealed requester",
        _ => b.ToString(),
    };

    private static async Task<(RelayExchange Exchange, RoutedInquiryRequest Request)> RouteAsync(RelaySession session, CheckContext check,
        EnrolledPerson person, string caseName, StandInBehaviour behaviour)
    {
        var request = new RoutedInquiryRequest
        {
            Subject = person.Subject,
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.LtcMedicalCombined,
            Items = SealFixture.DefaultItems,
            CorrelationId = Calls.NewCorrelationId(caseName),
        };
        session.StandIn.Misbehave(request.CorrelationId, behaviour);
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.RoutedPath, request);
        if (session.StandIn.Received(request.CorrelationId) is { } received)
            check.Evidence.RecordInbound(new Contracts.Client.RecordedExchange("POST", session.StandIn.Url + received.PartyId + "/v1/inquiries", received.RequestToken, received.Status, received.AnswerBody));
        return (exchange, request);
    }
}

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

    /// <summary>RLY-020: the request envelope the target receives carries the requester's serviceDate (a past one, so no default can pass for it).</summary>
    public static async Task ForwardsServiceDateAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var serviceDate = person.Today().AddDays(-10);
        var (exchange, request) = await RouteAsync(session, check, person, "forwards-service-date", StandInBehaviour.Correct, serviceDate);
        var tokens = session.StandIn.JournaledTokens(request.CorrelationId);
        if (tokens.Count == 0) throw check.Unreachable($"nothing reached {TargetId} at the kit's stand-in; the relay answered {exchange.Summary} (forwards-a-routed-seal covers that)");

        var parts = tokens[0].Split('.');
        if (parts.Length != 3) throw check.Unreachable("the relay's request is not a compact JWS of three parts (AUTH-012 covers that)");
        var claims = JwsParts.Decode(check, parts[1], "relay's request claims");
        var forwarded = claims.TryGetProperty("body", out var body) ? JwsParts.Text(body, "serviceDate") : null;
        var asked = ProtocolText.Date(serviceDate);
        check.Must(forwarded == asked, $"the requester asked about {asked}; the inquiry forwarded to {TargetId} carries serviceDate '{forwarded ?? "(absent)"}'");
    }

    /// <summary>RLY-005's order: a routed inquiry whose purpose the caller may not use and whose items that purpose does not allow is refused for the purpose.</summary>
    public static async Task PurposeBeforeItemsAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var request = new RoutedInquiryRequest
        {
            Subject = person.Subject,
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.ChildbirthLumpSum,
            Items = SealFixture.DefaultItems,
            CorrelationId = Calls.NewCorrelationId("purpose-before-items"),
        };
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.RoutedPath, request);

        check.Must(exchange.IsRefusal(ProblemCodes.PurposeNotAllowed),
            $"the routed inquiry's purpose ({Purposes.ChildbirthLumpSum}) is not allowed for an LTC insurer, and it asks for benefits, which that purpose does not allow; " +
            $"the purpose is judged before the items, so the relay must refuse with purpose-not-allowed (403), but answered {exchange.Summary}");
    }

    /// <summary>ELG-010: a found routed inquiry's asOf is when the relay registered the enrolment it answered from.</summary>
    public static async Task AsOfIsRegistrationAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        // A relay answering asOf = now must be told apart from the registration instant even on a fast loopback.
        await Task.Delay(TimeSpan.FromMilliseconds(20), session.Target.Time);
        var (exchange, _) = await RouteAsync(session, check, person, "routed-as-of", StandInBehaviour.Correct);
        if (exchange.Status != 200) throw check.Unreachable($"the routed inquiry was answered {exchange.Summary} (RLY-020 covers that)");
        var answer = exchange.Read<RoutedInquiryAnswer>(session.World);
        if (answer.Outcome != LookupOutcome.Found) throw check.Unreachable($"the routed inquiry was answered {answer.Outcome} (RLY-006 covers that)");

        // To the millisecond, as for a lookup.
        check.Must(answer.AsOf is not null && answer.AsOf.Value.ToUnixTimeMilliseconds() == person.MedicalRegisteredAt?.ToUnixTimeMilliseconds(),
            $"the routed answer's asOf is {Outcomes.ProtocolText.Time(answer.AsOf)}; kenpo-a's enrolment was registered at {Outcomes.ProtocolText.Time(person.MedicalRegisteredAt)}, which is what the relay answered from");
    }

    /// <summary>RLY-020: the seal the relay forwards names, as txn, the routed-inquiry entry it appended for the inquiry.</summary>
    public static async Task SealNamesTheEntryAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "seal-names-the-entry", StandInBehaviour.Correct);
        var received = session.StandIn.Received(request.CorrelationId);
        if (received?.Seal is null) throw check.Unreachable($"no seal {TargetId} could open reached the stand-in for '{request.CorrelationId}'; the relay answered {exchange.Summary} (forwards-a-routed-seal covers that)");

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entry = log.Entries.FirstOrDefault(e => e.CorrelationId == request.CorrelationId && e.Action == AccessAction.RoutedInquiry)
            ?? throw check.Unreachable($"the person's log has no routed-inquiry entry for '{request.CorrelationId}' (LOG-004 covers that)");
        check.Must(received.Seal.LogEntryId == entry.EntryId,
            $"the forwarded seal's txn is '{received.Seal.LogEntryId}', but the relay's routed-inquiry entry for the inquiry is '{entry.EntryId}'; txn names that entry, so the insurer's record can be tied to it");
    }

    /// <summary>One way a routed inquiry's items are malformed, refused invalid-field naming them, before anything is forwarded.</summary>
    public static IReadOnlyList<(string Name, string[] Items, string Field)> MalformedItems { get; } =
    [
        ("items-empty", [], "/items"),
        ("item-unknown", [Contracts.DataItems.Eligibility, "diagnosis"], "/items/1"),
        ("item-repeated", [Contracts.DataItems.Eligibility, Contracts.DataItems.Eligibility], "/items/1"),
    ];

    /// <summary>RLY-020 (items as in INS-002): an empty, unknown or repeated item is invalid-field, and nothing reaches the target.</summary>
    public static async Task MalformedItemsAsync(RelaySession session, CheckContext check, string caseName)
    {
        var (_, items, field) = MalformedItems.Single(m => m.Name == caseName);
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var request = new RoutedInquiryRequest
        {
            Subject = person.Subject,
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.LtcMedicalCombined,
            Items = items,
            CorrelationId = Calls.NewCorrelationId("routed-" + caseName),
        };
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.RoutedPath, request);

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField),
            $"the routed inquiry's items are [{string.Join(", ", items)}] ({caseName}); the relay must refuse them with invalid-field (400), but answered {exchange.Summary}");
        check.Must(exchange.Problem?.Field == field, $"the problem's field is '{exchange.Problem?.Field}', not the offending member {field}");
        check.Must(session.StandIn.JournaledCount(request.CorrelationId) == 0, $"the relay refused the items, yet forwarded the inquiry to {TargetId}");
    }

    /// <summary>RLY-020: an outcome other than found (here no-current-coverage) is answered without asOf.</summary>
    public static async Task OtherOutcomeWithoutAsOfAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var (exchange, _) = await RouteAsync(session, check, person, "other-outcome-no-as-of", StandInBehaviour.Correct);
        if (exchange.Status != 200) throw check.Unreachable($"the routed inquiry for a person with no medical enrolment was answered {exchange.Summary}");

        var answer = exchange.Read<RoutedInquiryAnswer>(session.World);
        if (answer.Outcome == LookupOutcome.Found) throw check.Unreachable("the person has no current medical enrolment, yet the routed inquiry was found (RLY-006 covers that)");
        check.Must(answer.AsOf is null, $"the routed inquiry was answered {answer.Outcome} with asOf {answer.AsOf}; outcomes other than found carry no asOf");
    }

    /// <summary>RLY-023: targetAnswer is the target's envelope byte for byte, verifiable by the requester as the target's.</summary>
    public static async Task ForwardsAnswerUntouchedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "untouched", StandInBehaviour.Correct);
        var received = Forwarded(session, exchange, request)!;
        if (received.Status != 200) throw check.Unreachable($"the stand-in did not answer the forwarded inquiry ({received.Status}); the relay answered {exchange.Summary}");

        var answer = exchange.Read<RoutedInquiryAnswer>(session.World);
        check.Must(answer.TargetAnswer == received.AnswerBody, "targetAnswer is not the target's response envelope byte for byte");
        var verified = session.World.VerifierFor(RequesterId).VerifyForwardedResponse(answer.TargetAnswer!, TargetId);
        check.Must(verified.Sender.Id == TargetId, $"targetAnswer is signed by {verified.Sender.Id}");
    }

    /// <summary>
    /// RLY-022: a target's problem document, whatever its status (a 403 refusal, or a 500 internal-error), becomes
    /// target-refused with the target's code in detail: the target did answer, and its code says why.
    /// </summary>
    public static async Task TargetRefusesAsync(RelaySession session, CheckContext check, StandInBehaviour behaviour)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "target-refuses-" + behaviour, behaviour);
        Forwarded(session, exchange, request, refusedByDesign: true);
        var received = session.StandIn.Received(request.CorrelationId)!;
        var code = received.Refusal!;

        check.Must(exchange.IsRefusal(ProblemCodes.TargetRefused),
            $"the target answered {received.Status} with a problem document, code {code}; the relay must answer target-refused (502), not {exchange.Summary}");
        check.Must(exchange.Problem?.Detail == code, $"detail is '{exchange.Problem?.Detail}', it must be only the target's code '{code}'");
    }

    /// <summary>RLY-021 and RLY-024: a target that does not answer, or answers something that does not verify, is target-unavailable.</summary>
    public static async Task TargetUnavailableAsync(RelaySession session, CheckContext check, StandInBehaviour behaviour)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, behaviour.ToString(), behaviour);
        Forwarded(session, exchange, request, behaviour: behaviour);

        check.Must(exchange.IsRefusal(ProblemCodes.TargetUnavailable),
            $"the stand-in target {Describe(behaviour)}; the relay must answer target-unavailable (502), but answered {exchange.Summary}");
    }

    /// <summary>
    /// RLY-020: items the purpose does not allow are the relay's own refusal (items-not-allowed), before it forwards
    /// anything: eligibility-check discloses eligibility only, and the inquiry also asks for benefits.
    /// </summary>
    public static async Task ItemsNotAllowedAtTheRelayAsync(RelaySession session, CheckContext check) => await ItemsNotAllowedAsync(session, check, ownSubject: true);

    /// <summary>RLY-005's order: items the purpose does not allow are judged before whether the subject is the caller's own.</summary>
    public static async Task ItemsBeforeSubjectAsync(RelaySession session, CheckContext check) => await ItemsNotAllowedAsync(session, check, ownSubject: false);

    private static async Task ItemsNotAllowedAsync(RelaySession session, CheckContext check, bool ownSubject)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var request = new RoutedInquiryRequest
        {
            Subject = ownSubject ? person.Subject : new SubjectReference { Ltc = person.Ltc with { InsurerNumber = Contracts.Identifiers.IdentifierRules.WithCheckDigit("13102") } },
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.EligibilityCheck,
            Items = SealFixture.DefaultItems,
            CorrelationId = Calls.NewCorrelationId("items-not-allowed-at-the-relay"),
        };
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.RoutedPath, request);

        var forwarded = session.StandIn.JournaledCount(request.CorrelationId);
        check.Must(forwarded == 0, $"the purpose {Purposes.EligibilityCheck} does not allow benefits, yet the relay forwarded the inquiry to {TargetId} ({forwarded} requests) instead of refusing it itself");
        check.Must(exchange.IsRefusal(ProblemCodes.ItemsNotAllowed),
            $"the purpose {Purposes.EligibilityCheck} allows the item eligibility only, and the routed inquiry also asks for benefits" +
            (ownSubject ? "" : " (its subject is another insurer's number, judged after the items)") +
            $"; the relay must refuse with items-not-allowed (403), but answered {exchange.Summary}");
    }

    /// <summary>
    /// LOG-004: a routed inquiry whose target does not answer leaves two entries: the routed-inquiry entry written
    /// before forwarding, and a second one, refused with target-unavailable, whose relatedEntryId names the first.
    /// </summary>
    public static async Task UnavailableLoggedTwiceAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "logged-unavailable", StandInBehaviour.DropsConnection);
        Forwarded(session, exchange, request, behaviour: StandInBehaviour.DropsConnection);
        CheckContext.Must("RLY-021", exchange.IsRefusal(ProblemCodes.TargetUnavailable), $"the target closed the connection; the relay must answer target-unavailable (502), but answered {exchange.Summary}");

        var log = await Calls.PersonLogAsync(session, check, person.Person.PersonId);
        var entries = log.Entries.Where(e => e.CorrelationId == request.CorrelationId && e.RecordedBy == RelayId).OrderBy(e => e.Seq).ToList();
        check.Must(entries.Count == 2, $"the relay wrote {entries.Count} entries for the inquiry; a forwarding that failed with target-unavailable needs the routed-inquiry entry and a second, refused one");
        var (first, second) = (entries[0], entries[1]);
        check.Must(first.Action == AccessAction.RoutedInquiry && second.Action == AccessAction.RoutedInquiry,
            $"the entries' actions are {first.Action} and {second.Action}; both are routed-inquiry");
        check.Must(second.Outcome == AccessOutcome.Refused && second.Code == ProblemCodes.TargetUnavailable.Code,
            $"the second entry says outcome {second.Outcome}, code '{second.Code}'; it must be refused with target-unavailable");
        check.Must(second.RelatedEntryId == first.EntryId, $"the second entry's relatedEntryId is '{second.RelatedEntryId}', not the first entry's id '{first.EntryId}'");
    }

    /// <summary>LOG-004: one routed-inquiry entry with the requested items, answered.</summary>
    public static async Task LoggedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await RouteAsync(session, check, person, "logged", StandInBehaviour.Correct);
        Forwarded(session, exchange, request);
        CheckContext.Must("RLY-020", exchange.Status == 200, $"the stand-in {TargetId} answered the forwarded inquiry, but the relay answered {exchange.Summary}");

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
        Forwarded(session, exchange, request);
        var tokens = session.StandIn.JournaledTokens(request.CorrelationId);

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

    /// <summary>
    /// What the relay forwarded for a person enrolled at kenpo-a. The kit's stand-in opens the seal as kenpo-a does
    /// (step ④), so a routed inquiry the relay did not forward, or forwarded with a seal kenpo-a must refuse, is RLY-020
    /// broken, whichever case sees it: not a precondition the case could not reach. <paramref name="refusedByDesign"/>
    /// is for the case in which the stand-in refuses on purpose.
    /// </summary>
    private static StandInRecord? Forwarded(RelaySession session, RelayExchange exchange, RoutedInquiryRequest request, bool refusedByDesign = false,
        StandInBehaviour behaviour = StandInBehaviour.Correct)
    {
        var received = session.StandIn.Received(request.CorrelationId);
        var sent = session.StandIn.JournaledCount(request.CorrelationId);
        CheckContext.Must("RLY-020", sent > 0,
            $"the person is enrolled at {TargetId}, yet the relay forwarded nothing to it for correlationId '{request.CorrelationId}'; it answered {exchange.Summary}");
        // A dropped connection is a fault at the connection: the stand-in never read the request.
        if (behaviour == StandInBehaviour.DropsConnection) return received;
        CheckContext.Must("RLY-020", received is not null,
            $"the relay's request to {TargetId} did not pass the envelope checks of §5.2 or carried no InquiryRequest (AUTH-012 says how the relay signs; the request is in the exchanges); it answered {exchange.Summary}");
        if (!refusedByDesign)
        {
            CheckContext.Must("RLY-020", received.Refusal is null,
                $"the relay forwarded an inquiry {TargetId} must refuse: opened as step ④ does, it is {received.Refusal} (the seal must be routed, for {TargetId}, sealed for the caller {RequesterId}, with the inquiry's purpose)");
        }
        return received;
    }

    internal static async Task<(RelayExchange Exchange, RoutedInquiryRequest Request)> RouteAsync(RelaySession session, CheckContext check,
        EnrolledPerson person, string caseName, StandInBehaviour behaviour, DateOnly? serviceDate = null)
    {
        var request = new RoutedInquiryRequest
        {
            Subject = person.Subject,
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.LtcMedicalCombined,
            Items = SealFixture.DefaultItems,
            ServiceDate = serviceDate,
            CorrelationId = Calls.NewCorrelationId(caseName),
        };
        session.StandIn.Misbehave(request.CorrelationId, behaviour);
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.RoutedPath, request);
        if (session.StandIn.Received(request.CorrelationId) is { } received)
            check.Evidence.RecordInbound(new Contracts.Client.RecordedExchange("POST", session.StandIn.Url + received.PartyId + "/v1/inquiries", received.RequestToken, received.Status, received.AnswerBody));
        return (exchange, request);
    }
}

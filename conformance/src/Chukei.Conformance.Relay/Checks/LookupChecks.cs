using System.Text.Json.Nodes;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>Steps ① and ② at the relay: docs/protocol.md §7.3 (RLY-001 … RLY-009) and relay lag (RLY-033).</summary>
public static class LookupChecks
{
    /// <summary>RLY-001 / RLY-006: an LTC insurer looks up a person enrolled at kenpo-a and is told found.</summary>
    public static async Task FoundAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "found"));

        check.Must(exchange.Status == 200, $"the lookup of a person enrolled at {TargetId} was answered {exchange.Summary}");
        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.Found, $"the person has exactly one current medical enrolment, at {TargetId}, but the outcome is {answer.Outcome}");
        check.Must(answer.Target?.PartyId == TargetId, $"the target is '{answer.Target?.PartyId}', not {TargetId}");
    }

    /// <summary>RLY-001: a medical insurer looks the person up too (figure 5 runs both ways): kenpo-a by its own number, for the LTC insurer.</summary>
    public static async Task FoundByMedicalInsurerAsync(RelaySession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(check);
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var request = Calls.Lookup(new SubjectReference { Medical = person.Medical }, "found-by-medical-insurer") with { TargetKind = InsuranceKind.Ltc };
        var exchange = await Calls.LookupAsync(session, check, request, TargetId);

        check.Must(exchange.Status == 200, $"{TargetId}, a medical insurer, looking up its own insured for the LTC insurer was answered {exchange.Summary}");
        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.Found && answer.Target?.PartyId == RequesterId,
            $"the person's current LTC enrolment is at {RequesterId}, but the outcome is {answer.Outcome} with target '{answer.Target?.PartyId}'");
    }

    /// <summary>ID-007: a medical insurer's lookup naming its own insured without the branch is invalid-field naming the branch; the branch is part of every medical number.</summary>
    public static async Task MedicalSubjectWithoutBranchAsync(RelaySession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(check);
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var medical = new JsonObject { ["insurerNumber"] = person.Medical.InsurerNumber, ["number"] = person.Medical.Number };
        if (person.Medical.Symbol is { } symbol) medical["symbol"] = symbol;
        var body = Body(new JsonObject { ["medical"] = medical }, targetKind: "ltc");
        var exchange = await session.World.CallerFor(TargetId, check.Evidence).PostAsync(Calls.LookupPath, body);

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField),
            $"{TargetId} named its own insured by a medical number without the branch; the branch is required in every medical record, so the relay must refuse with invalid-field (400), but answered {exchange.Summary}");
        check.Must(exchange.Problem?.Field == "/subject/medical/branch", $"the problem's field is '{exchange.Problem?.Field}', not the missing member /subject/medical/branch");
    }

    /// <summary>RLY-006: an LTC number nobody is registered under is not-found.</summary>
    public static async Task NotFoundAsync(RelaySession session, CheckContext check)
    {
        var unknown = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = RequesterInsurerNumber, InsuredNumber = "0000000001" } };
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(unknown, "not-found"));

        check.Must(exchange.Status == 200, $"a lookup of an unregistered number must be answered 200 with outcome not-found, not {exchange.Summary}");
        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.NotFound, $"nobody is registered under the number, but the outcome is {answer.Outcome}");
    }

    /// <summary>
    /// RLY-006: the LTC enrolment the requester names the person by has ended (the person moved away), and still names
    /// them: the LTC insurer computing a combined benefit for a past period needs their medical insurer.
    /// </summary>
    public static async Task SubjectEnrolmentLostAsync(RelaySession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(check);
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        await person.LoseAsync(check, RequesterId, person.Today().AddDays(-10), ltc: person.Ltc);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "subject-enrolment-lost"));

        check.Must(exchange.Status == 200, $"the lookup by an LTC number whose enrolment ended 10 days ago was answered {exchange.Summary}");
        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.Found && answer.Target?.PartyId == TargetId,
            $"the person's LTC enrolment at {RequesterId} ended 10 days ago, and their medical enrolment at {TargetId} is current; an ended enrolment still names its person, " +
            $"so the outcome must be found at {TargetId}, not {answer.Outcome}{(answer.Target is null ? "" : " at " + answer.Target.PartyId)}");
    }

    /// <summary>RLY-006: a known person without a current medical enrolment has no-current-coverage.</summary>
    public static async Task NoCurrentCoverageAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "no-current-coverage"));

        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.NoCurrentCoverage, $"the person has an LTC but no medical enrolment, yet the outcome is {answer.Outcome}");
    }

    /// <summary>ELG-010: a found lookup's asOf is when the relay registered the enrolment it answered from, not the time of the answer.</summary>
    public static async Task AsOfIsRegistrationAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        // A relay answering asOf = now must be told apart from the registration instant even on a fast loopback.
        await Task.Delay(TimeSpan.FromMilliseconds(20), session.Target.Time);
        var (_, _, _, answer) = await Calls.FoundAsync(session, check, person, "as-of-registration");
        // To the millisecond: a relay may keep the instant at a coarser precision than it answered the registration with.
        static long? Millis(DateTimeOffset? t) => t?.ToUnixTimeMilliseconds();
        check.Must(answer.AsOf is not null && Millis(answer.AsOf) == Millis(person.MedicalRegisteredAt),
            $"the answer's asOf is {ProtocolText.Time(answer.AsOf)}; kenpo-a's enrolment was registered at {ProtocolText.Time(person.MedicalRegisteredAt)}, which is what the lookup answered from");
    }

    /// <summary>RLY-008: two current medical enrolments (kenpo-a and kenpo-c): the relay does not choose.</summary>
    public static async Task MultipleMatchesAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var second = new MedicalInsured { InsurerNumber = OtherInsurerNumber, Symbol = person.Medical.Symbol, Number = person.Medical.Number + "9", Branch = "01" };
        await person.AcquireAsync(check, OtherInsurerId, medical: second);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "two-current-medical"));

        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.MultipleMatches, $"the person has two current medical enrolments, yet the outcome is {answer.Outcome}");
        check.Must(answer.Target is null && answer.Seal is null, "a multiple-matches answer names a target or carries a seal: the relay chose among the enrolments");
    }

    /// <summary>
    /// RLY-006 / RLY-008: the same LTC number registered for two persons (kaigo-b enrols the second under the first's
    /// number): a lookup by it matches both and is multiple-matches, with no target and no seal.
    /// </summary>
    public static async Task TwoPersonsAsync(RelaySession session, CheckContext check)
    {
        await using var first = await EnrolledPerson.CreateAsync(session, check);
        await using var second = await EnrolledPerson.CreateAsync(session, check);
        await second.AcquireAsync(check, RequesterId, ltc: first.Ltc);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(first.Subject, "two-persons"));

        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.MultipleMatches,
            $"the LTC number {first.Ltc.InsurerNumber}/{first.Ltc.InsuredNumber} is registered for two persons, yet the lookup's outcome is {answer.Outcome}; more than one person matching is multiple-matches");
        check.Must(answer.Target is null && answer.Seal is null, "a multiple-matches answer names a target or carries a seal: the relay chose among the persons");
    }

    /// <summary>RLY-007: found carries target, seal and asOf; every answer carries logEntryId and the correlationId.</summary>
    public static async Task FoundMembersAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var request = Calls.Lookup(person.Subject, "found-members");
        var answer = (await Calls.LookupAsync(session, check, request)).Read<LookupAnswer>(session.World);

        if (answer.Outcome != LookupOutcome.Found) throw check.Unreachable($"the lookup was answered {answer.Outcome} (RLY-006 covers that)");
        check.Must(answer.Target is not null, "a found answer has no target");
        check.Must(!string.IsNullOrEmpty(answer.Seal), "a found answer has no seal");
        check.Must(answer.AsOf is not null, "a found answer has no asOf");
        check.Must(!string.IsNullOrEmpty(answer.LogEntryId), "the answer has no logEntryId");
        check.Must(answer.CorrelationId == request.CorrelationId, $"the answer's correlationId is '{answer.CorrelationId}', the request's '{request.CorrelationId}'");
    }

    /// <summary>RLY-007: a lookup's seal, opened as kenpo-a opens it, has routed absent or false (only a routed inquiry's seal says true).</summary>
    public static async Task LookupSealNotRoutedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, _, _, answer) = await Calls.FoundAsync(session, check, person, "lookup-seal-not-routed");
        var raw = SealIssueChecks.Open(session, answer.Seal!) ?? throw check.Unreachable($"{TargetId} cannot decrypt the seal with its key (SEAL-011 covers that)");
        using var claims = System.Text.Json.JsonDocument.Parse(raw.ClaimsJson);
        var routed = claims.RootElement.TryGetProperty("routed", out var value) ? value : (System.Text.Json.JsonElement?)null;
        check.Must(routed is null || routed.Value.ValueKind == System.Text.Json.JsonValueKind.False,
            $"the lookup's seal carries routed {routed?.GetRawText()}; a lookup's seal has routed absent or false");
    }

    /// <summary>RLY-007: an answer other than found carries no target, seal or asOf, but a logEntryId and the correlationId.</summary>
    public static async Task OtherMembersAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var request = Calls.Lookup(person.Subject, "not-found-members");
        var answer = (await Calls.LookupAsync(session, check, request)).Read<LookupAnswer>(session.World);

        check.Must(answer.Target is null && answer.Seal is null && answer.AsOf is null,
            $"the {answer.Outcome} answer carries {string.Join(", ", new[] { answer.Target is null ? null : "target", answer.Seal is null ? null : "seal", answer.AsOf is null ? null : "asOf" }.OfType<string>())}");
        check.Must(!string.IsNullOrEmpty(answer.LogEntryId), "the answer has no logEntryId");
        check.Must(answer.CorrelationId == request.CorrelationId, $"the answer's correlationId is '{answer.CorrelationId}', the request's '{request.CorrelationId}'");
    }

    /// <summary>RLY-002 (and RLY-003's exactly-one-kind rule): a body breaking §2 or the allowed values is refused with invalid-field naming the member.</summary>
    public static async Task InvalidFieldAsync(RelaySession session, CheckContext check, string caseName)
    {
        var subject = new JsonObject { ["ltc"] = new JsonObject { ["insurerNumber"] = RequesterInsurerNumber, ["insuredNumber"] = "1234567890" } };
        var (body, field) = caseName switch
        {
            "insurer-number-check-digit" => (Body(new JsonObject { ["ltc"] = new JsonObject { ["insurerNumber"] = WrongCheckDigit(RequesterInsurerNumber), ["insuredNumber"] = "1234567890" } }), "/subject/ltc/insurerNumber"),
            "insured-number-length" => (Body(new JsonObject { ["ltc"] = new JsonObject { ["insurerNumber"] = RequesterInsurerNumber, ["insuredNumber"] = "12345" } }), "/subject/ltc/insuredNumber"),
            "unknown-purpose" => (Body(subject, purpose: "marketing"), "/purpose"),
            "unknown-target-kind" => (Body(subject, targetKind: "dental"), "/targetKind"),
            "missing-correlation-id" => (Without(Body(subject), "correlationId"), "/correlationId"),
            "both-ltc-and-medical" => (Body(new JsonObject
            {
                ["ltc"] = new JsonObject { ["insurerNumber"] = RequesterInsurerNumber, ["insuredNumber"] = "1234567890" },
                ["medical"] = new JsonObject { ["insurerNumber"] = TargetInsurerNumber, ["number"] = "1", ["branch"] = "01" },
            }), "/subject"),
            "neither-ltc-nor-medical" => (Body(new JsonObject()), "/subject"),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var exchange = await session.World.CallerFor(RequesterId, check.Evidence).PostAsync(Calls.LookupPath, body);

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField), $"the body ({caseName}) must be refused with invalid-field (400), but the relay answered {exchange.Summary}");
        check.Must(exchange.Problem?.Field?.StartsWith(field, StringComparison.Ordinal) == true, $"the problem's field is '{exchange.Problem?.Field}', not the offending member {field}");
    }

    public static IReadOnlyList<string> InvalidFieldCases { get; } =
        ["insurer-number-check-digit", "insured-number-length", "unknown-purpose", "unknown-target-kind", "missing-correlation-id"];

    /// <summary>RLY-003's first rule, exactly one of ltc and medical: its refusal is invalid-field like RLY-002's, so the case is filed by the rule it tries.</summary>
    public static IReadOnlyList<string> SubjectKindCountCases { get; } = ["both-ltc-and-medical", "neither-ltc-nor-medical"];

    /// <summary>RLY-003 / RLY-004: a requester names people only by numbers it issued itself.</summary>
    public static async Task SubjectNotOwnedAsync(RelaySession session, CheckContext check, string caseName)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var subject = caseName switch
        {
            // RLY-003: an LTC insurer naming the person by a medical number (the right one, even).
            "medical-subject-from-ltc-insurer" => new SubjectReference { Medical = person.Medical },
            // RLY-004: another LTC insurer's number with the person's insured number.
            "another-insurers-number" => new SubjectReference { Ltc = person.Ltc with { InsurerNumber = IdentifierRules.WithCheckDigit("13102") } },
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(subject, caseName));

        check.Must(exchange.IsRefusal(ProblemCodes.SubjectNotOwned),
            $"{RequesterId} (an LTC insurer owning {RequesterInsurerNumber}) named the person by {Describe(subject)}; the relay must refuse with subject-not-owned (403), but answered {exchange.Summary}");
    }

    /// <summary>
    /// RLY-005's order: a lookup whose purpose the caller may not use and whose subject is not the caller's own is
    /// refused for the purpose, the first rule the relay judges.
    /// </summary>
    public static async Task PurposeBeforeSubjectAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var notOwned = new SubjectReference { Ltc = person.Ltc with { InsurerNumber = IdentifierRules.WithCheckDigit("13102") } };
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(notOwned, "purpose-before-subject", Purposes.ChildbirthLumpSum));

        check.Must(exchange.IsRefusal(ProblemCodes.PurposeNotAllowed),
            $"the lookup's purpose ({Purposes.ChildbirthLumpSum}) is not allowed for an LTC insurer and its subject is another insurer's number; the purpose is judged first, so the relay must refuse with purpose-not-allowed (403), but answered {exchange.Summary}");
    }

    /// <summary>RLY-005: a purpose the caller's role may not use is refused before the subject is resolved.</summary>
    public static async Task PurposeNotAllowedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "purpose-not-allowed", Purposes.ChildbirthLumpSum));

        check.Must(exchange.IsRefusal(ProblemCodes.PurposeNotAllowed),
            $"{Purposes.ChildbirthLumpSum} is for medical insurers only; an LTC insurer's lookup with it must be refused with purpose-not-allowed (403), but the relay answered {exchange.Summary}");
    }

    /// <summary>RLY-009 / ID-012: nothing in the answer but the seal carries the target's number or the person identifier.</summary>
    public static async Task NothingInClearAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (_, _, exchange, answer) = await Calls.FoundAsync(session, check, person, "nothing-in-clear");
        var text = Calls.AnswerText(exchange).Replace(answer.Seal!, "", StringComparison.Ordinal);

        check.Must(!text.Contains(person.Medical.Number, StringComparison.Ordinal), $"the answer outside the seal contains the person's medical number {person.Medical.Number}");
        check.Must(!text.Contains(person.Person.PersonId, StringComparison.Ordinal), "the answer outside the seal contains the person identifier");
    }

    /// <summary>RLY-033: lookups see an enrolment from its registeredAt, and a registered loss at once.</summary>
    public static async Task RegistrationTakesEffectAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var before = (await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "before-registration"))).Read<LookupAnswer>(session.World);
        check.Must(before.Outcome == LookupOutcome.NoCurrentCoverage, $"before the medical enrolment is registered the outcome must be no-current-coverage, not {before.Outcome}");

        var registeredAt = await person.AcquireAsync(check, TargetId, medical: person.Medical);
        var after = (await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "after-registration"))).Read<LookupAnswer>(session.World);
        check.Must(after.Outcome == LookupOutcome.Found, $"once the medical enrolment is registered the outcome must be found, not {after.Outcome}");
        check.Must(after.AsOf == registeredAt, $"asOf is {ProtocolText.Time(after.AsOf)}, the enrolment was registered at {ProtocolText.Time(registeredAt)}");

        await person.LoseAsync(check, TargetId, person.Today(), medical: person.Medical);
        var lost = (await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "after-loss"))).Read<LookupAnswer>(session.World);
        check.Must(lost.Outcome == LookupOutcome.NoCurrentCoverage, $"a loss effective today was registered, yet the outcome is {lost.Outcome}");
    }

    /// <summary>RLY-033: an acquisition effective tomorrow is not current today.</summary>
    /// <summary>RLY-033: an acquisition effective today (in Japan) is current today: the start is inclusive (effectiveDate ≤ D).</summary>
    public static async Task AcquisitionEffectiveTodayAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var today = person.Today();
        await person.AcquireAsync(check, TargetId, medical: person.Medical, effective: today);
        var exchange = await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "acquisition-effective-today"));
        if (exchange.Status != 200) throw check.Unreachable($"the lookup was answered {exchange.Summary} (RLY-001 covers that)");
        var answer = exchange.Read<LookupAnswer>(session.World);
        check.Must(answer.Outcome == LookupOutcome.Found, $"the only medical enrolment was acquired effective today ({today}), yet today's outcome is {answer.Outcome}");
    }

    public static async Task FutureAcquisitionAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var update = person.Update(EnrolmentEvent.Acquired, person.Today().AddDays(1), person.Medical, null);
        var registered = await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath, update);
        if (registered.Status != 200) throw check.Unreachable($"registering an acquisition effective tomorrow was answered {registered.Summary}");
        try
        {
            var answer = (await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "future-acquisition"))).Read<LookupAnswer>(session.World);
            check.Must(answer.Outcome == LookupOutcome.NoCurrentCoverage, $"the only medical enrolment starts tomorrow, yet today's outcome is {answer.Outcome}");
        }
        finally
        {
            await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath,
                update with { Event = EnrolmentEvent.Lost, EffectiveDate = person.Today().AddDays(1), CorrelationId = update.CorrelationId + "-end" });
        }
    }

    private static JsonObject Body(JsonObject subject, string purpose = Purposes.LtcMedicalCombined, string targetKind = "medical") => new()
    {
        ["subject"] = subject,
        ["targetKind"] = targetKind,
        ["purpose"] = purpose,
        ["correlationId"] = Calls.NewCorrelationId("invalid-field"),
    };

    private static JsonObject Without(JsonObject body, string member)
    {
        body.Remove(member);
        return body;
    }

    private static string WrongCheckDigit(string number) => number[..^1] + (char)('0' + ((number[^1] - '0' + 1) % 10));

    private static string Describe(SubjectReference s) => s.Ltc is { } l ? $"LTC insurer number {l.InsurerNumber}" : $"medical insurer number {s.Medical!.InsurerNumber}";
}

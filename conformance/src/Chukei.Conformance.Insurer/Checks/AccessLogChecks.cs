using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// LOG-008 and LOG-010 seen from the relay's side: every inquiry the target received, answered or refused, reaches
/// the kit's report endpoint as an InsurerAccessRecord with the right fields. The kit waits
/// <see cref="InsurerTarget.ReportWait"/> for it, not the 5 minutes LOG-010 allows (documented in conformance/README.md).
/// </summary>
public static class AccessLogChecks
{
    /// <summary>LOG-008: the inquiry presenting <paramref name="mutationName"/>'s seal leaves a record with the right outcome and code.</summary>
    public static async Task RecordedAsync(InsurerSession session, CheckContext check, string mutationName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange
        var mutation = SealMutations.Find(mutationName);
        var built = mutation.Build(session.World.NewFixture(), EnvelopeSigner.NewId());
        var correlation = InquiryCaller.NewCorrelationId(mutation.Name);

        // Act
        var response = await new InquiryCaller(session.World, check.Evidence).PresentAsync(mutation.Caller, built.Token, mutation.Items, correlation);

        // Assert: the record says what the target did. Whether it should have answered is the seal check's own case, so a
        // bad seal wrongly answered is not blamed here on a record that truthfully says "answered".
        var record = await ReportedAsync(session, check, response);
        if (response.Status == 200)
        {
            check.Must(record.Outcome is AccessOutcome.Answered or AccessOutcome.NotFound, $"the target answered the inquiry (200), and recorded it with outcome {record.Outcome}");
            return;
        }
        check.Must(record.Outcome == AccessOutcome.Refused, $"the inquiry refused with {response.Summary} was recorded with outcome {record.Outcome}");
        check.Must(record.Code == response.Problem?.Code,
            $"the refusal was recorded with code '{record.Code}', the target answered '{response.Problem?.Code ?? "(no problem document)"}'");
    }

    /// <summary>LOG-008: an inquiry about a number nobody holds, answered no-qualification, leaves a record with outcome not-found (§8.3).</summary>
    public static async Task NoQualificationRecordedAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange + Act
        var person = InsurerPeople.Absent;
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "no-qualification-recorded", [Contracts.DataItems.Eligibility],
            c => c with { Insured = c.Insured with { Symbol = person.Symbol, Number = person.Number, Branch = person.Branch } });
        if (response.Status != 200) throw check.Unreachable($"the inquiry about {LagChecks.Who(person)} was answered {response.Summary} (INS-040 covers that)");
        var answer = response.ReadAnswer(session.World, response.CallerId);
        if (answer.Status != EligibilityStatus.NoQualification)
            throw check.Unreachable($"nobody holds {LagChecks.Who(person)}, but the target answered {answer.Status} (ELG-009 covers that)");

        // Assert
        var record = await ReportedAsync(session, check, response);
        check.Must(record.Outcome == AccessOutcome.NotFound, $"the inquiry was answered no-qualification; its record's outcome is {record.Outcome}, not not-found");
    }

    /// <summary>LOG-010: the reported record names the purpose, the items, the outcome and the code, and is reported promptly (who it names is LOG-018).</summary>
    public static async Task ReportedFieldsAsync(InsurerSession session, CheckContext check, string caller, ProblemCode? refusal)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange + Act: the requester's own seal, presented by its requester (answered) or by another insurer (refused).
        var (response, claims) = await SealChecks.PresentValidAsync(session, check, "report-" + (refusal?.Code ?? "answered"), SealFixture.DefaultItems, caller: caller);
        if (refusal is null ? response.Status != 200 : response.Problem?.Code != refusal.Code)
            throw check.Unreachable($"the inquiry was answered {response.Summary}, not {refusal?.Code ?? "200"} as the case needs");

        // Assert
        var record = await ReportedAsync(session, check, response);
        check.Must(record.Purpose == claims.Purpose, $"the record's purpose is '{record.Purpose}', the seal's is '{claims.Purpose}'");
        check.Must(record.Items.SequenceEqual(response.Request.Items),
            $"the record's items are [{string.Join(", ", record.Items)}], the inquiry asked for [{string.Join(", ", response.Request.Items)}]");
        check.Must(record.Outcome == (refusal is null ? AccessOutcome.Answered : AccessOutcome.Refused), $"the record's outcome is {record.Outcome}");
        check.Must(record.Code == refusal?.Code, $"the record's code is '{record.Code}', expected '{refusal?.Code}'");
    }

    /// <summary>One LOG-018 case: who presents which seal, how the target must answer it, and whom the record must name.</summary>
    public sealed record RequesterCase(string Name, string Caller, bool Routed, ProblemCode? Refusal, string Expected, string Why);

    public static IReadOnlyList<RequesterCase> RequesterCases { get; } =
    [
        new("answered", SealFixture.RequesterId, false, null, SealFixture.RequesterId, "kaigo-b presented its own seal"),
        new("stolen-seal-refused", SealFixture.OtherInsurerId, false, ProblemCodes.SealRequesterMismatch, SealFixture.OtherInsurerId,
            "kenpo-c presented a seal issued to kaigo-b; the person's history must show who tried, not the party it was sealed for"),
        new("routed-answered", SealFixture.RelayId, true, null, SealFixture.RequesterId, "the relay forwarded kaigo-b's routed seal"),
        new("routed-refused", SealFixture.RelayId, true, ProblemCodes.SealExpired, SealFixture.RequesterId,
            "the relay forwarded kaigo-b's routed seal, expired; its signature verified, so the record names the party the relay forwarded for, not the relay"),
    ];

    /// <summary>LOG-018: the record names the authenticated caller, or, for a routed seal the relay presents, the seal's requester.</summary>
    public static async Task RequesterAsync(InsurerSession session, CheckContext check, RequesterCase @case)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(@case);
        // Arrange + Act
        var now = session.Target.Time.GetUtcNow().ToUnixTimeSeconds();
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "requester-" + @case.Name, SealFixture.DefaultItems,
            c =>
            {
                var edited = c with { Routed = @case.Routed };
                return @case.Refusal == ProblemCodes.SealExpired ? edited with { IssuedAt = now - 900, NotBefore = now - 900, Expires = now - 600 } : edited;
            }, @case.Caller);
        if (@case.Refusal is null ? response.Status != 200 : response.Problem?.Code != @case.Refusal.Code)
            throw check.Unreachable($"the inquiry was answered {response.Summary}, not {@case.Refusal?.Code ?? "200"} as the case needs ({@case.Refusal?.RequirementId ?? "INS-040"} covers that)");

        // Assert
        var record = await ReportedAsync(session, check, response);
        check.Must(record.Requester == @case.Expected, $"{@case.Why}, but the record's requester is '{record.Requester}', not {@case.Expected}");
    }

    /// <summary>
    /// LOG-009: a refusal after the relay's signature verified (and the seal is for the target) names the seal's txn;
    /// a seal that cannot be opened leaves relayLogEntryId out.
    /// </summary>
    public static async Task RelayEntryAsync(InsurerSession session, CheckContext check, string mutationName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange
        var mutation = SealMutations.Find(mutationName);
        var built = mutation.Build(session.World.NewFixture(), EnvelopeSigner.NewId());
        var correlation = InquiryCaller.NewCorrelationId(mutation.Name);

        // Act
        var response = await new InquiryCaller(session.World, check.Evidence).PresentAsync(mutation.Caller, built.Token, mutation.Items, correlation);

        // Assert
        if (response.Status == 200) throw check.Unreachable($"the seal '{mutation.Name}' was answered 200 (its own requirement covers that)");
        var record = await ReportedAsync(session, check, response);
        var verified = mutation.ExpectedCode?.RequirementId is { } failed && string.CompareOrdinal(failed, "INS-024") > 0;
        if (verified)
            check.Must(record.RelayLogEntryId == built.Claims.LogEntryId,
                $"the seal's signature verified and it was for the target, so the refusal record must name its txn '{built.Claims.LogEntryId}', not '{record.RelayLogEntryId}'");
        else
            check.Must(record.RelayLogEntryId is null, $"the seal could not be opened or verified, yet the record names relay entry '{record.RelayLogEntryId}'");
    }

    private static async Task<InsurerAccessRecord> ReportedAsync(InsurerSession session, CheckContext check, InquiryExchange response)
    {
        var correlation = response.Request.CorrelationId;
        var received = await session.Relay.Journal.WaitForAsync(correlation, session.Target.ReportWait);
        foreach (var rejected in session.Relay.Journal.Rejected) check.Evidence.RecordInbound(rejected);
        CheckContext.Must(check.RequirementId, received is not null,
            $"no access record with correlationId '{correlation}' reached the relay's {RelayStandIn.ReportPath} within {session.Target.ReportWait.TotalSeconds:0.#} s " +
            $"of the inquiry (answered {response.Summary}); the kit's relay listens at {session.Relay.Url}");
        check.Evidence.RecordInbound(received.Exchange);
        CheckContext.Must(check.RequirementId, received.Reporter == session.Target.PartyId, $"the record was reported by {received.Reporter}, not the target");
        check.Should("LOG-010", received.ReceivedAt - response.AnsweredAt <= TimeSpan.FromSeconds(1),
            $"the record arrived {(received.ReceivedAt - response.AnsweredAt).TotalSeconds:0.0} s after the answer; reports SHOULD be sent immediately");
        return received.Record;
    }
}

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

        // Assert
        var record = await ReportedAsync(session, check, response);
        if (mutation.ExpectAccepted)
        {
            check.Must(record.Outcome is AccessOutcome.Answered or AccessOutcome.NotFound, $"the answered inquiry was recorded with outcome {record.Outcome}");
            return;
        }
        var expected = mutation.ExpectedCodeOverHttp!;
        check.Must(record.Outcome == AccessOutcome.Refused, $"the inquiry refused with {response.Summary} was recorded with outcome {record.Outcome}");
        check.Must(record.Code == response.Problem?.Code || record.Code == expected.Code,
            $"the refusal was recorded with code '{record.Code}', the target answered '{response.Problem?.Code}'");
    }

    /// <summary>LOG-010: the reported record names the requester (the caller), the purpose, the items and the correlation id, and is reported promptly.</summary>
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
        check.Must(record.Requester == caller, $"the record's requester is '{record.Requester}', the caller was {caller}");
        check.Must(record.Purpose == claims.Purpose, $"the record's purpose is '{record.Purpose}', the seal's is '{claims.Purpose}'");
        check.Must(record.Items.SequenceEqual(response.Request.Items),
            $"the record's items are [{string.Join(", ", record.Items)}], the inquiry asked for [{string.Join(", ", response.Request.Items)}]");
        check.Must(record.Outcome == (refusal is null ? AccessOutcome.Answered : AccessOutcome.Refused), $"the record's outcome is {record.Outcome}");
        check.Must(record.Code == refusal?.Code, $"the record's code is '{record.Code}', expected '{refusal?.Code}'");
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

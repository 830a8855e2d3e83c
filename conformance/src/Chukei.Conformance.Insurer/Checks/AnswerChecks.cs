using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>What a successful inquiry's answer holds (docs/protocol.md §7.4): INS-042 and INS-043.</summary>
public static class AnswerChecks
{
    /// <summary>INS-042: a valid seal asking for <paramref name="asked"/> only; the answer holds nothing that was not asked for.</summary>
    public static async Task OnlyAskedItemsAsync(InsurerSession session, CheckContext check, string caseName, string asked)
    {
        ArgumentNullException.ThrowIfNull(check);
        // Arrange + Act: the purpose allows both items; only one is asked for.
        var (response, _) = await SealChecks.PresentValidAsync(session, check, caseName, [asked]);

        // Assert
        if (response.Status != 200)
            throw check.Unreachable($"a valid seal asking for {asked} only was answered {response.Summary} (INS-040 covers that)");
        var answer = response.ReadAnswer(session.World, response.CallerId);
        if (asked == DataItems.Eligibility)
            check.Must(answer.Benefits is null, $"only eligibility was asked for, but the answer carries benefits ({answer.Benefits?.Count} records)");
        else
            check.Must(answer.Qualification is null, $"only {asked} was asked for, but the answer carries a qualification");
    }

    /// <summary>INS-043: relayLogEntryId is the seal's txn, correlationId the request's, insurerLogEntryId the id of the record the target reported.</summary>
    public static async Task LogIdsAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange + Act
        var (response, claims) = await SealChecks.PresentValidAsync(session, check, "log-ids", [DataItems.Eligibility]);

        // Assert
        if (response.Status != 200)
            throw check.Unreachable($"the valid seal was answered {response.Summary} (INS-040 covers that)");
        var answer = response.ReadAnswer(session.World, response.CallerId);
        check.Must(answer.RelayLogEntryId == claims.LogEntryId, $"relayLogEntryId is '{answer.RelayLogEntryId}', the seal's txn is '{claims.LogEntryId}'");
        check.Must(answer.CorrelationId == response.Request.CorrelationId, $"correlationId is '{answer.CorrelationId}', the request's is '{response.Request.CorrelationId}'");
        check.Must(!string.IsNullOrEmpty(answer.InsurerLogEntryId), "insurerLogEntryId is empty");
        var reported = await session.Relay.Journal.WaitForAsync(response.Request.CorrelationId, session.Target.ReportWait);
        if (reported is not null)
        {
            check.Evidence.RecordInbound(reported.Exchange);
            check.Must(reported.Record.InsurerEntryId == answer.InsurerLogEntryId,
                $"insurerLogEntryId is '{answer.InsurerLogEntryId}', but the record the target reported for this inquiry has insurerEntryId '{reported.Record.InsurerEntryId}'");
        }
    }

    /// <summary>INS-041: a routed seal forwarded by the relay is answered to the sealed requester, in response to the relay's request.</summary>
    public static async Task RoutedAudienceAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange + Act: the kit plays the relay forwarding kaigo-b's routed seal.
        var (response, claims) = await SealChecks.PresentValidAsync(session, check, "routed-audience", SealFixture.DefaultItems, c => c with { Routed = true }, SealFixture.RelayId);

        // Assert
        if (response.Status != 200) throw check.Unreachable($"the routed seal was answered {response.Summary} (INS-029 covers that)");
        try
        {
            session.World.VerifierFor(claims.Requester).VerifyResponse(response.Body, session.Target.PartyId, response.RequestJti);
        }
        catch (Contracts.Problems.ProtocolException ex)
        {
            var toRelay = Addressed(session, SealFixture.RelayId, response);
            check.Must(false, toRelay
                ? $"the answer to the relay's forwarded inquiry is addressed to the relay; it must be addressed to the sealed requester {claims.Requester}"
                : $"the answer is not a response envelope for {claims.Requester} answering the relay's request {response.RequestJti}: {ex.Code.Code}: {ex.Detail}");
        }
    }

    private static bool Addressed(InsurerSession session, string audience, InquiryExchange response)
    {
        try
        {
            session.World.VerifierFor(audience).VerifyResponse(response.Body, session.Target.PartyId, response.RequestJti);
            return true;
        }
        catch (Contracts.Problems.ProtocolException)
        {
            return false;
        }
    }

    /// <summary>A number no test person holds, so finding it in a refusal can only mean the target quoted the seal.</summary>
    private const string TellTaleNumber = "7346521";

    /// <summary>ERR-010: a refusal of a seal the target opened quotes none of the person's numbers.</summary>
    public static async Task NoPersonalDataInProblemsAsync(InsurerSession session, CheckContext check, string caseName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange: a seal the target can open and verify, refused by a later check of step ④.
        var now = session.Target.Time.GetUtcNow().ToUnixTimeSeconds();
        Func<Contracts.Tokens.SealClaims, Contracts.Tokens.SealClaims> refusedBy = caseName switch
        {
            "requester-mismatch" => c => c,
            "expired" => c => c with { IssuedAt = now - 900, NotBefore = now - 900, Expires = now - 600 },
            "items-not-allowed" => c => c with { Purpose = Purposes.ChildbirthLumpSum, Requester = SealFixture.OtherInsurerId },
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var caller = caseName == "items-not-allowed" ? SealFixture.OtherInsurerId : caseName == "requester-mismatch" ? SealFixture.OtherInsurerId : SealFixture.RequesterId;
        var refusal = caseName switch
        {
            "requester-mismatch" => ProblemCodes.SealRequesterMismatch,
            "expired" => ProblemCodes.SealExpired,
            _ => ProblemCodes.ItemsNotAllowed,
        };

        // Act
        var (response, _) = await SealChecks.PresentValidAsync(session, check, "no-personal-data-" + caseName, SealFixture.DefaultItems,
            c => refusedBy(c with { Insured = c.Insured with { Number = TellTaleNumber } }), caller);

        // Assert
        // Only the refusal step ④ gives shows the target opened the seal: a 404, or another code, says nothing of what it quotes.
        if (response.Status != refusal.Status || response.Problem?.Code != refusal.Code)
            throw check.Unreachable($"the seal ({caseName}) must be refused with {refusal.Code} ({refusal.Status}) after the target opened it, but was answered {response.Summary}; " +
                $"{refusal.RequirementId} covers that, and what a refusal of an opened seal quotes was not observed");
        check.Must(!response.Body.Contains(TellTaleNumber, StringComparison.Ordinal),
            $"the refusal ({response.Summary}) quotes the sealed insured number {TellTaleNumber}: a problem document never carries personal data");
    }
}

using Chukei.Conformance.Envelopes;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// Step ④ over HTTP: one row of the seal attack table presented by the party the row names. A row that must be
/// refused must get exactly its code and status; a row that must be accepted must be answered 200 with a valid,
/// verifiable answer addressed to the right party.
/// </summary>
public static class SealChecks
{
    public static async Task PresentMutationAsync(InsurerSession session, CheckContext check, string mutationName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange: a fresh jti and correlation id; time-window rows are built at the start of a second, so the
        // one-second boundaries hold even though the target reads its own clock a few milliseconds later.
        var mutation = SealMutations.Find(mutationName);
        var caller = new InquiryCaller(session.World, check.Evidence);
        async Task<(SealCase Built, string Correlation, InquiryExchange Response)> AttemptAsync()
        {
            var built = mutation.Build(session.World.NewFixture(), EnvelopeSigner.NewId());
            var correlation = InquiryCaller.NewCorrelationId(mutation.Name);
            foreach (var first in mutation.PresentedBefore)
            {
                var before = await caller.PresentAsync(first, built.Token, mutation.Items, correlation + "-first");
                if (before.Status != 200)
                    throw check.Unreachable($"the first presentation of the seal, which must be accepted, was answered {before.Summary}; the replay cannot be tried");
            }
            return (built, correlation, await caller.PresentAsync(mutation.Caller, built.Token, mutation.Items, correlation));
        }
        bool AsExpected(InquiryExchange r) => mutation.ExpectAccepted
            ? r.Status == 200
            : r.Status == mutation.ExpectedCodeOverHttp!.Status && r.Problem?.Code == mutation.ExpectedCodeOverHttp.Code;

        // Act
        var (built, correlation, response) = SealCaseGroups.TimeWindow.Contains(check.RequirementId)
            ? await EnvelopeAttacks.DecisiveAsync(check, session.Target.Time, async () => { var a = await AttemptAsync(); return (a, AsExpected(a.Response)); })
            : await AttemptAsync();

        // Assert
        if (mutation.ExpectAccepted)
        {
            check.Must(response.Status == 200,
                $"the seal '{mutation.Name}' must be accepted, but the target answered {response.Summary}. The seal: {mutation.Description}");
            var audience = built.Claims.Routed && mutation.Caller == SealFixture.RelayId ? built.Claims.Requester : mutation.Caller;
            var answer = response.ReadAnswer(session.World, audience);
            check.Must(answer.CorrelationId == correlation, $"the answer's correlationId is '{answer.CorrelationId}', the request's '{correlation}'");
            return;
        }
        var expected = mutation.ExpectedCodeOverHttp!;
        check.Must(response.Status == expected.Status && response.Problem?.Code == expected.Code,
            $"the seal '{mutation.Name}' must be refused with {expected.Code} ({expected.Status}), but the target answered {response.Summary}. The seal: {mutation.Description}");
    }

    /// <summary>
    /// INS-031: kenpo-c, a medical insurer, asks with a seal for the childbirth lump sum, which §7.1 allows it, for
    /// eligibility and benefits; that purpose discloses eligibility only, so the inquiry is refused items-not-allowed.
    /// </summary>
    public static async Task ItemNotAllowedForPurposeAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (response, _) = await PresentValidAsync(session, check, "benefits-for-childbirth-lump-sum", SealFixture.DefaultItems,
            c => c with { Purpose = Contracts.Purposes.ChildbirthLumpSum, Requester = SealFixture.OtherInsurerId }, SealFixture.OtherInsurerId);
        var expected = Contracts.Problems.ProblemCodes.ItemsNotAllowed;
        check.Must(response.Status == expected.Status && response.Problem?.Code == expected.Code,
            $"the purpose childbirth-lump-sum allows the item eligibility only, and the inquiry also asks for benefits; it must be refused with {expected.Code} ({expected.Status}), but the target answered {response.Summary}");
    }

    /// <summary>An inquiry with a valid seal of fresh claims, changed by <paramref name="edit"/>, asking for <paramref name="items"/>.</summary>
    public static async Task<(InquiryExchange Response, SealClaims Claims)> PresentValidAsync(InsurerSession session, CheckContext check,
        string caseName, IReadOnlyList<string> items, Func<SealClaims, SealClaims>? edit = null, string caller = SealFixture.RequesterId, DateOnly? serviceDate = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var fixture = session.World.NewFixture();
        var claims = fixture.ValidClaims(EnvelopeSigner.NewId());
        if (edit is not null) claims = edit(claims);
        var response = await new InquiryCaller(session.World, check.Evidence)
            .PresentAsync(caller, fixture.Seal(claims), items, InquiryCaller.NewCorrelationId(caseName), serviceDate);
        return (response, claims);
    }
}

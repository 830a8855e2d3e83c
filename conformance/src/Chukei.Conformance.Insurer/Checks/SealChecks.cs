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

    /// <summary>How many seals <see cref="ConcurrentPresentationsAsync"/> presents twice at once: a race that a single pair may miss is unlikely to be missed by all.</summary>
    private const int ConcurrentPairs = 3;

    /// <summary>
    /// INS-028: kaigo-b presents one valid seal twice at the same moment, for <see cref="ConcurrentPairs"/> seals; of the
    /// two presentations of each, exactly one is answered and the other is seal-replayed.
    /// </summary>
    public static async Task ConcurrentPresentationsAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var caller = new InquiryCaller(session.World, check.Evidence);
        for (var pair = 1; pair <= ConcurrentPairs; pair++)
        {
            // Arrange
            var fixture = session.World.NewFixture();
            var claims = fixture.ValidClaims(EnvelopeSigner.NewId());
            var seal = fixture.Seal(claims);

            // Act: both requests are under way before either is answered.
            var both = await Task.WhenAll(
                caller.PresentAsync(SealFixture.RequesterId, seal, SealFixture.DefaultItems, InquiryCaller.NewCorrelationId($"concurrent-{pair}-a")),
                caller.PresentAsync(SealFixture.RequesterId, seal, SealFixture.DefaultItems, InquiryCaller.NewCorrelationId($"concurrent-{pair}-b")));

            // Assert
            var accepted = both.Where(r => r.Status == 200).ToList();
            var replayed = both.Count(r => r.Status == Contracts.Problems.ProblemCodes.SealReplayed.Status && r.Problem?.Code == Contracts.Problems.ProblemCodes.SealReplayed.Code);
            if (accepted.Count == 0)
                throw check.Unreachable($"neither concurrent presentation of the valid seal {claims.Id} was answered ({both[0].Summary}; {both[1].Summary}); INS-040 covers a valid seal refused");
            check.Must(accepted.Count == 1,
                $"kaigo-b presented the valid seal {claims.Id} twice at once and both presentations were answered 200; of two concurrent presentations exactly one is accepted, the other is seal-replayed (403)");
            check.Must(replayed == 1,
                $"kaigo-b presented the valid seal {claims.Id} twice at once; one was answered, the other must be refused with seal-replayed (403), but was answered {both.Single(r => r.Status != 200).Summary}");
            accepted[0].ReadAnswer(session.World, SealFixture.RequesterId);
        }
    }

    /// <summary>A party id the directory does not list: a requester no insurer knows.</summary>
    public const string UnlistedRequesterId = "kaigo-z.chukei.test";

    /// <summary>
    /// INS-030: the relay forwards a routed seal (so INS-029 passes) whose requester is not a party in the directory;
    /// its role is unknown, so no purpose is allowed for it: purpose-not-allowed.
    /// </summary>
    public static async Task UnlistedRequesterAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (response, _) = await PresentValidAsync(session, check, "unlisted-requester", [Contracts.DataItems.Eligibility],
            c => c with { Requester = UnlistedRequesterId, Routed = true }, SealFixture.RelayId);

        var expected = Contracts.Problems.ProblemCodes.PurposeNotAllowed;
        check.Must(response.Status == expected.Status && response.Problem?.Code == expected.Code,
            $"the relay forwarded a routed seal whose requester {UnlistedRequesterId} is not a party in the directory; a requester that is not a party is refused with {expected.Code} ({expected.Status}), " +
            $"but the target answered {response.Summary}");
    }

    /// <summary>INS-022: a seal whose claims carry members the protocol does not define (a string and an object) is answered: unknown claims are ignored.</summary>
    public static async Task UnknownClaimsIgnoredAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        // Arrange: the relay's valid claims with two more members, signed and encrypted as the relay does.
        var fixture = session.World.NewFixture();
        var claims = fixture.ValidClaims(EnvelopeSigner.NewId());
        var json = Contracts.Json.ProtocolJson.Serialize(claims);
        if (!json.EndsWith('}')) throw new InvalidOperationException("the kit's claims do not serialise as a JSON object");
        const string Unknown = ",\"x-relay-note\":\"routed by region 3\",\"x-trace\":{\"hop\":1}";
        var seal = fixture.Encrypt(fixture.SignInner(json[..^1] + Unknown + "}"));

        // Act
        var response = await new InquiryCaller(session.World, check.Evidence)
            .PresentAsync(SealFixture.RequesterId, seal, SealFixture.DefaultItems, InquiryCaller.NewCorrelationId("unknown-claims"));

        // Assert
        check.Must(response.Status == 200,
            $"the seal is valid and its claims also carry x-relay-note (a string) and x-trace (an object), which the protocol does not define; unknown claims are ignored, " +
            $"so it must be answered, but the target answered {response.Summary}");
        response.ReadAnswer(session.World, SealFixture.RequesterId);
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

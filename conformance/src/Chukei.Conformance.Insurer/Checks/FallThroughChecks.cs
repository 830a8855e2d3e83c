using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// INS-050: the fall-through notices the relay (the kit) sends an NHI insurer are taken from the relay only, answered
/// with the notice's id, and a resent notice is acknowledged again. Run only for a target that claims it
/// (<see cref="InsurerTarget.ServesFallThroughNotices"/>).
/// </summary>
public static class FallThroughChecks
{
    private const string Path = "v1/fall-through-notices";

    /// <summary>A notice from the relay is answered 200 with a FallThroughNoticeAnswer for that notice, signed for the relay.</summary>
    public static async Task FromTheRelayAsync(InsurerSession session, CheckContext check)
    {
        var notice = NewNotice(session);
        var answer = await AcknowledgedAsync(session, check, notice, "the relay sent a fall-through notice");
        check.Must(answer.NoticeId == notice.NoticeId, $"the answer acknowledges noticeId '{answer.NoticeId}', the relay sent '{notice.NoticeId}'");
    }

    /// <summary>The same notice sent again (a relay that saw no answer resends) is acknowledged again, for the same noticeId.</summary>
    public static async Task ResentAsync(InsurerSession session, CheckContext check)
    {
        var notice = NewNotice(session);
        await AcknowledgedAsync(session, check, notice, "the relay sent a fall-through notice");
        var again = await AcknowledgedAsync(session, check, notice, $"the relay resent the notice {notice.NoticeId} it had already sent (same noticeId, new envelope)");
        check.Must(again.NoticeId == notice.NoticeId, $"the resent notice is acknowledged as '{again.NoticeId}', the relay resent '{notice.NoticeId}'");
    }

    /// <summary>Anyone but the relay is refused role-not-allowed: an insurer must not be able to plant notices.</summary>
    public static async Task NotFromTheRelayAsync(InsurerSession session, CheckContext check)
    {
        Claimed(session, check);
        var (status, body, _) = await SendAsync(session, check, RequesterId, NewNotice(session));
        var problem = status == 200 ? null : PartyClient.ReadProblem(body);
        check.Must(status == ProblemCodes.RoleNotAllowed.Status && problem?.Code == ProblemCodes.RoleNotAllowed.Code,
            $"{RequesterId} (role ltc-insurer) sent a fall-through notice; only the relay may, so it must be refused with role-not-allowed (403), " +
            $"but the target answered {(status == 200 ? "200" : $"{status} {problem?.Code ?? "(no problem document)"}")}");
    }

    private static async Task<FallThroughNoticeAnswer> AcknowledgedAsync(InsurerSession session, CheckContext check, FallThroughNotice notice, string what)
    {
        Claimed(session, check);
        var (status, body, jti) = await SendAsync(session, check, RelayId, notice);
        var problem = status == 200 ? null : PartyClient.ReadProblem(body);
        check.Must(status == 200, $"{what}; the target must acknowledge it with 200, but answered {status} {problem?.Code ?? "(no problem document)"}: {problem?.Detail}");
        try
        {
            var envelope = session.World.VerifierFor(RelayId).VerifyResponse(body, session.Target.PartyId, jti);
            return ProtocolJson.Deserialize<FallThroughNoticeAnswer>(envelope.Claims.Body, "answer");
        }
        catch (ProtocolException ex)
        {
            check.Must(false, $"{what}; the 200 answer is not a FallThroughNoticeAnswer in a valid response envelope for the relay answering request {jti}: {ex.Code.Code}: {ex.Detail}");
            throw;
        }
    }

    private static async Task<(int Status, string Body, string Jti)> SendAsync(InsurerSession session, CheckContext check, string callerId, FallThroughNotice notice)
    {
        var client = session.World.ClientFor(callerId, check.Evidence);
        var url = session.Target.Target.Endpoint(Path);
        var (token, jti) = client.Signer.SignRequest(session.Target.PartyId, "POST", url.AbsolutePath, notice);
        var (status, body) = await client.SendAsync(url, token);
        return (status, body, jti);
    }

    private static void Claimed(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Target.ServesFallThroughNotices)
            throw check.NotClaimed("the target does not claim to serve fall-through notices (INS-050, an NHI insurer's): set fallThroughNotices, or pass --fall-through-notices");
    }

    /// <summary>A notice about nobody the target holds: INS-050 asks that it be kept and acknowledged, not matched.</summary>
    private static FallThroughNotice NewNotice(InsurerSession session)
    {
        var now = session.Target.Time.GetUtcNow();
        return new FallThroughNotice
        {
            NoticeId = "ftn-" + EnvelopeSigner.NewId()[..20],
            BasicPensionNumber = "9876543210",
            UninsuredSince = DateOnly.FromDateTime(now.AddDays(-45).UtcDateTime),
            LastInsurerNumber = OtherInsurerNumber,
            DetectedAt = now,
            LogEntryId = "L-" + EnvelopeSigner.NewId()[..16],
        };
    }
}

using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Envelopes;

/// <summary>
/// The request rows of the envelope attack table (<see cref="EnvelopeMutations"/>, docs/protocol.md §5.2) presented
/// over HTTP to any receiver: the rows are written for kenpo-a's <c>/v1/inquiries</c>, and <see cref="Retarget"/> aims
/// them at the receiver under test and the path it serves, so the insurer and relay suites share one table.
/// </summary>
public static class EnvelopeAttacks
{
    /// <summary>Accepted rows, placed under the requirement whose allowance or boundary they probe.</summary>
    private static readonly Dictionary<string, string> Accepted = new(StringComparer.Ordinal)
    {
        ["valid-request"] = "AUTH-003",
        ["expired-within-skew"] = "AUTH-005",
        ["iat-future-at-skew-limit"] = "AUTH-005",
        ["retired-key"] = "DIR-005",
        ["same-jti-other-issuer"] = "AUTH-008",
        ["refused-presentation-not-recorded"] = "AUTH-008",
        ["claims-at-depth-16"] = "ERR-004",
    };

    /// <summary>
    /// The rows a black box can be shown: requests received where they were sent, and so were the earlier ones. Rows
    /// about a base path (received at /kenpo/…) need a receiver mounted under that path and are left to the test vectors.
    /// </summary>
    public static IReadOnlyList<EnvelopeMutation> Presentable { get; } = EnvelopeMutations.All
        .Where(m => !m.IsResponse && m.Path == EnvelopeMutations.InquiryPath
            && m.Build(new SealFixture()).PresentedBefore.All(p => p.Path == EnvelopeMutations.InquiryPath))
        .ToList();

    /// <summary>The time-window rows, sent at the start of a second so their one-second boundaries hold.</summary>
    public static bool IsTimeWindow(string requirementId) => requirementId == "AUTH-005";

    /// <summary>Refused rows whose problem code is another requirement's, placed under the requirement that makes them refused.</summary>
    private static readonly Dictionary<string, string> RefusedBy = new(StringComparer.Ordinal)
    {
        ["revoked-party"] = "DIR-006",
    };

    public static string RequirementOf(EnvelopeMutation mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        if (RefusedBy.TryGetValue(mutation.Name, out var placed)) return placed;
        if (mutation.ExpectedCode is { } code) return code.RequirementId;
        return Accepted.TryGetValue(mutation.Name, out var id)
            ? id
            : throw new InvalidOperationException($"the accepted envelope row '{mutation.Name}' is not placed under a requirement in {nameof(EnvelopeAttacks)}");
    }

    /// <summary>
    /// Aims claims written for kenpo-a's /v1/inquiries at <paramref name="receiverId"/>'s <paramref name="path"/>: the
    /// two receivers swap places in aud (so "addressed to the relay" stays wrong when the relay is the receiver), and
    /// so do the two paths in htu (so "signed for /v1/lookups" stays wrong when /v1/lookups is the path).
    /// </summary>
    public static EnvelopeClaims Retarget(EnvelopeClaims claims, string receiverId, string path)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return claims with { Audience = Swap(claims.Audience, SealFixture.TargetId, receiverId)!, Path = Swap(claims.Path, EnvelopeMutations.InquiryPath, path) };
    }

    /// <summary>
    /// Presents one row to <paramref name="endpoint"/> with <paramref name="send"/> (which posts a token as
    /// application/jose) and judges the answer: a refused row must get exactly its code and status; an accepted row
    /// carries a real request (<paramref name="acceptance"/>) and must get that request's answer, judged by the suite.
    /// </summary>
    public static async Task PresentAsync(CheckContext check, string mutationName, TimeProvider time, string receiverId, Uri endpoint,
        Func<Uri, string, Task<(int Status, string Body)>> send, EnvelopeAcceptance acceptance)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(acceptance);
        var mutation = EnvelopeMutations.Find(mutationName);
        async Task<(EnvelopeCase Built, int Status, Problem? Problem, string Body)> AttemptAsync()
        {
            var built = mutation.Build(new SealFixture(time.GetUtcNow()), EnvelopeSigner.NewId(), c => Retarget(c, receiverId, endpoint.AbsolutePath), acceptance.WithBody);
            foreach (var first in built.PresentedBefore)
            {
                var (status, body) = await send(endpoint, first.Token);
                var before = Verdict(status, body);
                if (first.ExpectedCode is null ? IsEnvelopeRefusal(before) : before?.Code != first.ExpectedCode.Code)
                    throw check.Unreachable($"the earlier presentation the row needs was answered {Describe(status, before)}, not {first.ExpectedVerdict}");
            }
            var (answerStatus, answerBody) = await send(endpoint, built.Token);
            return (built, answerStatus, Verdict(answerStatus, answerBody), answerBody);
        }
        // Over HTTP the body limit (ERR-003) comes before the envelope is read (ERR-009), as the row itself says.
        ProblemCode? ExpectedOf(EnvelopeCase built) => built.Token.Length > ProtocolConstants.MaxRequestLength ? ProblemCodes.BodyTooLarge : mutation.ExpectedCode;
        bool AsExpected((EnvelopeCase Built, int Status, Problem? Problem, string Body) a) => ExpectedOf(a.Built) is { } code
            ? a.Status == code.Status && a.Problem?.Code == code.Code
            : acceptance.Judge(a.Built.Claims, a.Status, a.Body) is null;

        var (built, answerStatus, problem, answer) = IsTimeWindow(check.RequirementId)
            ? await DecisiveAsync(check, time, async () => { var a = await AttemptAsync(); return (a, AsExpected(a)); })
            : await AttemptAsync();
        var expectedCode = ExpectedOf(built);
        if (expectedCode is not { } expected)
        {
            check.Must(!IsEnvelopeRefusal(problem),
                $"the envelope '{mutation.Name}' must pass the envelope checks, but was refused with {Describe(answerStatus, problem)}. The envelope: {mutation.Description}");
            var wrong = acceptance.Judge(built.Claims, answerStatus, answer);
            check.Must(wrong is null,
                $"the envelope '{mutation.Name}' must be accepted and the request it carries answered, but {wrong}. The envelope: {mutation.Description}");
            return;
        }
        check.Must(answerStatus == expected.Status && problem?.Code == expected.Code,
            $"the envelope '{mutation.Name}' must be refused with {expected.Code} ({expected.Status}), but the answer was {Describe(answerStatus, problem)}. The envelope: {mutation.Description}");
    }

    /// <summary>
    /// Runs a time-window attempt so that its one-second boundaries decide: each attempt starts early in a second
    /// (<see cref="StartOfSecondAsync"/>), and an attempt whose answer was not the expected one is tried again, up to
    /// three times, when the answer came back in a later second than the attempt began in: the target may then have
    /// read its clock a second later than the token assumed, and a busy machine, not the target, decided. Three
    /// indecisive attempts leave the case inconclusive.
    /// </summary>
    public static async Task<T> DecisiveAsync<T>(CheckContext check, TimeProvider time, Func<Task<(T Result, bool AsExpected)>> attempt)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(attempt);
        const int Attempts = 3;
        for (var i = 1; ; i++)
        {
            await StartOfSecondAsync(time);
            var began = time.GetUtcNow().ToUnixTimeSeconds();
            var (result, asExpected) = await attempt();
            if (asExpected || time.GetUtcNow().ToUnixTimeSeconds() == began) return result;
            if (i == Attempts)
                throw check.Unreachable($"each of {Attempts} attempts was answered in a later second than it was sent in, so the case's one-second boundary cannot be judged; is the target or the machine very busy?");
        }
    }

    /// <summary>
    /// Waits for the start of the next second when past the middle of this one: the rows' boundaries are whole
    /// seconds from "now", and the receiver reads its clock a few milliseconds after the kit built the token.
    /// </summary>
    public static async Task StartOfSecondAsync(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var millisecond = time.GetUtcNow().Millisecond;
        if (millisecond > 500) await Task.Delay(TimeSpan.FromMilliseconds(1005 - millisecond), time);
    }

    /// <summary>"200", or "403 seal-audience: detail", or "404 (no problem document): ": an answer, for messages.</summary>
    public static string DescribeAnswer(int status, string body) => Describe(status, Verdict(status, body));

    private static Problem? Verdict(int status, string body) => status == 200 ? null : PartyClient.ReadProblem(body);

    /// <summary>A refusal by the envelope checks of §5.2 (auth-*), as opposed to one by the endpoint after them.</summary>
    private static bool IsEnvelopeRefusal(Problem? problem) => problem?.Code.StartsWith("auth-", StringComparison.Ordinal) == true;

    private static string Describe(int status, Problem? problem) => status == 200 ? "200" : $"{status} {problem?.Code ?? "(no problem document)"}: {problem?.Detail}";

    private static string? Swap(string? value, string a, string b)
    {
        if (value is null || a == b) return value;
        const string Marker = "\u0001";
        return value.Replace(a, Marker, StringComparison.Ordinal).Replace(b, a, StringComparison.Ordinal).Replace(Marker, b, StringComparison.Ordinal)
            .Replace(a.ToUpperInvariant(), Marker, StringComparison.Ordinal).Replace(b.ToUpperInvariant(), a.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace(Marker, b.ToUpperInvariant(), StringComparison.Ordinal);
    }
}

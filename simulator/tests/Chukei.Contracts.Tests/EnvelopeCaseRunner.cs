using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Contracts.Tests;

/// <summary>Presents envelopes the way a receiver gets them: on a fake clock at "now", one verifier and replay cache per vector.</summary>
internal static class EnvelopeCaseRunner
{
    /// <summary>The verdict of one presentation: "accept" with the verified envelope, or the refusal code with its detail.</summary>
    public sealed record Outcome(string Verdict, VerifiedEnvelope? Envelope, string? Detail);

    /// <summary>Requests received in order by <paramref name="receiver"/>: one outcome per presentation.</summary>
    public static IReadOnlyList<Outcome> PresentRequests(PartyDirectory directory, string receiver, DateTimeOffset now,
        IEnumerable<(string Token, string Method, string Path)> presentations)
    {
        var verifier = Verifier(directory, receiver, now);
        return [.. presentations.Select(p => Run(() => verifier.VerifyRequest(p.Token, p.Method, p.Path)))];
    }

    /// <summary>A response checked by the caller <paramref name="receiver"/> that called <paramref name="calledParty"/> with request <paramref name="requestJti"/>.</summary>
    public static Outcome PresentResponse(PartyDirectory directory, string receiver, DateTimeOffset now, string token, string calledParty, string requestJti) =>
        Run(() => Verifier(directory, receiver, now).VerifyResponse(token, calledParty, requestJti));

    /// <summary>A built mutation in the fixture's world: its earlier presentations first, the case's own last.</summary>
    public static IReadOnlyList<Outcome> Present(SealFixture fixture, EnvelopeCase built)
    {
        var m = built.Mutation;
        if (m.IsResponse)
            return [PresentResponse(fixture.Directory, m.Receiver, fixture.Now, built.Token, SealFixture.TargetId, EnvelopeMutations.AnsweredRequestJti)];
        return PresentRequests(fixture.Directory, m.Receiver, fixture.Now,
            [.. built.PresentedBefore.Select(p => (p.Token, p.Method, p.Path)), (built.Token, m.Method, m.Path)]);
    }

    private static EnvelopeVerifier Verifier(PartyDirectory directory, string receiver, DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        return new EnvelopeVerifier(receiver, directory, new MemoryReplayCache(time), time);
    }

    private static Outcome Run(Func<VerifiedEnvelope> verify)
    {
        try
        {
            return new Outcome("accept", verify(), null);
        }
        catch (ProtocolException ex)
        {
            return new Outcome(ex.Code.Code, null, ex.Detail);
        }
    }
}

using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Contracts.Tests;

/// <summary>Presents a token the way a target receives it: on a fake clock at "now", with one fresh replay cache.</summary>
internal static class SealCaseRunner
{
    /// <summary>One verdict per presentation, in order: each caller of <paramref name="callers"/> presents the same token.</summary>
    public static IReadOnlyList<SealVerification> Present(string token, IReadOnlyList<string> callers, DateTimeOffset now,
        Func<TimeProvider, IReplayCache, string, SealVerificationContext> context)
    {
        var time = new FakeTimeProvider(now);
        var replay = new MemoryReplayCache(time);
        return [.. callers.Select(caller => SealVerifier.Verify(token, context(time, replay, caller)))];
    }

    public static IReadOnlyList<SealVerification> Present(SealFixture fixture, SealMutation mutation, string token) =>
        Present(token, [.. mutation.PresentedBefore, mutation.Caller], fixture.Now,
            (time, replay, caller) => fixture.Context(time, replay, caller, mutation.Items));

    /// <summary>"accept" or the refusal code, for readable assertion messages.</summary>
    public static string Verdict(SealVerification v) => v.IsValid ? "accept" : v.Failure?.Code ?? "invalid without a code";
}

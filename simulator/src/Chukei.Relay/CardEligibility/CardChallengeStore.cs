using System.Collections.Concurrent;
using Chukei.Contracts.Cards;
using Chukei.Contracts.Problems;

namespace Chukei.Relay.CardEligibility;

/// <summary>The relay's outstanding challenges (CLN-001, CLN-010 … CLN-012): each bound to one clinic, short-lived, single use.</summary>
public sealed class CardChallengeStore(TimeProvider time)
{
    private sealed class Entry(string clinicId, DateTimeOffset expiresAt)
    {
        public string ClinicId { get; } = clinicId;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public int Used;
    }

    /// <summary>Presented challenges are remembered this long after expiry, so a late replay still reads as a replay.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Deliberate defects for mutants; the reference relay has none.</summary>
    public RelayDefects Defects { get; init; } = RelayDefects.None;

    public (string Challenge, DateTimeOffset ExpiresAt) Issue(string clinicId)
    {
        var now = time.GetUtcNow();
        foreach (var (key, old) in _entries)
        {
            if (now >= old.ExpiresAt + Memory) _entries.TryRemove(key, out _);
        }
        var challenge = CardAuthentication.NewChallenge();
        var expiresAt = now + (Defects.CardChallengesLiveFiveMinutes ? TimeSpan.FromMinutes(5) : CardAuthentication.ChallengeLifetime);
        _entries[challenge] = new Entry(clinicId, expiresAt);
        return (challenge, expiresAt);
    }

    /// <summary>
    /// CLN-010 … CLN-012 in order. A challenge that passes the first two is used up by this presentation whatever
    /// happens next, so a failed attempt can never be retried with the same signature.
    /// </summary>
    public void Consume(string challenge, string clinicId)
    {
        // A challenge issued to another clinic is reported as unknown: the caller learns nothing about other clinics.
        if (!_entries.TryGetValue(challenge, out var entry) && Defects.AcceptsUnissuedCardChallenges) return;
        if (entry is null || entry.ClinicId != clinicId)
            throw new ProtocolException(ProblemCodes.CardChallengeUnknown, "the challenge was not issued to this clinic", "/challenge");
        if (time.GetUtcNow() >= entry.ExpiresAt && !Defects.CardChallengesNeverExpire)
            throw new ProtocolException(ProblemCodes.CardChallengeExpired, $"the challenge expired at {entry.ExpiresAt:O}", "/challenge");
        if (Interlocked.Exchange(ref entry.Used, 1) == 1 && !Defects.AcceptsReplayedCardChallenge)
            throw new ProtocolException(ProblemCodes.CardChallengeReplayed, "the challenge was already presented", "/challenge");
    }

    /// <summary>Only for the mutant that frees a challenge whose check was refused (breaks CLN-012).</summary>
    internal void Free(string challenge)
    {
        if (_entries.TryGetValue(challenge, out var entry)) Interlocked.Exchange(ref entry.Used, 0);
    }
}

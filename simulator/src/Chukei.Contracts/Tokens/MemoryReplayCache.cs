using System.Collections.Concurrent;

namespace Chukei.Contracts.Tokens;

/// <summary>In-memory replay cache; entries are dropped once their expiry (plus skew) has passed on the given clock.</summary>
public sealed class MemoryReplayCache(TimeProvider time) : IReplayCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _adds;

    public bool Contains(string id) => _seen.TryGetValue(id, out var until) && until > time.GetUtcNow();

    public bool TryAdd(string id, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _adds) % 1024 == 0) Evict(now);
        var keepUntil = expiresAt + ProtocolConstants.ClockSkew;
        while (true)
        {
            if (_seen.TryAdd(id, keepUntil)) return true;
            if (!_seen.TryGetValue(id, out var existing)) continue;
            if (existing > now) return false;
            if (_seen.TryUpdate(id, keepUntil, existing)) return true;
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (id, until) in _seen)
        {
            if (until <= now) _seen.TryRemove(id, out _);
        }
    }
}

namespace Chukei.Contracts.Tokens;

/// <summary>Remembers token ids until they expire (INS-028, AUTH-008).</summary>
public interface IReplayCache
{
    bool Contains(string id);

    /// <summary>Records an id; false if it was already recorded.</summary>
    bool TryAdd(string id, DateTimeOffset expiresAt);
}

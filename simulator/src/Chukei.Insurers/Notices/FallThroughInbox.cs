using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Notices;

/// <summary>Fall-through notices a municipal NHI received from the relay (INS-050), in arrival order.</summary>
public sealed class FallThroughInbox
{
    private readonly Lock _gate = new();
    private readonly List<FallThroughNotice> _notices = [];

    public IReadOnlyList<FallThroughNotice> Notices
    {
        get { lock (_gate) return _notices.ToList(); }
    }

    /// <summary>Stores a notice; a resent notice (same id) is acknowledged, not stored twice. False for a resent one.</summary>
    public bool Receive(FallThroughNotice notice)
    {
        lock (_gate)
        {
            if (_notices.Any(n => n.NoticeId == notice.NoticeId)) return false;
            _notices.Add(notice);
            return true;
        }
    }
}

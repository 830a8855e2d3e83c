using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Notices;

/// <summary>
/// Every <c>valid</c> answer the insurer gave (ELG-014), watched until a change registered since makes it wrong and the
/// relay has acknowledged the notice saying so (ELG-015, ELG-017). A notice, once built, is resent unchanged (same
/// noticeId) until acknowledged; an acknowledged answer is never notified again.
/// </summary>
public sealed class ValidAnswerLedger
{
    private readonly Lock _gate = new();
    private readonly List<Watched> _watched = [];
    private int _open;

    /// <summary>One valid answer: whom it was for, about what, and the notice once the answer went stale.</summary>
    public sealed class Watched
    {
        public required string Requester { get; init; }
        public required DateOnly ServiceDate { get; init; }
        public required string CorrelationId { get; init; }
        public required string InsurerLogEntryId { get; init; }
        public required string RelayLogEntryId { get; init; }

        /// <summary>The sealed number the answer was about; kept inside the insurer, never put in a notice (ELG-016).</summary>
        public required SealedInsured Insured { get; init; }

        public required DateTimeOffset AnsweredAt { get; init; }
        public RetroactiveChangeNotice? Notice { get; internal set; }
        public bool Acknowledged { get; internal set; }
    }

    public void Remember(Watched answer)
    {
        lock (_gate)
        {
            _watched.Add(answer);
            _open++;
        }
    }

    /// <summary>Whether any answer is still watched: a registration costs nothing at an insurer that has none (a generated population's books).</summary>
    public bool HasOpen => Volatile.Read(ref _open) > 0;

    /// <summary>Answers whose notice has not been acknowledged yet, in the order they were given.</summary>
    public IReadOnlyList<Watched> Open
    {
        get { lock (_gate) return _watched.Where(w => !w.Acknowledged).ToList(); }
    }

    /// <summary>Every remembered answer, in order.</summary>
    public IReadOnlyList<Watched> All
    {
        get { lock (_gate) return _watched.ToList(); }
    }

    public void Attach(Watched answer, RetroactiveChangeNotice notice)
    {
        lock (_gate) answer.Notice ??= notice;
    }

    public void MarkAcknowledged(Watched answer)
    {
        lock (_gate)
        {
            if (answer.Acknowledged) return;
            answer.Acknowledged = true;
            _open--;
        }
    }
}

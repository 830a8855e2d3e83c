using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>Every access record the relay stand-in received, searchable by correlation id while tests wait for them.</summary>
public sealed class ReportJournal
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedRecord> _records = [];
    private readonly List<RecordedExchange> _rejected = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReceivedRecord> Records
    {
        get { lock (_gate) return _records.ToList(); }
    }

    public void Add(string reporter, IReadOnlyList<InsurerAccessRecord> records, DateTimeOffset receivedAt, RecordedExchange exchange)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _records.AddRange(records.Select(r => new ReceivedRecord(reporter, r, receivedAt, exchange)));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Reports the stand-in refused (a bad envelope): shown as evidence when an expected record is missing.</summary>
    public IReadOnlyList<RecordedExchange> Rejected
    {
        get { lock (_gate) return _rejected.ToList(); }
    }

    public void Reject(RecordedExchange exchange)
    {
        lock (_gate) _rejected.Add(exchange);
    }

    public IReadOnlyList<ReceivedRecord> For(string correlationId)
    {
        lock (_gate) return _records.Where(r => r.Record.CorrelationId == correlationId).ToList();
    }

    /// <summary>The first record with this correlation id, waiting up to <paramref name="timeout"/>; null if none came.</summary>
    public async Task<ReceivedRecord?> WaitForAsync(string correlationId, TimeSpan timeout, CancellationToken ct = default)
    {
        var clock = TimeProvider.System;
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _records.FirstOrDefault(r => r.Record.CorrelationId == correlationId);
                if (found is not null) return found;
                changed = _changed.Task;
            }
            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return null;
            await Task.WhenAny(changed, Task.Delay(remaining, clock, ct));
        }
    }
}

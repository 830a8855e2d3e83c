using Chukei.Contracts;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Wire;
using Chukei.Relay.Store;

namespace Chukei.Relay.AccessLog;

/// <summary>
/// Appends entries to the hash chain (LOG-005) and signs a checkpoint every
/// <see cref="ProtocolConstants.CheckpointInterval"/> entries (LOG-020). Appends are serialised so seq and
/// prevHash never fork.
/// </summary>
public sealed class AccessLogChain
{
    private readonly IRelayStore _store;
    private readonly EnvelopeSigner _signer;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _seq;
    private string _head;

    private readonly Func<string, LogCheckpoint?>? _readCheckpoint;

    /// <param name="readCheckpoint">Verifies a stored checkpoint's signature and returns its payload; without it only the chain itself is checked.</param>
    public AccessLogChain(IRelayStore store, EnvelopeSigner signer, TimeProvider time, Func<string, LogCheckpoint?>? readCheckpoint = null)
    {
        _store = store;
        _signer = signer;
        _readCheckpoint = readCheckpoint;
        _time = time;
        (_seq, _head) = store.LogHead();
    }

    /// <summary>Fields of an entry before the chain assigns seq, id, time and hashes.</summary>
    public sealed record Draft(string RecordedBy, AccessAction Action, string Requester, string? Provider, string? PersonId,
        IReadOnlyList<string> Items, string Purpose, AccessOutcome Outcome, string? Code, string CorrelationId,
        string? RelatedEntryId = null, DateTimeOffset? At = null, string? SourceKey = null);

    public AccessLogEntry Append(Draft draft) => AppendAll([draft])[0];

    /// <summary>Appends all drafts in one transaction: all land or none do.</summary>
    public IReadOnlyList<AccessLogEntry> AppendAll(IReadOnlyList<Draft> drafts)
    {
        lock (_gate)
        {
            var seq = _seq;
            var head = _head;
            var entries = new List<AccessLogEntry>(drafts.Count);
            foreach (var d in drafts)
            {
                seq++;
                var entry = new AccessLogEntry
                {
                    Seq = seq,
                    // The seq alone is unique within the chain; nothing random, so seeded runs repeat exactly.
                    EntryId = "L" + seq.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
                    At = AccessLogHash.Normalize(d.At ?? _time.GetUtcNow()),
                    RecordedBy = d.RecordedBy,
                    Action = d.Action,
                    Requester = d.Requester,
                    Provider = d.Provider,
                    PersonId = d.PersonId,
                    Items = d.Items,
                    Purpose = d.Purpose,
                    Outcome = d.Outcome,
                    Code = d.Code,
                    CorrelationId = d.CorrelationId,
                    RelatedEntryId = d.RelatedEntryId,
                    PrevHash = head,
                    Hash = "",
                };
                entry = entry with { Hash = AccessLogHash.Compute(entry) };
                head = entry.Hash;
                entries.Add(entry);
            }
            _store.AppendLog(entries, drafts.Select(d => d.SourceKey).ToList());
            var crossed = seq / ProtocolConstants.CheckpointInterval > _seq / ProtocolConstants.CheckpointInterval;
            _seq = seq;
            _head = head;
            if (crossed) Checkpoint();
            return entries;
        }
    }

    /// <summary>Signs the current head (LOG-020); returns the checkpoint JWS.</summary>
    /// <param name="type">The JWS typ; anything but chukei-checkpoint+jwt only for the LOG-020 mutant.</param>
    public string Checkpoint(string type = ProtocolConstants.CheckpointType)
    {
        lock (_gate)
        {
            var token = _signer.SignPayload(new LogCheckpoint { Seq = _seq, Hash = _head, At = _time.GetUtcNow() }, type);
            _store.AddCheckpoint(_seq, token);
            return token;
        }
    }

    /// <summary>
    /// Recomputes every hash (LOG-021) and reports the first entry that does not chain. The latest signed checkpoint
    /// also catches what a consistent rewrite of the tail would hide: entries removed or re-hashed after it was signed.
    /// </summary>
    public ChainVerification Verify()
    {
        var checkpoint = _store.LatestCheckpoint() is { } token ? _readCheckpoint?.Invoke(token) : null;
        string? hashAtCheckpoint = null;
        var result = AccessLogHash.Verify(_store.WholeLog().Select(e =>
        {
            if (e.Seq == checkpoint?.Seq) hashAtCheckpoint = e.Hash;
            return e;
        }));
        if (!result.Valid || checkpoint is null) return result;
        if (checkpoint.Seq > result.Entries)
            return result with { Valid = false, FirstBrokenSeq = result.Entries + 1, Reason = $"entries are missing: a signed checkpoint covers {checkpoint.Seq}" };
        if (checkpoint.Seq > 0 && hashAtCheckpoint != checkpoint.Hash)
            return result with { Valid = false, FirstBrokenSeq = checkpoint.Seq, Reason = "the chain was rewritten: the signed checkpoint records another hash here" };
        return result;
    }
}

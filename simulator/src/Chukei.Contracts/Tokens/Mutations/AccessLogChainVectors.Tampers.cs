using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>Tampered copies of <see cref="AccessLogChainVectors.Chain"/> and where verification must find the break.</summary>
public static partial class AccessLogChainVectors
{
    private const string OtherHash = "1111111111111111111111111111111111111111111111111111111111111111";

    /// <summary>Every tampered copy; names are unique. Only the table's own entries change, never the intact chain.</summary>
    public static IReadOnlyList<AccessLogTamper> Tampers { get; } =
    [
        new("edited-requester", 4, "Entry 4's requester is changed to kaigo-b; its hash no longer matches its content.",
            static c => Edit(c, 4, e => e with { Requester = RequesterId })),
        new("edited-outcome", 3, "Entry 3's refusal is turned into an answer (outcome answered, code removed).",
            static c => Edit(c, 3, e => e with { Outcome = AccessOutcome.Answered, Code = null })),
        new("person-id-removed", 2, "Entry 2's personId is removed, hiding the access from that person's query (LOG-016).",
            static c => Edit(c, 2, e => e with { PersonId = null })),
        new("items-reordered", 2, "Entry 2's items are listed as benefits, eligibility: the items line keeps their order, so the hash changes.",
            static c => Edit(c, 2, e => e with { Items = [.. e.Items.Reverse()] })),
        new("time-one-millisecond-later", 6, "Entry 6's at is one millisecond later: the hashed time has millisecond precision.",
            static c => Edit(c, 6, e => e with { At = e.At.AddMilliseconds(1) })),
        new("hash-upper-case", 2, "Entry 2's hash is written in upper-case hex; the hash is lower-case hex, compared exactly.",
            static c => Edit(c, 2, e => e with { Hash = e.Hash.ToUpperInvariant() })),
        new("hash-replaced", 7, "The last entry's hash is replaced by another value.",
            static c => Edit(c, 7, e => e with { Hash = OtherHash })),
        new("edited-and-rehashed", 4,
            "Entry 3's requester is changed and its hash recomputed, so entry 3 is self-consistent; entry 4's prevHash no longer matches it.",
            static c => Edit(c, 3, e => e with { Requester = RequesterId } is var x ? x with { Hash = AccessLogHash.Compute(x) } : e)),
        new("prev-hash-replaced", 5, "Entry 5's prevHash is replaced by another value.",
            static c => Edit(c, 5, e => e with { PrevHash = OtherHash })),
        new("genesis-not-zero", 1, "Entry 1's prevHash is not 64 '0' characters; its hash is recomputed so only the link is wrong.",
            static c => Edit(c, 1, e => e with { PrevHash = OtherHash } is var x ? x with { Hash = AccessLogHash.Compute(x) } : e)),
        new("entry-deleted", 3, "Entry 3 is removed: the third entry read has seq 4, so seq 3 is missing.",
            static c => [.. c.Where(e => e.Seq != 3)]),
        new("entries-swapped", 5, "Entries 5 and 6 change places: the fifth entry read has seq 6.",
            static c => [.. c.Take(4), c[5], c[4], .. c.Skip(6)]),
        new("entries-swapped-and-renumbered", 5,
            "Entries 5 and 6 change places and their seqs are renumbered (hashes recomputed): entry 5's prevHash is not the hash of entry 4.",
            static c => [.. c.Take(4), .. new[] { c[5] with { Seq = 5 }, c[4] with { Seq = 6 } }.Select(e => e with { Hash = AccessLogHash.Compute(e) }), .. c.Skip(6)]),
        new("seq-from-zero", 1, "Every seq lowered by one, hashes recomputed: seq starts at 1 (LOG-006).",
            static c => [.. c.Select(e => e with { Seq = e.Seq - 1 } is var x ? x with { Hash = AccessLogHash.Compute(x) } : e)]),
        new("tail-removed", null,
            "The last two entries are removed. The rest is a valid chain: only the relay's signed checkpoint (LOG-020, LOG-021) reveals a removed tail.",
            static c => [.. c.Take(c.Count - 2)]),
    ];

    /// <summary>A copy of the chain with the entry of <paramref name="seq"/> changed; nothing is recomputed unless the edit does it.</summary>
    private static List<AccessLogEntry> Edit(IReadOnlyList<AccessLogEntry> chain, long seq, Func<AccessLogEntry, AccessLogEntry> edit) =>
        [.. chain.Select(e => e.Seq == seq ? edit(e) : e)];
}

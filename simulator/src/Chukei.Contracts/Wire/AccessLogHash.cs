using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chukei.Contracts.Wire;

/// <summary>
/// The access log's hash chain (LOG-005): each entry's hash covers its fields and the previous hash, so changing,
/// removing or reordering any entry breaks every hash after it. The line format is normative (docs/protocol.md §8).
/// </summary>
public static class AccessLogHash
{
    public static readonly string Genesis = new('0', 64);

    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Compute(AccessLogEntry e)
    {
        var lines = string.Join('\n',
            e.PrevHash,
            e.Seq.ToString(CultureInfo.InvariantCulture),
            e.EntryId,
            e.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            e.RecordedBy,
            Wire(e.Action),
            e.Requester,
            e.Provider ?? "",
            e.PersonId ?? "",
            string.Join(',', e.Items),
            e.Purpose,
            Wire(e.Outcome),
            e.Code ?? "",
            e.CorrelationId,
            e.RelatedEntryId ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)));
    }

    /// <summary>
    /// Verifies a chain read in seq order (LOG-005, LOG-006, LOG-021): consecutive seqs from 1, each prevHash the
    /// previous hash, each hash recomputed. Reports the first entry that breaks the chain.
    /// </summary>
    public static ChainVerification Verify(IEnumerable<AccessLogEntry> entries)
    {
        var prev = Genesis;
        long count = 0;
        foreach (var e in entries)
        {
            count++;
            if (e.Seq != count)
                return new ChainVerification { Valid = false, Entries = count, FirstBrokenSeq = count, Reason = $"entry {count} is missing" };
            if (e.PrevHash != prev)
                return new ChainVerification { Valid = false, Entries = count, FirstBrokenSeq = e.Seq, Reason = "prevHash does not match the previous entry" };
            if (Compute(e) != e.Hash)
                return new ChainVerification { Valid = false, Entries = count, FirstBrokenSeq = e.Seq, Reason = "the entry's content does not match its hash" };
            prev = e.Hash;
        }
        return new ChainVerification { Valid = true, Entries = count };
    }

    /// <summary>Truncates to the millisecond precision the chain commits to, so the stored time and the hashed time agree.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) =>
        new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static string Wire<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, Json.ProtocolJson.Options).Trim('"');
}

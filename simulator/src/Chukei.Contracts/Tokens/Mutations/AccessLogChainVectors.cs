using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// The hash-chain vectors (docs/test-vectors/access-log-chain.json): the worked example of docs/protocol.md §8.4, a
/// longer chain of the kinds of entries §8.2 and §8.3 produce, and tampered copies of it (<see cref="Tampers"/>).
/// Hashes come from <see cref="AccessLogHash.Compute"/>; the hash input text is written here again from the words of
/// LOG-005, so the tests can hold the two against each other.
/// </summary>
public static partial class AccessLogChainVectors
{
    public const string ChainName = "fixture-chain";
    public const string WorkedExampleName = "worked-example";

    /// <summary>A person the fixture's lookups resolve to; the other one is only reached by the routed inquiry.</summary>
    public const string PersonA = "PMZ4Q7KX2HD6TNBW3RJ5A";
    public const string PersonB = "PQ3VX7LT2M5KD4RA6NWYB";

    private const string LookupItem = "insurer-affiliation";

    /// <summary>Entries 1 and 2 of §8.4, member for member, with the document's party ids.</summary>
    public static IReadOnlyList<AccessLogEntry> WorkedExample { get; } = Link(
    [
        Draft("lg-000001", "2026-11-02T01:15:30.120Z", "relay", AccessAction.Lookup, "ltc-chiyoda", "kenpo-minato-denki", PersonA, [],
            Purposes.LtcMedicalCombined, AccessOutcome.Answered, null, "c-7f3a9e2b", null),
        Draft("lg-000002", "2026-11-02T01:15:31.480Z", "kenpo-minato-denki", AccessAction.Inquiry, "ltc-chiyoda", "kenpo-minato-denki", PersonA,
            [DataItems.Eligibility, DataItems.Benefits], Purposes.LtcMedicalCombined, AccessOutcome.Answered, null, "c-7f3a9e2b", "lg-000001"),
    ]);

    /// <summary>Seven entries among the fixture's parties: every action and outcome, a refusal, entries without personId.</summary>
    public static IReadOnlyList<AccessLogEntry> Chain { get; } = Link(
    [
        // LOG-003: the requester's lookup resolves the person to the target; a seal is issued.
        Draft("lg-000001", "2026-04-01T01:00:00.120Z", RelayId, AccessAction.Lookup, RequesterId, TargetId, PersonA, [LookupItem],
            Purposes.LtcMedicalCombined, AccessOutcome.Answered, null, "c-5e1f0a2b", null),
        // LOG-012: the target's report of its answer, tied to the lookup.
        Draft("lg-000002", "2026-04-01T01:00:01.480Z", TargetId, AccessAction.Inquiry, RequesterId, TargetId, PersonA, DefaultItems,
            Purposes.LtcMedicalCombined, AccessOutcome.Answered, null, "c-5e1f0a2b", "lg-000001"),
        // LOG-009: another insurer presented the same seal; the refusal is still tied to the lookup.
        Draft("lg-000003", "2026-04-01T01:00:02.005Z", TargetId, AccessAction.Inquiry, OtherInsurerId, TargetId, PersonA, [DataItems.Eligibility],
            Purposes.LtcMedicalCombined, AccessOutcome.Refused, "seal-requester-mismatch", "c-9b7d3e11", "lg-000001"),
        // LOG-003: a refused lookup that was never tied to a person.
        Draft("lg-000004", "2026-04-01T01:05:10.000Z", RelayId, AccessAction.Lookup, OtherInsurerId, null, null, [LookupItem],
            Purposes.LtcMedicalCombined, AccessOutcome.Refused, "subject-not-owned", "c-0c4419aa", null),
        Draft("lg-000005", "2026-04-01T01:07:42.300Z", RelayId, AccessAction.Lookup, RequesterId, null, null, [LookupItem],
            Purposes.LtcMedicalCombined, AccessOutcome.NotFound, null, "c-61d2b7f0", null),
        // LOG-004: a routed inquiry the relay forwarded to kenpo-c.
        Draft("lg-000006", "2026-04-01T01:09:03.999Z", RelayId, AccessAction.RoutedInquiry, RequesterId, OtherInsurerId, PersonB, [DataItems.Eligibility],
            Purposes.EligibilityCheck, AccessOutcome.Answered, null, "c-2a8e4c63", null),
        // LOG-008/LOG-009: the target could not open a seal, so it knows neither purpose, person nor lookup.
        Draft("lg-000007", "2026-04-01T01:10:00.000Z", TargetId, AccessAction.Inquiry, RequesterId, TargetId, null, DefaultItems,
            "unknown", AccessOutcome.Refused, "seal-decrypt-failed", "c-7b03f5d9", null),
    ]);

    /// <summary>
    /// The LOG-005 hash input: prevHash, seq, entryId, at, recordedBy, action, requester, provider, personId, items,
    /// purpose, outcome, code, correlationId, relatedEntryId, one per line, joined with "\n" and no trailing newline.
    /// </summary>
    public static string HashInput(AccessLogEntry e)
    {
        string[] lines =
        [
            e.PrevHash, e.Seq.ToString(CultureInfo.InvariantCulture), e.EntryId, Timestamp(e.At), e.RecordedBy, Enum(e.Action),
            e.Requester, e.Provider ?? "", e.PersonId ?? "", string.Join(',', e.Items), e.Purpose, Enum(e.Outcome),
            e.Code ?? "", e.CorrelationId, e.RelatedEntryId ?? "",
        ];
        return string.Join('\n', lines);
    }

    /// <summary>Sets seq from 1, prevHash from the genesis value, and each hash: a chain exactly as the relay appends it.</summary>
    public static IReadOnlyList<AccessLogEntry> Link(IEnumerable<AccessLogEntry> drafts)
    {
        var chain = new List<AccessLogEntry>();
        foreach (var d in drafts)
        {
            var linked = d with { Seq = chain.Count + 1, PrevHash = chain.Count == 0 ? AccessLogHash.Genesis : chain[^1].Hash };
            chain.Add(linked with { Hash = AccessLogHash.Compute(linked) });
        }
        return chain;
    }

    public static string Render()
    {
        var tampered = new JsonArray();
        foreach (var t in Tampers)
        {
            var expected = new JsonObject { ["valid"] = t.ExpectValid };
            if (t.FirstBrokenSeq is { } seq) expected["firstBrokenSeq"] = seq;
            tampered.Add(new JsonObject { ["name"] = t.Name, ["description"] = t.Description, ["entries"] = Entries(t.Apply(Chain)), ["expected"] = expected });
        }
        return TestVectorWriter.ToFileText(new JsonObject
        {
            ["protocol"] = ProtocolConstants.Version,
            ["genesis"] = AccessLogHash.Genesis,
            ["hashInput"] = "prevHash, seq, entryId, at (yyyy-MM-ddTHH:mm:ss.fffZ), recordedBy, action, requester, provider, personId, items joined with ',', " +
                "purpose, outcome, code, correlationId, relatedEntryId: one per line (empty when absent), joined with \\n, no trailing newline (LOG-005)",
            ["chains"] = new JsonArray(
                ChainNode(WorkedExampleName, "Entries 1 and 2 of the worked example of docs/protocol.md §8.4, with the document's party ids.", WorkedExample),
                ChainNode(ChainName, "A lookup, the target's answer and a refused presentation of the same seal, a refused and a not-found lookup without personId, a routed inquiry, and an unreadable seal.", Chain)),
            ["tampered"] = tampered,
        });
    }

    private static JsonObject ChainNode(string name, string description, IReadOnlyList<AccessLogEntry> entries) => new()
    {
        ["name"] = name,
        ["description"] = description,
        ["entries"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject { ["entry"] = Entry(e), ["hashInput"] = HashInput(e) })]),
    };

    private static JsonArray Entries(IEnumerable<AccessLogEntry> entries) => new([.. entries.Select(e => (JsonNode)Entry(e))]);

    /// <summary>The entry as the relay serves it, with <c>at</c> written in the hashed form so the two read alike.</summary>
    private static JsonObject Entry(AccessLogEntry e)
    {
        var node = JsonSerializer.SerializeToNode(e, ProtocolJson.Options)!.AsObject();
        node["at"] = Timestamp(e.At);
        return node;
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Enum<T>(T value) where T : struct, System.Enum => JsonSerializer.SerializeToNode(value, ProtocolJson.Options)!.GetValue<string>();

    private static AccessLogEntry Draft(string entryId, string at, string recordedBy, AccessAction action, string requester, string? provider,
        string? personId, IReadOnlyList<string> items, string purpose, AccessOutcome outcome, string? code, string correlationId, string? relatedEntryId) => new()
    {
        Seq = 0,
        EntryId = entryId,
        At = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        RecordedBy = recordedBy,
        Action = action,
        Requester = requester,
        Provider = provider,
        PersonId = personId,
        Items = items,
        Purpose = purpose,
        Outcome = outcome,
        Code = code,
        CorrelationId = correlationId,
        RelatedEntryId = relatedEntryId,
        PrevHash = "",
        Hash = "",
    };
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;

namespace Chukei.Contracts.Tests;

/// <summary>
/// The hash-chain vectors: the table against <see cref="AccessLogHash"/>, the hash input written from LOG-005's words
/// against the kit's hash, the worked example against docs/protocol.md, and the committed file against all of them.
/// </summary>
[TestFixture]
public sealed class AccessLogChainVectorTests
{
    private static readonly JsonNode Committed = JsonNode.Parse(TestVectorFiles.Committed.AccessLogChainJson)!;

    private static IEnumerable<TestCaseData> Tampers() => AccessLogChainVectors.Tampers.Select(t =>
        new TestCaseData(t).SetName($"Verify_Tampered_{t.Name}_{t.FirstBrokenSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "valid"}"));

    private static IEnumerable<TestCaseData> CommittedTampers() => Committed["tampered"]!.AsArray().Select(t =>
        new TestCaseData(t!).SetName($"Verify_CommittedTampered_{(string)t!["name"]!}"));

    [Test]
    public void Verify_IntactChains_AreValid()
    {
        // Act
        var example = AccessLogHash.Verify(AccessLogChainVectors.WorkedExample);
        var chain = AccessLogHash.Verify(AccessLogChainVectors.Chain);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(example, Is.EqualTo(new ChainVerification { Valid = true, Entries = 2 }));
            Assert.That(chain, Is.EqualTo(new ChainVerification { Valid = true, Entries = AccessLogChainVectors.Chain.Count }));
        });
    }

    [Test]
    public void HashInput_EveryEntry_HashesToTheKitsHash()
    {
        // Arrange
        var entries = AccessLogChainVectors.WorkedExample.Concat(AccessLogChainVectors.Chain).ToList();

        // Act
        var mismatches = entries.Where(e => Sha256(AccessLogChainVectors.HashInput(e)) != e.Hash).Select(e => e.EntryId);

        // Assert
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void WorkedExample_HashInputsAndHashes_AreThoseOfProtocolDocument()
    {
        // Arrange
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "protocol.md")).ReplaceLineEndings("\n");

        // Act: each §8.4 block is the hash input in a code fence, followed by its hash.
        var missing = AccessLogChainVectors.WorkedExample
            .Where(e => !document.Contains("```\n" + AccessLogChainVectors.HashInput(e) + "\n```\n→ `hash` = `" + e.Hash + "`", StringComparison.Ordinal))
            .Select(e => e.EntryId);

        // Assert
        Assert.That(missing, Is.Empty);
    }

    [TestCaseSource(nameof(Tampers))]
    public void Verify_TamperedCopy_BreaksAtExpectedSeq(AccessLogTamper tamper)
    {
        // Act
        var result = AccessLogHash.Verify(tamper.Apply(AccessLogChainVectors.Chain));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Valid, Is.EqualTo(tamper.ExpectValid), result.Reason);
            Assert.That(result.FirstBrokenSeq, Is.EqualTo(tamper.FirstBrokenSeq), result.Reason);
        });
    }

    [Test]
    public void Render_Regenerated_EqualsCommittedByteForByte()
    {
        // Act
        var fresh = AccessLogChainVectors.Render();

        // Assert
        Assert.That(fresh, Is.EqualTo(TestVectorFiles.Committed.AccessLogChainJson),
            "docs/test-vectors/access-log-chain.json is stale: run the tests with CHUKEI_WRITE_VECTORS=1 and commit the result");
    }

    [Test]
    public void CommittedChains_EveryEntry_MatchesItsHashInputAndVerifies()
    {
        // Arrange
        var chains = Committed["chains"]!.AsArray();

        // Act / Assert
        Assert.Multiple(() =>
        {
            foreach (var chain in chains)
            {
                var entries = chain!["entries"]!.AsArray();
                var parsed = entries.Select(e => Entry(e!["entry"]!)).ToList();
                foreach (var (node, entry) in entries.Zip(parsed))
                {
                    Assert.That(Sha256((string)node!["hashInput"]!), Is.EqualTo(entry.Hash), $"{chain["name"]} {entry.EntryId}: hashInput");
                    Assert.That(AccessLogHash.Compute(entry), Is.EqualTo(entry.Hash), $"{chain["name"]} {entry.EntryId}: hash");
                }
                Assert.That(AccessLogHash.Verify(parsed).Valid, Is.True, (string?)chain["name"]);
            }
        });
    }

    [TestCaseSource(nameof(CommittedTampers))]
    public void Verify_CommittedTamperedCopy_GivesExpectedVerification(JsonNode tampered)
    {
        // Arrange
        var entries = tampered["entries"]!.AsArray().Select(e => Entry(e!)).ToList();
        var expected = tampered["expected"]!;

        // Act
        var result = AccessLogHash.Verify(entries);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Valid, Is.EqualTo((bool)expected["valid"]!), result.Reason);
            Assert.That(result.FirstBrokenSeq, Is.EqualTo((long?)expected["firstBrokenSeq"]), result.Reason);
        });
    }

    private static AccessLogEntry Entry(JsonNode node) => ProtocolJson.Deserialize<AccessLogEntry>(Encoding.UTF8.GetBytes(node.ToJsonString()), "entry");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

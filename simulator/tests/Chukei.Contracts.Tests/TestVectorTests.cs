using System.Text.Json.Nodes;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Contracts.Tests;

[TestFixture]
public sealed class TestVectorTests
{
    private static TestVectorFiles Files => TestVectorFiles.Committed;

    private static IEnumerable<TestCaseData> CommittedVectors() => Files.Vectors.Select(v =>
        KnownBugs.Apply(new TestCaseData(v).SetName($"Verify_Vector_{v.Name}_{v.Verdict}"), v.Name));

    [TestCaseSource(nameof(CommittedVectors))]
    public void Verify_CommittedVector_GivesExpectedVerdict(VectorCase vector)
    {
        // Arrange
        var now = DateTimeOffset.FromUnixTimeSeconds(vector.Now);

        // Act
        var verdicts = SealCaseRunner.Present(vector.Token, [.. vector.PresentedBefore, vector.Caller], now, (time, replay, caller) => new SealVerificationContext
        {
            SelfId = Files.Target,
            OwnKeys = Files.TargetKeys,
            Directory = Files.Directory,
            ReplayCache = replay,
            Time = time,
            CallerId = caller,
            RequestedItems = vector.Items,
        });

        // Assert
        var last = verdicts[^1];
        Assert.Multiple(() =>
        {
            Assert.That(verdicts.Take(verdicts.Count - 1).Select(SealCaseRunner.Verdict), Is.All.EqualTo("accept"));
            Assert.That(SealCaseRunner.Verdict(last), Is.EqualTo(vector.Verdict), last.Detail);
            if (vector.Claims is not null)
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse(ProtocolJson.Serialize(last.Claims)), vector.Claims), Is.True, "claims");
            else
                Assert.That(vector.Requirement, Is.EqualTo(ProblemCodes.Find(vector.Verdict)?.RequirementId));
        });
    }

    [Test]
    public void Render_Regenerated_SameVectorsAsCommittedExceptTokens()
    {
        // Arrange
        var fresh = JsonNode.Parse(TestVectorWriter.Vectors(new SealFixture(), SealMutations.All))!;

        // Act
        var regenerated = fresh["vectors"]!.AsArray().Select(v => VectorCase.From(v!).Signature);

        // Assert: same names, contexts and verdicts; token bytes differ because ECDSA and ECDH-ES are randomized.
        Assert.That(regenerated, Is.EqualTo(Files.Vectors.Select(v => v.Signature)),
            "docs/test-vectors is stale: run the tests with CHUKEI_WRITE_VECTORS=1 and commit the result");
    }

    [Test]
    public void Render_Regenerated_KeysAndDirectoryByteForByte()
    {
        // Arrange
        var fixture = new SealFixture();

        // Act
        var keys = TestVectorWriter.Keys(fixture);
        var directory = TestVectorWriter.Directory(fixture);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.EqualTo(Files.KeysJson), TestVectorWriter.KeysFile);
            Assert.That(directory, Is.EqualTo(Files.DirectoryJson), TestVectorWriter.DirectoryFile);
        });
    }

    [Test]
    public void SignedDirectory_Committed_VerifiesUnderRelayKeyAndEqualsDirectoryJson()
    {
        // Arrange
        var time = new FakeTimeProvider(SealFixture.DefaultNow);
        var verifier = new EnvelopeVerifier(Files.Target, Files.Directory, new MemoryReplayCache(time), time);

        // Act
        var payload = verifier.VerifyPayload(Files.SignedDirectory, ProtocolConstants.DirectoryType, SealFixture.RelayId);

        // Assert
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(payload), JsonNode.Parse(Files.DirectoryJson)), Is.True);
    }

    [Test]
    public void Keys_Committed_PublicHalvesAndStatusesMatchDirectory()
    {
        // Arrange
        var keys = JsonNode.Parse(Files.KeysJson)!["keys"]!.AsArray();

        // Act
        var mismatches = keys.Where(k => (string)k!["owner"]! != SealFixture.AttackerId).Where(k =>
        {
            var published = Files.Directory.FindKey((string)k!["kid"]!);
            return published is not { } p || p.Party.Id != (string)k["owner"]! || p.Key.X != (string)k["jwk"]!["x"]!
                || p.Key.Y != (string)k["jwk"]!["y"]! || !string.Equals(p.Key.Status.ToString(), (string)k["status"]!, StringComparison.OrdinalIgnoreCase);
        }).Select(k => (string)k!["kid"]!);

        // Assert
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Write_WhenRequested_RewritesVectorFiles()
    {
        // Arrange: rewriting is opt-in, so a normal run never changes committed files.
        if (Environment.GetEnvironmentVariable("CHUKEI_WRITE_VECTORS") != "1")
            Assert.Ignore("set CHUKEI_WRITE_VECTORS=1 to rewrite docs/test-vectors");

        // Act
        TestVectorWriter.Write(RepositoryRoot.TestVectors, new SealFixture(), SealMutations.All);

        // Assert
        Assert.That(File.Exists(Path.Combine(RepositoryRoot.TestVectors, TestVectorWriter.VectorsFile)), Is.True);
    }
}

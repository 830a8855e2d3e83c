using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Microsoft.Extensions.Time.Testing;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Contracts.Tests;

/// <summary>
/// <see cref="EnvelopeSigner"/> and <see cref="EnvelopeVerifier"/> together, on a clock that moves. The hand-crafted
/// attack and boundary envelopes are rows of <see cref="EnvelopeMutations"/>, run by <see cref="EnvelopeMutationTests"/>.
/// </summary>
[TestFixture]
public sealed class EnvelopeVerifierTests
{
    private const string Post = EnvelopeMutations.Post;
    private const string Path = EnvelopeMutations.InquiryPath;

    private static readonly SealFixture Fixture = new();

    private FakeTimeProvider _time = null!;
    private EnvelopeVerifier _verifier = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(Fixture.Now);
        _verifier = new EnvelopeVerifier(TargetId, Fixture.Directory, new MemoryReplayCache(_time), _time);
    }

    [Test]
    public void VerifyRequest_ValidRequest_ReturnsSenderAndClaims()
    {
        // Arrange
        var (token, id) = Signer(_time).SignRequest(TargetId, Post, Path, new { correlationId = "c-1" });

        // Act
        var envelope = _verifier.VerifyRequest(token, Post, Path);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(envelope.Sender.Id, Is.EqualTo(RequesterId));
            Assert.That(envelope.Claims.Id, Is.EqualTo(id));
            Assert.That(envelope.Claims.Body.GetProperty("correlationId").GetString(), Is.EqualTo("c-1"));
        });
    }

    [Test]
    public void VerifyRequest_PastLifetimeAndSkew_AuthExpired()
    {
        // Arrange
        var (token, _) = Signer(_time).SignRequest(TargetId, Post, Path, new { });
        _time.Advance(ProtocolConstants.MaxEnvelopeLifetime + ProtocolConstants.ClockSkew);

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthExpired);
    }

    [Test]
    public void VerifyRequest_SenderClockAheadBeyondSkew_AuthNotYetValid()
    {
        // Arrange
        var ahead = new FakeTimeProvider(Fixture.Now + ProtocolConstants.ClockSkew + TimeSpan.FromSeconds(1));
        var (token, _) = Signer(ahead).SignRequest(TargetId, Post, Path, new { });

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthNotYetValid);
    }

    [Test]
    public void VerifyRequest_SameJtiTwice_AuthReplayed()
    {
        // Arrange
        var (token, _) = Signer(_time).SignRequest(TargetId, Post, Path, new { });
        _verifier.VerifyRequest(token, Post, Path);

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthReplayed);
    }

    [Test]
    public void VerifyResponse_SignedByTarget_AnswersTheRequest()
    {
        // Arrange: the requester checks the target's answer to its own request.
        var (_, requestId) = Signer(_time).SignRequest(TargetId, Post, Path, new { });
        var response = new EnvelopeSigner(TargetId, Fixture.KeySet(TargetId), _time).SignResponse(RequesterId, requestId, new { status = "valid" });
        var requester = new EnvelopeVerifier(RequesterId, Fixture.Directory, new MemoryReplayCache(_time), _time);

        // Act
        var envelope = requester.VerifyResponse(response, TargetId, requestId);

        // Assert
        Assert.That(envelope.Claims.InResponseTo, Is.EqualTo(requestId));
    }

    private static EnvelopeSigner Signer(TimeProvider time) => new(RequesterId, Fixture.KeySet(RequesterId), time);

    private static void AssertRefused(Action verify, ProblemCode expected)
    {
        var ex = Assert.Throws<ProtocolException>(verify);
        Assert.That(ex!.Code, Is.EqualTo(expected), ex.Detail);
    }
}

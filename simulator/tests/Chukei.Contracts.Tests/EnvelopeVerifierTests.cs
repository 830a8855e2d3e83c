using System.Security.Cryptography;
using System.Text.Json;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Microsoft.Extensions.Time.Testing;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Contracts.Tests;

[TestFixture]
public sealed class EnvelopeVerifierTests
{
    private const string Post = "POST";
    private const string Path = "/v1/inquiries";

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
    public void VerifyRequest_AddressedToAnotherParty_AuthAudience()
    {
        // Arrange
        var (token, _) = Signer(_time).SignRequest(OtherInsurerId, Post, Path, new { });

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthAudience);
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
    public void VerifyRequest_ReceivedAtAnotherPath_AuthTargetMismatch()
    {
        // Arrange
        var (token, _) = Signer(_time).SignRequest(TargetId, Post, Path, new { });

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, "/v1/enrolments"), ProblemCodes.AuthTargetMismatch);
    }

    [Test]
    public void VerifyRequest_KidInNoDirectory_AuthKeyUnknown()
    {
        // Arrange
        var token = Craft(Header(kid: AttackerKid), Claims(), Fixture.Signer(AttackerKid));

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthKeyUnknown);
    }

    [Test]
    public void VerifyRequest_SignedByRevokedKey_AuthKeyRevoked()
    {
        // Arrange
        var token = Craft(Header(kid: RelayRevokedKid), Claims(issuer: RelayId), Fixture.Signer(RelayRevokedKid));

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthKeyRevoked);
    }

    [Test]
    public void VerifyRequest_AlgNone_AuthAlgorithm()
    {
        // Arrange
        var token = JwsCrafter.WithSignature(Header(alg: "none"), Claims(), []);

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthAlgorithm);
    }

    [Test]
    public void VerifyRequest_SealTypeInsteadOfRequestType_AuthAlgorithm()
    {
        // Arrange
        var token = Craft(Header(typ: ProtocolConstants.SealType), Claims(), Fixture.Signer(RequesterSigningKid));

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthAlgorithm);
    }

    [Test]
    public void VerifyRequest_EmbeddedJwkHeader_AuthAlgorithm()
    {
        // Arrange
        var jwk = JweAssembler.Epk(Fixture.Key(AttackerKid).Parameters, ProtocolConstants.Curve);
        var token = Craft(Header(extra: ("jwk", jwk)), Claims(), Fixture.Signer(AttackerKid));

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthAlgorithm);
    }

    [Test]
    public void VerifyRequest_AttackerKeyUnderRequesterKid_AuthSignatureInvalid()
    {
        // Arrange
        var token = Craft(Header(), Claims(), Fixture.Signer(AttackerKid));

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthSignatureInvalid);
    }

    [Test]
    public void VerifyRequest_IssNotTheKeyOwner_AuthIssuerMismatch()
    {
        // Arrange: the requester signs with its own key but claims to be the other insurer.
        var token = Craft(Header(), Claims(issuer: OtherInsurerId), Fixture.Signer(RequesterSigningKid));

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthIssuerMismatch);
    }

    [Test]
    public void VerifyRequest_HeaderOfImpossibleBase64UrlLength_AuthMalformed()
    {
        // Arrange: a 4k+1-character part is not base64url at all.
        var (token, _) = Signer(_time).SignRequest(TargetId, Post, Path, new { });
        var parts = token.Split('.');
        var header = parts[0];
        while (header.Length % 4 != 1) header += "A";

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(string.Join('.', header, parts[1], parts[2]), Post, Path), ProblemCodes.AuthMalformed);
    }

    [Test]
    public void VerifyRequest_SignedClaimsTruncatedJson_AuthMalformed()
    {
        // Arrange
        var token = Craft(Header(), "{\"iss\":", Fixture.Signer(RequesterSigningKid));

        // Act / Assert
        AssertRefused(() => _verifier.VerifyRequest(token, Post, Path), ProblemCodes.AuthMalformed);
    }

    private static EnvelopeSigner Signer(TimeProvider time) => new(RequesterId, Fixture.KeySet(RequesterId), time);

    private static string Header(string alg = ProtocolConstants.SignatureAlgorithm, string typ = ProtocolConstants.RequestType,
        string kid = RequesterSigningKid, params (string Name, object? Value)[] extra) => JwsCrafter.SealHeader(alg, typ, kid, extra);

    private static string Claims(string issuer = RequesterId) => ProtocolJson.Serialize(new EnvelopeClaims
    {
        Issuer = issuer,
        Audience = TargetId,
        IssuedAt = Fixture.NowSeconds,
        Expires = Fixture.NowSeconds + 60,
        Id = EnvelopeSigner.NewId(),
        Method = Post,
        Path = Path,
        Body = JsonSerializer.SerializeToElement(new { }),
    });

    private static string Craft(string header, string claims, ECDsa key) => JwsCrafter.Ecdsa(header, claims, key);

    private static void AssertRefused(Action verify, ProblemCode expected)
    {
        var ex = Assert.Throws<ProtocolException>(verify);
        Assert.That(ex!.Code, Is.EqualTo(expected), ex.Detail);
    }
}

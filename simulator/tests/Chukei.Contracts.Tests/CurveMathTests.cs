using System.Security.Cryptography;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

[TestFixture]
public sealed class CurveMathTests
{
    private static readonly SealFixture Fixture = new();

    [Test]
    public void Multiply_BasePointByPrivateKey_GivesThePublicKey()
    {
        // Arrange
        var key = Fixture.Key(SealFixture.TargetEncryptionKid).Parameters;

        // Act
        var q = CurveMath.Multiply(CurveMath.FromBytes(key.D), CurveMath.G)!.Value;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(CurveMath.ToBytes(q.X), Is.EqualTo(key.Q.X));
            Assert.That(CurveMath.ToBytes(q.Y), Is.EqualTo(key.Q.Y));
            Assert.That(CurveMath.IsOnCurve(q), Is.True);
        });
    }

    [Test]
    public void Multiply_PeerPointByPrivateKey_MatchesPlatformEcdh()
    {
        // Arrange
        var own = Fixture.Key(SealFixture.TargetEncryptionKid);
        var peer = Fixture.Key(SealFixture.OtherEncryptionKid).Parameters.Q;
        using var ownKey = own.ToECDiffieHellman();
        using var peerKey = Fixture.Key(SealFixture.OtherEncryptionKid).ToECDiffieHellman();

        // Act
        var shared = CurveMath.Multiply(CurveMath.FromBytes(own.Parameters.D), (CurveMath.FromBytes(peer.X), CurveMath.FromBytes(peer.Y)))!.Value;

        // Assert
        Assert.That(CurveMath.ToBytes(shared.X), Is.EqualTo(ownKey.DeriveRawSecretAgreement(peerKey.PublicKey)));
    }

    [Test]
    public void IsOnCurve_PointWithYPlusOne_IsFalse()
    {
        // Arrange
        var q = Fixture.Key(SealFixture.TargetEncryptionKid).Parameters.Q;

        // Act
        var onCurve = CurveMath.IsOnCurve((CurveMath.FromBytes(q.X), CurveMath.FromBytes(q.Y) + 1));

        // Assert
        Assert.That(onCurve, Is.False);
    }

    [Test]
    public void ConcatKdf_KnownSecret_MatchesRfc7518Layout()
    {
        // Arrange: the same bytes written out by hand (RFC 7518 §4.6.2, no apu/apv, keydatalen 256).
        var z = new byte[32];
        byte[] input = [0, 0, 0, 1, .. z, 0, 0, 0, 14, .. "ECDH-ES+A256KW"u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];

        // Act
        var kek = JweAssembler.ConcatKdf(z);

        // Assert
        Assert.That(kek, Is.EqualTo(SHA256.HashData(input)));
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

/// <summary>The attack vectors that only a flawed decryptor would open really do open under that flaw.</summary>
[TestFixture]
public sealed class ArmedVectorTests
{
    private static readonly SealFixture Fixture = new();

    [Test]
    public void EpkInvalidCurve_DecryptedWithoutCurveCheck_OpensTheSeal()
    {
        // Arrange
        var built = SealMutations.Find("epk-invalid-curve").Build(Fixture);
        var (x, y) = Epk(built.Token);
        var d = CurveMath.FromBytes(Fixture.Key(SealFixture.TargetEncryptionKid).Parameters.D);

        // Act: what a decryptor computes when it multiplies without checking the point is on P-256.
        var z = CurveMath.Multiply(d, (CurveMath.FromBytes(x), CurveMath.FromBytes(y)))!.Value.X;
        var inner = LenientDecryptor.Decrypt(built.Token, CurveMath.ToBytes(z));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(CurveMath.IsOnCurve((CurveMath.FromBytes(x), CurveMath.FromBytes(y))), Is.False);
            Assert.That(inner.Split('.'), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public void TruncatedTag_DecryptedAcceptingShortTags_OpensTheSeal()
    {
        // Arrange
        var built = SealMutations.Find("truncated-tag").Build(Fixture);
        var (x, y) = Epk(built.Token);
        using var epk = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        using var own = Fixture.Key(SealFixture.TargetEncryptionKid).ToECDiffieHellman();

        // Act
        var inner = LenientDecryptor.Decrypt(built.Token, own.DeriveRawSecretAgreement(epk.PublicKey));

        // Assert
        Assert.That(inner.Split('.'), Has.Length.EqualTo(3));
    }

    private static (byte[] X, byte[] Y) Epk(string token)
    {
        var epk = JsonNode.Parse(TokenSurgery.HeaderJson(token))!["epk"]!;
        return (Jose.Base64Url.Decode((string)epk["x"]!), Jose.Base64Url.Decode((string)epk["y"]!));
    }
}

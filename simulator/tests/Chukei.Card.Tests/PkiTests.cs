using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chukei.Card.Pki;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Card.Tests;

public sealed class PkiTests
{
    [TestCase(CertificateProfile.Valid, true, TestName = "IssueCard_Valid_CoversNow")]
    [TestCase(CertificateProfile.ExpiredWithinGrace, false, TestName = "IssueCard_ExpiredWithinGrace_ExpiredLessThanThreeMonthsAgo")]
    [TestCase(CertificateProfile.Expired, false, TestName = "IssueCard_Expired_ExpiredMoreThanThreeMonthsAgo")]
    [TestCase(CertificateProfile.NotYetValid, false, TestName = "IssueCard_NotYetValid_StartsInFuture")]
    public void IssueCard_Profile_ValidityFollowsKitClock(CertificateProfile profile, bool coversNow)
    {
        // Arrange
        using var credentials = TestCards.Ca.IssueCard("テスト 太郎", profile);

        // Act
        using var certificate = X509CertificateLoader.LoadCertificate(credentials.AuthCertificate.Span);

        // Assert
        var now = TestCards.Now;
        Assert.That(certificate.NotBefore <= now && now <= certificate.NotAfter, Is.EqualTo(coversNow));
        Assert.That(certificate.GetRSAPublicKey()!.KeySize, Is.EqualTo(2048));
        switch (profile)
        {
            case CertificateProfile.ExpiredWithinGrace:
                Assert.That(now - (DateTimeOffset)certificate.NotAfter, Is.LessThan(TimeSpan.FromDays(90)));
                break;
            case CertificateProfile.Expired:
                Assert.That(now - (DateTimeOffset)certificate.NotAfter, Is.GreaterThan(TimeSpan.FromDays(92)));
                break;
            case CertificateProfile.NotYetValid:
                Assert.That((DateTimeOffset)certificate.NotBefore, Is.GreaterThan(now));
                break;
        }
    }

    [Test]
    public void IssueCard_SigningCertificate_NamesHolderAndIsIssuedByKitCa()
    {
        // Arrange
        using var ca = X509CertificateLoader.LoadCertificate(TestCards.Ca.CertificateDer.Span);

        // Act
        using var signing = X509CertificateLoader.LoadCertificate(TestCards.Credentials.SigningCertificate.Span);

        // Assert
        Assert.That(signing.GetNameInfo(X509NameType.SimpleName, false), Is.EqualTo("山田 花子"));
        Assert.That(signing.IssuerName.RawData, Is.EqualTo(ca.SubjectName.RawData));
    }

    [Test]
    public void IssueCard_SameSeedKeysAndClock_GivesByteIdenticalCertificates()
    {
        // Arrange: RSA key generation cannot be seeded, so both runs get copies of the same keys.
        using var caKey = RSA.Create(2048);
        using var authKey = RSA.Create(2048);
        using var signingKey = RSA.Create(2048);

        // Act
        var first = IssueWithSeed(caKey, authKey, signingKey, seed: 42);
        var second = IssueWithSeed(caKey, authKey, signingKey, seed: 42);
        var otherSeed = IssueWithSeed(caKey, authKey, signingKey, seed: 43);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(second.Ca, Is.EqualTo(first.Ca));
            Assert.That(second.Auth, Is.EqualTo(first.Auth));
            Assert.That(second.Signing, Is.EqualTo(first.Signing));
            Assert.That(SerialOf(otherSeed.Auth), Is.Not.EqualTo(SerialOf(first.Auth)), "the seed, not a constant, decides the serial");
            Assert.That(SerialOf(first.Signing), Is.Not.EqualTo(SerialOf(first.Auth)), "serials are unique per CA");
        });
    }

    [Test]
    public void IssueCard_WithoutSeed_SerialsDifferBetweenCards()
    {
        // Act
        using var first = TestCards.Ca.IssueCard("テスト 一郎");
        using var second = TestCards.Ca.IssueCard("テスト 一郎");

        // Assert
        Assert.That(SerialOf(second.AuthCertificate.ToArray()), Is.Not.EqualTo(SerialOf(first.AuthCertificate.ToArray())));
    }

    private static (byte[] Ca, byte[] Auth, byte[] Signing) IssueWithSeed(RSA caKey, RSA authKey, RSA signingKey, int seed)
    {
        using var ca = KitCertificateAuthority.Create(new FakeTimeProvider(TestCards.Now), KitCertificateAuthority.DefaultCommonName, caKey, seed);
        using var credentials = ca.IssueCard("見本 太郎", CertificateProfile.Valid, Copy(authKey), Copy(signingKey));
        return (ca.CertificateDer.ToArray(), credentials.AuthCertificate.ToArray(), credentials.SigningCertificate.ToArray());
    }

    private static RSA Copy(RSA key)
    {
        var copy = RSA.Create();
        copy.ImportParameters(key.ExportParameters(includePrivateParameters: true));
        return copy;
    }

    private static string SerialOf(byte[] der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return certificate.SerialNumber;
    }
}

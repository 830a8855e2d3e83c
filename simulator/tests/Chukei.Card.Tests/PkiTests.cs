using System.Security.Cryptography.X509Certificates;
using Chukei.Card.Pki;

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
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class ClinicSequenceTests
{
    [Test]
    public void Sign_ClinicSequenceOfAnchors35_SignatureVerifiesWithAuthCertificate()
    {
        // Arrange
        var card = TestCards.Create();
        byte[] challenge = RandomNumberGenerator.GetBytes(32);
        byte[] digestInfo = Apdus.Sha256DigestInfo(SHA256.HashData(challenge));

        // Act
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));
        byte[] certificateDer = card.ReadWholeFile();
        card.SendOk(Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));
        byte[] response = card.Transmit(Apdus.Sign(digestInfo));

        // Assert
        Assert.That(Apdus.Sw(response), Is.EqualTo(StatusWords.Success));
        byte[] signature = Apdus.Data(response);
        Assert.That(signature, Has.Length.EqualTo(256));
        using var certificate = X509CertificateLoader.LoadCertificate(certificateDer);
        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.That(publicKey.VerifyData(challenge, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void ReadBinary_AuthCertificateInChunks_ParsesAndChainsToKitCa()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));

        // Act
        byte[] der = card.ReadWholeFile();

        // Assert
        Assert.That(der, Has.Length.GreaterThan(256), "the read must really be chunked");
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        using var ca = X509CertificateLoader.LoadCertificate(TestCards.Ca.CertificateDer.Span);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = TestCards.Now.UtcDateTime;
        Assert.That(chain.Build(certificate), Is.True, string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Test]
    public void ReadBinary_Token_IsJpkiTokenSpacePaddedTo32()
    {
        // Arrange
        var card = TestCards.Create();
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0006));

        // Act
        byte[] response = card.Transmit(Apdus.ReadBinary(0, 32));

        // Assert
        Assert.That(System.Text.Encoding.ASCII.GetString(Apdus.Data(response)), Is.EqualTo("JPKIAPICCTOKEN2".PadRight(32)));
    }

    [Test]
    public void Sign_SigningKeyAfterPassword_SignatureVerifiesWithSigningCertificate()
    {
        // Arrange
        var card = TestCards.Create();
        byte[] hash = SHA256.HashData("契約書"u8);
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x001B), Apdus.Verify("ABC123"), Apdus.SelectFile(0x0001));
        byte[] certificateDer = card.ReadWholeFile();
        card.SendOk(Apdus.SelectFile(0x001A));

        // Act
        byte[] response = card.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(hash)));

        // Assert
        using var certificate = X509CertificateLoader.LoadCertificate(certificateDer);
        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.That(publicKey.VerifyHash(hash, Apdus.Data(response), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }
}

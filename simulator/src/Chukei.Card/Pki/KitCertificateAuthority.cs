using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chukei.Card.Pki;

/// <summary>
/// The kit's own JPKI-like CA: issues each card's RSA-2048 keys and X.509 certificates at run time,
/// with validity taken from the kit clock so scenarios on a virtual clock get the profile they ask for.
/// </summary>
public sealed class KitCertificateAuthority : IDisposable
{
    private const int KeySize = 2048;
    private static readonly TimeSpan CaHalfLife = TimeSpan.FromDays(3650);
    private static readonly TimeSpan CardLifetime = TimeSpan.FromDays(5 * 365);

    private readonly X509Certificate2 _certificate;
    private readonly TimeProvider _time;

    private KitCertificateAuthority(X509Certificate2 certificate, TimeProvider time)
    {
        _certificate = certificate;
        _time = time;
    }

    /// <summary>The CA certificate (DER), what the card stores in EF 000B and 0002 and what verifiers trust.</summary>
    public ReadOnlyMemory<byte> CertificateDer => _certificate.RawData;

    public static KitCertificateAuthority Create(TimeProvider time, string commonName = "Chukei Kit JPKI Test CA")
    {
        ArgumentNullException.ThrowIfNull(time);
        using var key = RSA.Create(KeySize);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("JP");
        name.AddOrganizationName("Chukei conformance kit");
        name.AddCommonName(commonName);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        // Wide enough to contain every card profile, including expired and not-yet-valid ones.
        return new KitCertificateAuthority(request.CreateSelfSigned(now - CaHalfLife, now + CaHalfLife), time);
    }

    /// <summary>Issues an authentication and a signing key pair with certificates in the given validity profile.</summary>
    public CardCredentials IssueCard(string holderName, CertificateProfile profile = CertificateProfile.Valid)
    {
        var (notBefore, notAfter) = Validity(profile);
        var authKey = RSA.Create(KeySize);
        var signingKey = RSA.Create(KeySize);
        // The authentication certificate carries no personal data (利用者証明用); the signing certificate names the holder.
        byte[] authCertificate = Issue(authKey, $"Chukei card {Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}",
            X509KeyUsageFlags.DigitalSignature, notBefore, notAfter);
        byte[] signingCertificate = Issue(signingKey, holderName,
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, notBefore, notAfter);
        byte[] ca = _certificate.RawData;
        return new CardCredentials(authKey, authCertificate, ca, signingKey, signingCertificate, ca);
    }

    public void Dispose() => _certificate.Dispose();

    private (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity(CertificateProfile profile)
    {
        var now = _time.GetUtcNow();
        return profile switch
        {
            CertificateProfile.Valid => (now - TimeSpan.FromDays(1), now + CardLifetime),
            CertificateProfile.ExpiredWithinGrace => (now - CardLifetime, now - TimeSpan.FromDays(30)),
            CertificateProfile.Expired => (now - CardLifetime, now - TimeSpan.FromDays(120)),
            CertificateProfile.NotYetValid => (now + TimeSpan.FromDays(30), now + CardLifetime),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown certificate profile."),
        };
    }

    private byte[] Issue(RSA key, string commonName, X509KeyUsageFlags usage, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("JP");
        name.AddCommonName(commonName);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive INTEGER
        using var certificate = request.Create(_certificate, notBefore, notAfter, serial);
        return certificate.RawData;
    }
}

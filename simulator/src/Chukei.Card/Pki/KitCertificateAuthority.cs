using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Chukei.Card.Pki;

/// <summary>
/// The kit's own JPKI-like CA: issues each card's RSA-2048 keys and X.509 certificates at run time,
/// with validity taken from the kit clock so scenarios on a virtual clock get the profile they ask for.
/// </summary>
/// <remarks>
/// With a serial seed, serial numbers and the authentication certificate's card number come from the seed and the
/// issue order instead of the random generator. RSA signatures with PKCS#1 v1.5 are deterministic, so the same CA key,
/// card keys, clock and seed then give byte-identical certificates on every run.
/// </remarks>
public sealed class KitCertificateAuthority : IDisposable
{
    public const string DefaultCommonName = "Chukei Kit JPKI Test CA";

    private const int KeySize = 2048;
    private const int SerialLength = 16;
    private static readonly TimeSpan CaHalfLife = TimeSpan.FromDays(3650);
    private static readonly TimeSpan CardLifetime = TimeSpan.FromDays(5 * 365);

    private readonly X509Certificate2 _certificate;
    private readonly TimeProvider _time;
    private readonly int? _serialSeed;
    private int _issued;

    private KitCertificateAuthority(X509Certificate2 certificate, TimeProvider time, int? serialSeed, int issued)
    {
        _certificate = certificate;
        _time = time;
        _serialSeed = serialSeed;
        _issued = issued;
    }

    /// <summary>The CA certificate (DER), what the card stores in EF 000B and 0002 and what verifiers trust.</summary>
    public ReadOnlyMemory<byte> CertificateDer => _certificate.RawData;

    /// <summary>Creates a CA with a fresh key and random serial numbers.</summary>
    public static KitCertificateAuthority Create(TimeProvider time, string commonName = DefaultCommonName) =>
        Create(time, commonName, caKey: null, serialSeed: null);

    /// <summary>
    /// Creates a CA. <paramref name="caKey"/> (copied; the caller keeps ownership) replaces the fresh key;
    /// <paramref name="serialSeed"/> makes every serial number, the CA's own included, a function of the seed and the issue order.
    /// </summary>
    public static KitCertificateAuthority Create(TimeProvider time, string commonName, RSA? caKey, int? serialSeed)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        using var freshKey = caKey is null ? RSA.Create(KeySize) : null;
        var key = caKey ?? freshKey!;
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("JP");
        name.AddOrganizationName("Chukei conformance kit");
        name.AddCommonName(commonName);
        var subject = name.Build();
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        // Self-signed through the explicit-serial overload, which CreateSelfSigned does not offer.
        // Wide enough to contain every card profile, including expired and not-yet-valid ones.
        using var unkeyed = request.Create(subject, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1),
            now - CaHalfLife, now + CaHalfLife, Serial(serialSeed, 0, "ca"));
        return new KitCertificateAuthority(unkeyed.CopyWithPrivateKey(key), time, serialSeed, issued: 1);
    }

    /// <summary>Issues an authentication and a signing key pair with certificates in the given validity profile.</summary>
    public CardCredentials IssueCard(string holderName, CertificateProfile profile = CertificateProfile.Valid) =>
        IssueCard(holderName, profile, RSA.Create(KeySize), RSA.Create(KeySize));

    /// <summary>Issues certificates for the given keys; the returned credentials own (and dispose) them.</summary>
    public CardCredentials IssueCard(string holderName, CertificateProfile profile, RSA authKey, RSA signingKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderName);
        ArgumentNullException.ThrowIfNull(authKey);
        ArgumentNullException.ThrowIfNull(signingKey);
        var (notBefore, notAfter) = Validity(profile);
        byte[] authSerial = NextSerial("auth");
        // The authentication certificate carries no personal data (利用者証明用), only a card number; the signing
        // certificate names the holder.
        byte[] authCertificate = Issue(authKey, $"Chukei card {Convert.ToHexString(authSerial, 8, 8)}",
            X509KeyUsageFlags.DigitalSignature, notBefore, notAfter, authSerial);
        byte[] signingCertificate = Issue(signingKey, holderName,
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, notBefore, notAfter, NextSerial("sign"));
        byte[] ca = _certificate.RawData;
        return new CardCredentials(authKey, authCertificate, ca, signingKey, signingCertificate, ca);
    }

    /// <summary>
    /// An authentication certificate with an explicit serial number and validity, for a verifier provisioned in advance
    /// with (issuer, serial) pairs (CLN-025) that must be shown certificates in every validity profile at run time.
    /// </summary>
    public byte[] IssueAuthenticationCertificate(RSA authKey, byte[] serial, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(authKey);
        ArgumentNullException.ThrowIfNull(serial);
        return Issue(authKey, $"Chukei card {Convert.ToHexString(serial, 0, Math.Min(8, serial.Length))}",
            X509KeyUsageFlags.DigitalSignature, notBefore, notAfter, serial);
    }

    public void Dispose() => _certificate.Dispose();

    /// <summary>
    /// A positive 16-byte serial (RFC 5280 §4.1.2.2 allows up to 20): random without a seed, otherwise the first bytes of
    /// SHA-256 over the seed, the issue number and what the certificate is for.
    /// </summary>
    private static byte[] Serial(int? seed, int issueNumber, string purpose)
    {
        byte[] serial = seed is { } value
            ? SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"chukei-kit-ca/{value}/{issueNumber}/{purpose}")))[..SerialLength]
            : RandomNumberGenerator.GetBytes(SerialLength);
        // Top bit clear keeps the INTEGER positive; the next bit set keeps the first byte non-zero, so DER stays minimal.
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }

    private byte[] NextSerial(string purpose) => Serial(_serialSeed, Interlocked.Increment(ref _issued), purpose);

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

    private byte[] Issue(RSA key, string commonName, X509KeyUsageFlags usage, DateTimeOffset notBefore, DateTimeOffset notAfter, byte[] serial)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("JP");
        name.AddCommonName(commonName);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        using var certificate = request.Create(_certificate, notBefore, notAfter, serial);
        return certificate.RawData;
    }
}

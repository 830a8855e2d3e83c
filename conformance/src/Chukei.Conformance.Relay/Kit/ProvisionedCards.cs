using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Chukei.Card.Pki;
using Chukei.Contracts.Cards;

namespace Chukei.Conformance.Relay.Kit;

/// <summary>
/// The cards of a provisioned person, as the relay under test is told of them out of band (CLN-025): by the issuer and
/// serial number of the authentication certificate. <see cref="RevokedSerialNumber"/> is registered to the person too
/// and is on the relay's revocation list.
/// </summary>
public sealed record ProvisionedCard(string PersonId, string SerialNumber, string RevokedSerialNumber);

/// <summary>
/// The card provisioning of the relay suite, published as <see cref="DocumentPath"/>: one test card CA the vendor's
/// relay trusts, and two registered authentication-certificate serials per provisioned person, one of them revoked.
/// The kit issues the certificates themselves at run time, under those serials and with whatever validity a case needs
/// (valid, within grace, expired, not yet valid), so the published file never goes stale with the calendar. Every card
/// certificate carries the same published test key (<c>Kit/TestCards/card.key.pem</c>); the CA key and the key of an
/// impostor CA with the same name are there too. They are test keys and nothing else.
/// </summary>
public static class ProvisionedCards
{
    public const string DocumentPath = "docs/test-vectors/relay-cards.json";

    /// <summary>The CA certificate is issued as of this instant (valid ten years either side) so its DER is the same everywhere.</summary>
    private static readonly DateTimeOffset AuthorityIssuedAt = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int AuthoritySerialSeed = 1;

    private static readonly Lazy<KitCertificateAuthority> LazyAuthority = new(() => AuthorityWith("card-authority"));
    private static readonly Lazy<KitCertificateAuthority> LazyImpostor = new(() => AuthorityWith("impostor-authority"));
    private static readonly Lazy<RSA> LazyCardKey = new(() => LoadKey("card"));
    private static readonly Lazy<X500DistinguishedName> LazyIssuer = new(() =>
    {
        using var certificate = X509CertificateLoader.LoadCertificate(LazyAuthority.Value.CertificateDer.Span);
        return certificate.SubjectName;
    });

    /// <summary>The card CA the relay trusts.</summary>
    public static KitCertificateAuthority Authority => LazyAuthority.Value;

    /// <summary>A CA with the trusted one's name and another key, which the relay must not trust (CLN-014).</summary>
    public static KitCertificateAuthority Impostor => LazyImpostor.Value;

    /// <summary>The key of every card certificate the kit presents.</summary>
    public static RSA CardKey => LazyCardKey.Value;

    /// <summary>The issuer name of every registered card certificate.</summary>
    public static X500DistinguishedName Issuer => LazyIssuer.Value;

    /// <summary>The cards of every provisioned person, in the order of <see cref="ProvisionedPeople.All"/>.</summary>
    public static IReadOnlyList<ProvisionedCard> All { get; } =
        [.. ProvisionedPeople.All.Select(p => new ProvisionedCard(p.PersonId, Hex(Serial("card", p.PersonId)), Hex(Serial("revoked-card", p.PersonId))))];

    public static ProvisionedCard Of(ProvisionedPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return All.Single(c => c.PersonId == person.PersonId);
    }

    /// <summary>A serial number registered to nobody: fresh for every call, so no run can have provisioned it.</summary>
    public static string UnregisteredSerial() => Hex(Serial("unregistered", Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    /// <summary>An authentication certificate (DER) under <paramref name="serialNumber"/>, issued by the trusted CA unless <paramref name="by"/> says otherwise.</summary>
    public static byte[] Certificate(string serialNumber, DateTimeOffset notBefore, DateTimeOffset notAfter, KitCertificateAuthority? by = null, RSA? key = null) =>
        (by ?? Authority).IssueAuthenticationCertificate(key ?? CardKey, Convert.FromHexString(serialNumber), notBefore, notAfter);

    /// <summary>What the card does (CLN-003): PKCS#1 v1.5 over SHA-256 of the challenge, the clinic and the service date, base64url.</summary>
    public static string Sign(string challenge, string clinicId, DateOnly serviceDate, RSA? key = null) =>
        Sign(challenge, clinicId, serviceDate, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The bytes of CLN-003 signed under another digest or padding than the card's (the CLN-003 cases).</summary>
    public static string Sign(string challenge, string clinicId, DateOnly serviceDate, RSA? key, HashAlgorithmName digest, RSASignaturePadding padding) =>
        Base64Url.EncodeToString((key ?? CardKey).SignData(CardAuthentication.SignedBytes(challenge, clinicId, serviceDate), digest, padding));

    /// <summary>The published file: what a vendor loads into their relay.</summary>
    public static string Render() => JsonSerializer.Serialize(new
    {
        description = "Card provisioning of the relay under test (CLN-025, conformance/README.md). Trust cardAuthority.certificate as a card CA; " +
            "register each card's authentication certificate, named by cardAuthority.subject as issuer and serialNumber (hex), to personId; " +
            "put the cards with revoked: true on the revocation list. The kit issues the certificates at run time under these serials.",
        cardAuthority = new
        {
            subject = Issuer.Name,
            certificate = PemEncoding.WriteString("CERTIFICATE", Authority.CertificateDer.Span),
        },
        cards = All.SelectMany(c => new[]
        {
            new { personId = c.PersonId, serialNumber = c.SerialNumber, revoked = false },
            new { personId = c.PersonId, serialNumber = c.RevokedSerialNumber, revoked = true },
        }),
    }, Indented) + "\n";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>16 bytes of SHA-256 over a published label, positive and minimal in DER like <see cref="KitCertificateAuthority"/>'s serials.</summary>
    private static byte[] Serial(string purpose, string subject)
    {
        var serial = SHA256.HashData(Encoding.UTF8.GetBytes("chukei-relay-suite/" + purpose + "/" + subject))[..16];
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }

    private static string Hex(byte[] serial) => Convert.ToHexString(serial);

    private static KitCertificateAuthority AuthorityWith(string keyName)
    {
        using var key = LoadKey(keyName);
        return KitCertificateAuthority.Create(new FixedTime(AuthorityIssuedAt), KitCertificateAuthority.DefaultCommonName, key, AuthoritySerialSeed);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static RSA LoadKey(string name)
    {
        using var stream = typeof(ProvisionedCards).Assembly.GetManifestResourceStream($"Chukei.Conformance.Relay.TestCards.{name}.key.pem")
            ?? throw new InvalidOperationException($"the embedded test key {name}.key.pem is missing");
        using var reader = new StreamReader(stream);
        var key = RSA.Create();
        key.ImportFromPem(reader.ReadToEnd());
        return key;
    }
}

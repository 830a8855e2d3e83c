using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace Chukei.Relay.CardEligibility;

/// <summary>
/// What the relay is told about cards outside the protocol (CLN-025), as J-LIS would tell a registered verifier:
/// the card CAs it trusts, which authentication certificate belongs to which person, and which are revoked.
/// Revocation lives here, server-side, never on the card.
/// </summary>
public sealed class CardRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, X509Certificate2> _authorities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _holders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);

    /// <summary>The trusted card CA certificates.</summary>
    public IReadOnlyCollection<X509Certificate2> Authorities => _authorities.Values.ToList();

    /// <summary>Trusts a card CA (DER); certificates chain to it by signature, not by name.</summary>
    public void TrustAuthority(ReadOnlyMemory<byte> caCertificateDer)
    {
        var ca = X509CertificateLoader.LoadCertificate(caCertificateDer.Span);
        if (!_authorities.TryAdd(ca.Thumbprint, ca)) ca.Dispose();
    }

    /// <summary>Registers the authentication certificate of a person's card.</summary>
    public void RegisterCard(string personId, ReadOnlyMemory<byte> authCertificateDer)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        using var certificate = X509CertificateLoader.LoadCertificate(authCertificateDer.Span);
        _holders[KeyOf(certificate)] = personId;
    }

    /// <summary>
    /// Registers a card by what CLN-025 names it by, the issuer and serial number of its authentication certificate,
    /// as a verifier is told before it has seen the certificate (<paramref name="serialNumber"/> in hex, big-endian).
    /// </summary>
    public void RegisterCard(string personId, X500DistinguishedName issuer, string serialNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        _holders[KeyOf(issuer, serialNumber)] = personId;
    }

    /// <summary>Puts the certificate with this issuer and serial number (hex) on the relay's revocation list.</summary>
    public void Revoke(X500DistinguishedName issuer, string serialNumber) => _revoked[KeyOf(issuer, serialNumber)] = 0;

    /// <summary>Puts a certificate on the relay's revocation list.</summary>
    public void Revoke(ReadOnlyMemory<byte> authCertificateDer)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(authCertificateDer.Span);
        _revoked[KeyOf(certificate)] = 0;
    }

    public bool IsRevoked(X509Certificate2 certificate) => _revoked.ContainsKey(KeyOf(certificate));

    public string? HolderOf(X509Certificate2 certificate) => _holders.GetValueOrDefault(KeyOf(certificate));

    /// <summary>A certificate is named by its issuer and serial number, which a CA never reuses (RFC 5280 §4.1.2.2).</summary>
    private static string KeyOf(X509Certificate2 certificate) => KeyOf(certificate.IssuerName, certificate.SerialNumber);

    private static string KeyOf(X500DistinguishedName issuer, string serialNumber)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentException.ThrowIfNullOrEmpty(serialNumber);
        return issuer.Name + "|" + serialNumber.ToUpperInvariant();
    }

    public void Dispose()
    {
        foreach (var ca in _authorities.Values) ca.Dispose();
        _authorities.Clear();
    }
}

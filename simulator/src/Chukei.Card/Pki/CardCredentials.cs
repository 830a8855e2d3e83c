using System.Security.Cryptography;

namespace Chukei.Card.Pki;

/// <summary>A card's RSA keys and DER certificates. Owns the keys.</summary>
public sealed class CardCredentials(
    RSA authKey,
    ReadOnlyMemory<byte> authCertificate,
    ReadOnlyMemory<byte> authCaCertificate,
    RSA signingKey,
    ReadOnlyMemory<byte> signingCertificate,
    ReadOnlyMemory<byte> signingCaCertificate) : IDisposable
{
    public RSA AuthKey { get; } = authKey;

    public ReadOnlyMemory<byte> AuthCertificate { get; } = authCertificate;

    public ReadOnlyMemory<byte> AuthCaCertificate { get; } = authCaCertificate;

    public RSA SigningKey { get; } = signingKey;

    public ReadOnlyMemory<byte> SigningCertificate { get; } = signingCertificate;

    public ReadOnlyMemory<byte> SigningCaCertificate { get; } = signingCaCertificate;

    public void Dispose()
    {
        AuthKey.Dispose();
        SigningKey.Dispose();
    }
}

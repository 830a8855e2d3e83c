using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chukei.Contracts;
using Chukei.Contracts.Cards;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;

namespace Chukei.Relay.CardEligibility;

/// <summary>
/// The relay's checks of the card's certificate and signature (CLN-013 … CLN-018), one method per rule, applied in
/// the order of docs/protocol.md §13.4. Each throws the rule's own problem code.
/// </summary>
public static class CardCertificateChecks
{
    /// <summary>The smallest card key accepted; JPKI cards carry RSA-2048.</summary>
    public const int MinimumKeyBits = 2048;

    /// <summary>CLN-013: a DER X.509 certificate carrying an RSA public key of at least 2048 bits.</summary>
    public static X509Certificate2 Parse(byte[] der, RelayDefects defects)
    {
        ArgumentNullException.ThrowIfNull(defects);
        var minimumBits = defects.AcceptsShortCardKeys ? 1024 : MinimumKeyBits;
        X509Certificate2? certificate = null;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
            using var key = certificate.GetRSAPublicKey();
            if (key is null || key.KeySize < minimumBits)
                throw new ProtocolException(ProblemCodes.CardCertificateMalformed, $"the certificate carries no RSA key of at least {MinimumKeyBits} bits", "/certificate");
            return certificate;
        }
        catch (CryptographicException)
        {
            certificate?.Dispose();
            throw new ProtocolException(ProblemCodes.CardCertificateMalformed, "the certificate is not DER X.509", "/certificate");
        }
        catch (ProtocolException)
        {
            certificate?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// CLN-014: the certificate's signature chains to a trusted card CA. Time validity is judged separately
    /// (CLN-016, CLN-017, with the grace period) and revocation by the relay's own list (CLN-018), so the chain engine
    /// is told to ignore both and to fetch nothing.
    /// </summary>
    public static void ChainsToTrustedAuthority(X509Certificate2 certificate, IReadOnlyCollection<X509Certificate2> authorities, DateTimeOffset now, RelayDefects defects)
    {
        ArgumentNullException.ThrowIfNull(defects);
        if (defects.TrustsCardCaByName && authorities.Any(a => a.SubjectName.Name == certificate.IssuerName.Name)) return;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreCtlNotTimeValid;
        var built = chain.Build(certificate);
        var anchored = chain.ChainElements.Count >= 2
            && authorities.Any(a => a.RawData.AsSpan().SequenceEqual(chain.ChainElements[^1].Certificate.RawData));
        if (!built || !anchored)
            throw new ProtocolException(ProblemCodes.CardCaUnknown, "the certificate does not chain to a card CA the relay trusts", "/certificate");
    }

    /// <summary>CLN-015: the card signed the bytes of CLN-003 with the certificate's key.</summary>
    public static void SignatureVerifies(X509Certificate2 certificate, CardEligibilityRequest request, string clinicId, DateOnly today, RelayDefects defects)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(defects);
        using var key = certificate.GetRSAPublicKey()!;
        var signed = CardAuthentication.SignedBytes(request.Challenge, clinicId, defects.BindsCardSignatureToToday ? today : request.ServiceDate);
        var signature = CardRequestValidation.Decode(request.Signature);
        // The mutants' leniency: a verifier that "also tries" other paddings or digests, as some libraries make easy.
        var verified = CardAuthentication.VerifySignature(key, signed, signature)
            || defects.AcceptsPssCardSignatures && key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)
            || defects.AcceptsSha1CardSignatures && key.VerifyData(signed, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        if (!verified)
            throw new ProtocolException(ProblemCodes.CardSignatureInvalid, "the card's signature does not verify", "/signature");
    }

    /// <summary>CLN-016 and CLN-017 (with the grace period of CLN-020): how the certificate stands at <paramref name="now"/>.</summary>
    public static CardCertificateStatus Validity(X509Certificate2 certificate, DateTimeOffset now, RelayDefects defects)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(defects);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = NotAfter(certificate);
        var skew = defects.AllowsNoSkewForCardNotBefore ? TimeSpan.Zero : ProtocolConstants.ClockSkew;
        if (now < notBefore - skew && !defects.IgnoresCardNotBefore)
            throw new ProtocolException(ProblemCodes.CardCertificateNotYetValid, $"the certificate is valid from {notBefore:O}", "/certificate");
        if (now < notAfter) return CardCertificateStatus.Valid;
        if (defects.RefusesCardsWithinGrace)
            throw new ProtocolException(ProblemCodes.CardCertificateExpired, $"the certificate expired at {notAfter:O}", "/certificate");
        if (now < CardAuthentication.GraceEnd(notAfter) || defects.IgnoresCardGraceLimit) return CardCertificateStatus.ExpiredWithinGrace;
        throw new ProtocolException(ProblemCodes.CardCertificateExpired, $"the certificate expired at {notAfter:O}, beyond the {CardAuthentication.GraceMonths}-month grace period", "/certificate");
    }

    /// <summary>CLN-018: the certificate is not on the relay's revocation list.</summary>
    public static void NotRevoked(X509Certificate2 certificate, CardRegistry registry)
    {
        if (registry.IsRevoked(certificate))
            throw new ProtocolException(ProblemCodes.CardCertificateRevoked, "the certificate is revoked", "/certificate");
    }

    public static DateTimeOffset NotAfter(X509Certificate2 certificate) => new(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
}

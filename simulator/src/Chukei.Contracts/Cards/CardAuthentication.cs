using System.Buffers.Text;
using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chukei.Contracts.Cards;

/// <summary>
/// The normative constants and byte strings of the reception eligibility check with the card (docs/protocol.md §13).
/// The relay and every clinic build the signed bytes here, so both sides sign and verify the same thing.
/// </summary>
public static class CardAuthentication
{
    /// <summary>The first line of the signed bytes; it keeps a card signature for this protocol from meaning anything else.</summary>
    public const string Domain = "chukei-card-auth/1";

    /// <summary>How long a challenge stays usable (CLN-001).</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromSeconds(60);

    /// <summary>Challenge length in bytes before base64url (CLN-001).</summary>
    public const int ChallengeBytes = 32;

    /// <summary>An authentication certificate expired less than this many months ago still allows an eligibility-only check (CLN-020).</summary>
    public const int GraceMonths = 3;

    /// <summary>The largest certificate the relay reads (CLN-002), in bytes of DER.</summary>
    public const int MaxCertificateBytes = 8192;

    /// <summary>
    /// CLN-003: <c>chukei-card-auth/1 LF challenge LF clinic id LF service date</c>, ASCII, no trailing newline.
    /// Binding the clinic and the date stops a signature made at one clinic, or for one day, being used for another.
    /// </summary>
    public static byte[] SignedBytes(string challenge, string clinicId, DateOnly serviceDate) =>
        Encoding.ASCII.GetBytes(string.Join('\n', Domain, challenge, clinicId, serviceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>The DER DigestInfo of SHA-256 over the signed bytes: what the clinic sends in the JPKI SIGN command.</summary>
    public static byte[] DigestInfo(ReadOnlySpan<byte> signedBytes)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("2.16.840.1.101.3.4.2.1");
                writer.WriteNull();
            }

            writer.WriteOctetString(SHA256.HashData(signedBytes));
        }

        return writer.Encode();
    }

    /// <summary>Verifies the card's signature with the certificate's RSA key: PKCS#1 v1.5, SHA-256.</summary>
    public static bool VerifySignature(RSA publicKey, ReadOnlySpan<byte> signedBytes, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return publicKey.VerifyData(signedBytes, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>A fresh challenge: <see cref="ChallengeBytes"/> random bytes, base64url.</summary>
    public static string NewChallenge() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ChallengeBytes));

    /// <summary>The end of the grace period for a certificate that expires at <paramref name="notAfter"/>.</summary>
    public static DateTimeOffset GraceEnd(DateTimeOffset notAfter) => notAfter.AddMonths(GraceMonths);
}

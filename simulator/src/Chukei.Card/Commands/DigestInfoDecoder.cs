using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Chukei.Card.Commands;

/// <summary>Decodes a DER DigestInfo (RFC 8017 §9.2): SEQUENCE { AlgorithmIdentifier, OCTET STRING digest }.</summary>
internal static class DigestInfoDecoder
{
    public static bool TryDecode(byte[] der, out HashAlgorithmName algorithm, out byte[] hash)
    {
        algorithm = default;
        hash = [];
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            var digestInfo = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var algorithmIdentifier = digestInfo.ReadSequence();
            string oid = algorithmIdentifier.ReadObjectIdentifier();
            // The parameters are NULL or absent (RFC 8017 appendix B.1).
            if (algorithmIdentifier.HasData)
            {
                algorithmIdentifier.ReadNull();
            }

            algorithmIdentifier.ThrowIfNotEmpty();
            byte[] digest = digestInfo.ReadOctetString();
            digestInfo.ThrowIfNotEmpty();
            (HashAlgorithmName name, int length)? known = oid switch
            {
                "1.3.14.3.2.26" => (HashAlgorithmName.SHA1, 20),
                "2.16.840.1.101.3.4.2.1" => (HashAlgorithmName.SHA256, 32),
                "2.16.840.1.101.3.4.2.2" => (HashAlgorithmName.SHA384, 48),
                "2.16.840.1.101.3.4.2.3" => (HashAlgorithmName.SHA512, 64),
                _ => null,
            };
            if (known is not { } k || digest.Length != k.length)
            {
                return false;
            }

            algorithm = k.name;
            hash = digest;
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}

using Chukei.Contracts.Tokens;

namespace Chukei.Benchmarks;

/// <summary>
/// ECDH-ES+A256KW for jose-jwt with the key wrap done by <see cref="Rfc3394KeyWrap"/> (one AES key schedule per wrap)
/// instead of <c>Jose.AesKeyWrap</c> (a new Aes, encryptor, MemoryStream and CryptoStream for each of the 24 block
/// operations). The agreement and Concat KDF stay jose-jwt's own (<see cref="Jose.EcdhKeyManagementUnix"/>, which the
/// default settings use off Windows), so tokens are byte-compatible both ways; setup checks that. A prototype of a
/// possible change to <see cref="JoseCompact.StrictSettings"/>, measured here and not used by the product.
/// </summary>
internal sealed class OneScheduleEcdhEsA256Kw : Jose.IKeyManagement
{
    private const int KekBits = 256;

    /// <summary>Key agreement only: with isDirectAgreement false the KDF's AlgorithmID is the <c>alg</c> header, as RFC 7518 §4.6.2 requires.</summary>
    private readonly Jose.EcdhKeyManagementUnix _agreement = new(isDirectAgreement: false);

    /// <summary><see cref="JoseCompact.StrictSettings"/> with this key management registered for ECDH-ES+A256KW.</summary>
    public static Jose.JwtSettings Settings { get; } = new Jose.JwtSettings()
        .DeregisterCompression(Jose.JweCompression.DEF)
        .RegisterJwa(Jose.JweAlgorithm.ECDH_ES_A256KW, new OneScheduleEcdhEsA256Kw());

    public byte[][] WrapNewKey(int cekSizeBits, object key, IDictionary<string, object> header)
    {
        var cek = System.Security.Cryptography.RandomNumberGenerator.GetBytes(cekSizeBits / 8);
        return [cek, WrapKey(cek, key, header)];
    }

    public byte[] WrapKey(byte[] cek, object key, IDictionary<string, object> header)
    {
        var kek = _agreement.WrapNewKey(KekBits, key, header)[0];
        return Rfc3394KeyWrap.Wrap(kek, cek);
    }

    public byte[] Unwrap(byte[] encryptedCek, object key, int cekSizeBits, IDictionary<string, object> header)
    {
        var kek = _agreement.Unwrap([], key, KekBits, header);
        if (encryptedCek.Length != (cekSizeBits / 8) + 8) throw new Jose.IntegrityException("the wrapped key has the wrong length");
        var cek = new byte[cekSizeBits / 8];
        return Rfc3394KeyWrap.Unwrap(kek, encryptedCek, cek) ? cek : throw new Jose.IntegrityException("AES key unwrap failed its integrity check");
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// Hand-assembles an ECDH-ES+A256KW / A256GCM compact JWE (RFC 7516, RFC 7518 §4.6) from exact header text and a
/// given ECDH shared secret, so that attack tokens stay integrity-consistent: the GCM tag covers the crafted header,
/// and a verifier that wrongly accepts the header (a repeated member, an off-curve epk) would also decrypt the seal.
/// </summary>
public static class JweAssembler
{
    /// <summary>An honest encryption to <paramref name="recipient"/> with a fresh ephemeral key; <paramref name="header"/> gets the epk JSON.</summary>
    public static string Encrypt(string plaintext, ECDiffieHellman recipient, Func<RawJson, string> header)
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var z = ephemeral.DeriveRawSecretAgreement(recipient.PublicKey);
        return Assemble(header(Epk(ephemeral.ExportParameters(false), ProtocolConstants.Curve)), z, plaintext);
    }

    /// <summary>The seal's header in the profile's members (epk first, unlike the library), plus any extra members.</summary>
    public static string SealHeader(RawJson epk, string kid, params (string Name, object? Value)[] extra) =>
        JsonText.Members([
            ("epk", epk), ("alg", ProtocolConstants.KeyAgreementAlgorithm), ("enc", ProtocolConstants.ContentEncryption),
            ("cty", "JWT"), ("kid", kid), .. extra,
        ]);

    public static RawJson Epk(ECParameters point, string crv) => Epk(point.Q.X!, point.Q.Y!, crv);

    public static RawJson Epk(byte[] x, byte[] y, string crv) =>
        new(JsonText.Members(("kty", "EC"), ("crv", crv), ("x", Jose.Base64Url.Encode(x)), ("y", Jose.Base64Url.Encode(y))));

    /// <summary>Wraps a fresh CEK under the key derived from <paramref name="sharedSecret"/> and seals the plaintext with the header as AAD.</summary>
    public static string Assemble(string headerJson, byte[] sharedSecret, string plaintext)
    {
        var encodedHeader = Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(headerJson));
        var cek = RandomNumberGenerator.GetBytes(32);
        var wrapped = Jose.AesKeyWrap.Wrap(cek, ConcatKdf(sharedSecret));
        var iv = RandomNumberGenerator.GetBytes(12);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var ciphertext = new byte[clear.Length];
        var tag = new byte[16];
        using (var gcm = new AesGcm(cek, tag.Length))
            gcm.Encrypt(iv, clear, ciphertext, tag, Encoding.ASCII.GetBytes(encodedHeader));
        return string.Join('.', encodedHeader, Jose.Base64Url.Encode(wrapped), Jose.Base64Url.Encode(iv),
            Jose.Base64Url.Encode(ciphertext), Jose.Base64Url.Encode(tag));
    }

    /// <summary>Concat KDF of RFC 7518 §4.6.2 for ECDH-ES+A256KW, without apu/apv: one SHA-256 round gives the 256-bit KEK.</summary>
    public static byte[] ConcatKdf(byte[] sharedSecret)
    {
        var algorithmId = Encoding.ASCII.GetBytes(ProtocolConstants.KeyAgreementAlgorithm);
        var input = new List<byte>();
        input.AddRange(BigEndian(1));
        input.AddRange(sharedSecret);
        input.AddRange(BigEndian(algorithmId.Length));
        input.AddRange(algorithmId);
        input.AddRange(BigEndian(0)); // PartyUInfo
        input.AddRange(BigEndian(0)); // PartyVInfo
        input.AddRange(BigEndian(256)); // SuppPubInfo: keydatalen in bits
        return SHA256.HashData([.. input]);
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}

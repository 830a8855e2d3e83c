using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Chukei.Contracts.Json;

namespace Chukei.Benchmarks;

/// <summary>
/// The raw System.Security.Cryptography operations a seal is made of, on the same keys and (for the composites)
/// the same payload sizes as a real seal. <see cref="BoundSeal"/> and <see cref="BoundOpenCheck"/> are the
/// baselines the JOSE implementation is compared to: the least work any sign-then-encrypt to an EC key must do.
/// </summary>
[MemoryDiagnoser]
public class PrimitiveBenchmarks
{
    private const int TagSize = 16;
    private static readonly byte[] KdfCounter = [0, 0, 0, 1];

    private SealFixture _fx = null!;
    private ECDiffieHellmanPublicKey _recipientPublic = null!;
    private ECDiffieHellmanPublicKey _ephemeralPublic = null!;
    private ECParameters _ephemeralParameters;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private byte[] _innerJws = null!;
    private byte[] _aad = null!;
    private byte[] _kdfOtherInfo = null!;
    private byte[] _payload1K = null!;
    private byte[] _key = null!;
    private byte[] _nonce = null!;
    private byte[] _ciphertext1K = null!;
    private byte[] _tag1K = null!;
    private byte[] _cek = null!;
    private byte[] _kek = null!;
    private byte[] _wrappedCek = null!;
    private byte[] _joseWrapped = null!;
    private byte[] _boundCiphertext = null!;
    private byte[] _boundTag = null!;
    private byte[] _completeWrapped = null!;
    private byte[] _completeCiphertext = null!;
    private byte[] _completeTag = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fx = new SealFixture();
        _recipientPublic = _fx.RecipientPublicKey.PublicKey;
        var inner = _fx.Issuer.SignInner(ProtocolJson.Serialize(_fx.Claims));
        _innerJws = Encoding.ASCII.GetBytes(inner);
        _signingInput = Encoding.ASCII.GetBytes(inner[..inner.LastIndexOf('.')]);
        _signature = _fx.SigningKey.SignHash(SHA256.HashData(_signingInput));
        // AAD = the JWE protected header as sent (RFC 7516 §5.1 step 14); same size as a real seal's.
        _aad = Encoding.ASCII.GetBytes(_fx.NewSeal().Split('.')[0]);
        _kdfOtherInfo = ConcatKdfOtherInfo("ECDH-ES+A256KW", 256);

        _payload1K = RandomNumberGenerator.GetBytes(1024);
        _key = RandomNumberGenerator.GetBytes(32);
        _nonce = RandomNumberGenerator.GetBytes(12);
        _ciphertext1K = new byte[_payload1K.Length];
        _tag1K = new byte[TagSize];
        using (var gcm = new AesGcm(_key, TagSize)) gcm.Encrypt(_nonce, _payload1K, _ciphertext1K, _tag1K);

        _cek = RandomNumberGenerator.GetBytes(32);
        _kek = RandomNumberGenerator.GetBytes(32);
        using (var aes = Aes.Create())
        {
            aes.SetKey(_kek);
            _wrappedCek = aes.EncryptKeyWrapPadded(_cek);
        }
        _joseWrapped = Jose.AesKeyWrap.Wrap(_cek, _kek);
        if (!Rfc3394KeyWrap.Wrap(_kek, _cek).AsSpan().SequenceEqual(_joseWrapped))
            throw new InvalidOperationException("the RFC 3394 key wrap does not match jose-jwt's A256KW");

        // What the sender of a seal leaves for the recipient: an ephemeral public key, a wrapped CEK, a ciphertext.
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        _ephemeralParameters = ephemeral.ExportParameters(false);
        _ephemeralPublic = ephemeral.PublicKey;
        var z = ephemeral.DeriveRawSecretAgreement(_recipientPublic);
        _boundCiphertext = new byte[_innerJws.Length];
        _boundTag = new byte[TagSize];
        using (var gcm = new AesGcm(z, TagSize)) gcm.Encrypt(_nonce, _innerJws, _boundCiphertext, _boundTag, _aad);

        var kek = ephemeral.DeriveKeyFromHash(_recipientPublic, HashAlgorithmName.SHA256, KdfCounter, _kdfOtherInfo);
        _completeWrapped = Rfc3394KeyWrap.Wrap(kek, _cek);
        _completeCiphertext = new byte[_innerJws.Length];
        _completeTag = new byte[TagSize];
        using (var gcm = new AesGcm(_cek, TagSize)) gcm.Encrypt(_nonce, _innerJws, _completeCiphertext, _completeTag, _aad);

        if (BoundOpenCheck() != _innerJws.Length || BoundOpenCheckComplete() != _innerJws.Length)
            throw new InvalidOperationException("the primitive bounds do not round-trip");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _recipientPublic.Dispose();
        _ephemeralPublic.Dispose();
    }

    /// <summary>ES256 signing: SHA-256 of the JWS signing input, then ECDSA P-256 SignHash.</summary>
    [Benchmark]
    public byte[] EcdsaSign() => _fx.SigningKey.SignHash(SHA256.HashData(_signingInput));

    /// <summary>ES256 verification with the relay's public key: SHA-256, then VerifyHash.</summary>
    [Benchmark]
    public bool EcdsaVerify() => _fx.SigningVerifier.VerifyHash(SHA256.HashData(_signingInput), _signature);

    /// <summary>The sender's ECDH-ES cost: a fresh P-256 key pair and the raw shared secret with the recipient's public key.</summary>
    [Benchmark]
    public byte[] EcdhEphemeralKeygenDerive()
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return ephemeral.DeriveRawSecretAgreement(_recipientPublic);
    }

    /// <summary>The recipient's ECDH-ES cost: its static private key with an (already parsed) ephemeral public key.</summary>
    [Benchmark]
    public byte[] EcdhStaticDerive() => _fx.RecipientPrivateKey.DeriveRawSecretAgreement(_ephemeralPublic);

    /// <summary>AES-256-GCM of 1 KiB under a fresh key (a seal's CEK is new every time, so the key schedule is included).</summary>
    [Benchmark]
    public byte[] AesGcmEncrypt1K()
    {
        var ciphertext = new byte[_payload1K.Length];
        using var gcm = new AesGcm(_key, TagSize);
        gcm.Encrypt(_nonce, _payload1K, ciphertext, stackalloc byte[TagSize]);
        return ciphertext;
    }

    [Benchmark]
    public byte[] AesGcmDecrypt1K()
    {
        var plaintext = new byte[_ciphertext1K.Length];
        using var gcm = new AesGcm(_key, TagSize);
        gcm.Decrypt(_nonce, _ciphertext1K, _tag1K, plaintext);
        return plaintext;
    }

    /// <summary>
    /// AES key wrap of a 256-bit CEK under a 256-bit KEK. .NET has only RFC 5649 (with padding); for a 32-byte key
    /// it runs the same 6 × 4 AES block operations as RFC 3394 (A256KW), only the initial value differs.
    /// </summary>
    [Benchmark]
    public byte[] AesKeyWrap256()
    {
        using var aes = Aes.Create();
        aes.SetKey(_kek);
        return aes.EncryptKeyWrapPadded(_cek);
    }

    [Benchmark]
    public int AesKeyUnwrap256()
    {
        using var aes = Aes.Create();
        aes.SetKey(_kek);
        return aes.DecryptKeyWrapPadded(_wrappedCek, stackalloc byte[40]);
    }

    /// <summary>A256KW (RFC 3394) done with one AES key schedule and one ECB transform: what the wrap needs to cost.</summary>
    [Benchmark]
    public byte[] AesKeyWrapRfc3394() => Rfc3394KeyWrap.Wrap(_kek, _cek);

    [Benchmark]
    public bool AesKeyUnwrapRfc3394() => Rfc3394KeyWrap.Unwrap(_kek, _joseWrapped, stackalloc byte[32]);

    /// <summary>
    /// The primitive bound for sealing: ES256 sign + ephemeral P-256 keygen + ECDH derive + AES-256-GCM of the inner
    /// JWS (its real size, with an AAD the size of a real JWE header). No KDF, no key wrap, no encoding.
    /// </summary>
    [Benchmark]
    public int BoundSeal()
    {
        var signature = _fx.SigningKey.SignHash(SHA256.HashData(_signingInput));
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var z = ephemeral.DeriveRawSecretAgreement(_recipientPublic);
        Span<byte> nonce = stackalloc byte[12];
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = new byte[_innerJws.Length];
        using var gcm = new AesGcm(z, TagSize);
        gcm.Encrypt(nonce, _innerJws, ciphertext, stackalloc byte[TagSize], _aad);
        return signature.Length + ciphertext.Length;
    }

    /// <summary>The primitive bound for opening and checking: static ECDH derive + AES-256-GCM decrypt + ES256 verify.</summary>
    [Benchmark]
    public int BoundOpenCheck()
    {
        var z = _fx.RecipientPrivateKey.DeriveRawSecretAgreement(_ephemeralPublic);
        var plaintext = new byte[_boundCiphertext.Length];
        using var gcm = new AesGcm(z, TagSize);
        gcm.Decrypt(_nonce, _boundCiphertext, _boundTag, plaintext, _aad);
        return _fx.SigningVerifier.VerifyHash(SHA256.HashData(_signingInput), _signature) ? plaintext.Length : -1;
    }

    /// <summary>
    /// A stricter bound: everything ECDH-ES+A256KW/A256GCM really requires, hand-written. Adds to <see cref="BoundSeal"/>
    /// the export of the ephemeral public point (the epk), the Concat KDF (one SHA-256, via DeriveKeyFromHash), a random
    /// CEK and its AES key wrap (RFC 3394, one key schedule). Still no JSON, no base64url.
    /// </summary>
    [Benchmark]
    public int BoundSealComplete()
    {
        var signature = _fx.SigningKey.SignHash(SHA256.HashData(_signingInput));
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var epk = ephemeral.ExportParameters(false);
        var kek = ephemeral.DeriveKeyFromHash(_recipientPublic, HashAlgorithmName.SHA256, KdfCounter, _kdfOtherInfo);
        Span<byte> cek = stackalloc byte[32];
        Span<byte> nonce = stackalloc byte[12];
        RandomNumberGenerator.Fill(cek);
        RandomNumberGenerator.Fill(nonce);
        var wrapped = Rfc3394KeyWrap.Wrap(kek, cek);
        var ciphertext = new byte[_innerJws.Length];
        using var gcm = new AesGcm(cek, TagSize);
        gcm.Encrypt(nonce, _innerJws, ciphertext, stackalloc byte[TagSize], _aad);
        return signature.Length + epk.Q.X!.Length + wrapped.Length + ciphertext.Length;
    }

    /// <summary>
    /// The stricter bound for opening: import (and so validate) the ephemeral public point, Concat KDF, AES key unwrap,
    /// AES-256-GCM decrypt, ES256 verify.
    /// </summary>
    [Benchmark]
    public int BoundOpenCheckComplete()
    {
        using var ephemeral = ECDiffieHellman.Create(_ephemeralParameters);
        using var ephemeralPublic = ephemeral.PublicKey;
        var kek = _fx.RecipientPrivateKey.DeriveKeyFromHash(ephemeralPublic, HashAlgorithmName.SHA256, KdfCounter, _kdfOtherInfo);
        Span<byte> cek = stackalloc byte[32];
        if (!Rfc3394KeyWrap.Unwrap(kek, _completeWrapped, cek)) return -1;
        var plaintext = new byte[_completeCiphertext.Length];
        using var gcm = new AesGcm(cek, TagSize);
        gcm.Decrypt(_nonce, _completeCiphertext, _completeTag, plaintext, _aad);
        return _fx.SigningVerifier.VerifyHash(SHA256.HashData(_signingInput), _signature) ? plaintext.Length : -1;
    }

    /// <summary>jose-jwt's own AES key wrap (RFC 3394) of a 256-bit CEK: what ECDH-ES+A256KW pays for wrapping.</summary>
    [Benchmark]
    public byte[] JoseAesKeyWrap() => Jose.AesKeyWrap.Wrap(_cek, _kek);

    [Benchmark]
    public byte[] JoseAesKeyUnwrap() => Jose.AesKeyWrap.Unwrap(_joseWrapped, _kek);

    /// <summary>Exporting a P-256 public key's parameters; jose-jwt does this twice per seal (recipient curve, ephemeral point).</summary>
    [Benchmark]
    public ECParameters EcPublicExport() => _fx.RecipientPublicKey.ExportParameters(false);

    /// <summary>Importing an ephemeral public point into a new ECDiffieHellman (validated); the recipient does this per seal.</summary>
    [Benchmark]
    public int EcdhPublicImport()
    {
        using var key = ECDiffieHellman.Create(_ephemeralParameters);
        return key.KeySize;
    }

    /// <summary>RFC 7518 §4.6.2 OtherInfo: AlgorithmID, PartyUInfo, PartyVInfo (both empty), SuppPubInfo.</summary>
    private static byte[] ConcatKdfOtherInfo(string algorithm, int keyBits)
    {
        var alg = Encoding.ASCII.GetBytes(algorithm);
        var info = new byte[4 + alg.Length + 4 + 4 + 4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(info, alg.Length);
        alg.CopyTo(info, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(info.AsSpan(info.Length - 4), keyBits);
        return info;
    }
}

using BenchmarkDotNet.Attributes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Tokens;

namespace Chukei.Benchmarks;

/// <summary>
/// Step ② (<see cref="SealIssuer.Seal"/>) and step ④ (<see cref="SealVerifier.Verify"/>, the open plus every
/// INS-011 … INS-031 check), with the two halves of each measured alone so the JOSE overhead can be located.
/// </summary>
[MemoryDiagnoser]
public class SealBenchmarks
{
    private const int Pool = 64;

    private SealFixture _fx = null!;
    private SealVerificationContext _context = null!;
    private string[] _seals = null!;
    private string _claimsJson = null!;
    private string _innerJws = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _fx = new SealFixture();
        _context = _fx.VerificationContext(new AcceptAllReplayCache());
        // Distinct seals (distinct jti and ephemeral keys), cycled through; the accept-all replay cache keeps INS-028 passing.
        _seals = Enumerable.Range(0, Pool).Select(_ => _fx.NewSeal()).ToArray();
        _claimsJson = ProtocolJson.Serialize(_fx.Claims);
        _innerJws = _fx.Issuer.SignInner(_claimsJson);
        foreach (var seal in _seals)
        {
            var verdict = SealVerifier.Verify(seal, _context);
            if (!verdict.IsValid) throw new InvalidOperationException($"setup: the seal does not verify: {verdict.Failure?.Code} {verdict.Detail}");
        }
        if (!SealVerifier.Verify(Seal(), _context).IsValid) throw new InvalidOperationException("setup: a fresh seal does not verify");
        // The key-wrap prototype must interoperate both ways with the product's settings.
        if (!SealVerifier.Verify(SealOneScheduleKeyWrap(), _context).IsValid) throw new InvalidOperationException("setup: a one-schedule-key-wrap seal does not verify");
        if (OpenDecryptOneScheduleKeyWrap() != Jose.JWT.Decode(_seals[0], _fx.RecipientPrivateKey, Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM, JoseCompact.StrictSettings))
            throw new InvalidOperationException("setup: the one-schedule key wrap does not open a product seal");
        _next = 0;
    }

    /// <summary>Step ②: claims → JSON → JWS ES256 → JWE ECDH-ES+A256KW/A256GCM, through jose-jwt.</summary>
    [Benchmark]
    public string Seal() => _fx.Issuer.Seal(_fx.Claims, _fx.RecipientKid, _fx.RecipientPublicKey);

    /// <summary>The inner half of the seal: the JWS ES256 of already serialised claims.</summary>
    [Benchmark]
    public string SealSignInner() => _fx.Issuer.SignInner(_claimsJson);

    /// <summary>The outer half of the seal: the JWE of an already signed JWS.</summary>
    [Benchmark]
    public string SealEncrypt() => SealIssuer.Encrypt(_innerJws, _fx.RecipientKid, _fx.RecipientPublicKey);

    /// <summary>Step ④ on the success path: open the JWE, verify the JWS, parse and check the claims.</summary>
    [Benchmark]
    public bool OpenCheck() => SealVerifier.Verify(_seals[_next++ % Pool], _context).IsValid;

    /// <summary>The JWE half of the open alone (jose-jwt decrypt, no header checks).</summary>
    [Benchmark]
    public string OpenDecrypt() =>
        Jose.JWT.Decode(_seals[_next++ % Pool], _fx.RecipientPrivateKey, Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM, JoseCompact.StrictSettings);

    /// <summary>
    /// <see cref="Seal"/> exactly as SealIssuer builds it, but with jose-jwt settings whose ECDH-ES+A256KW wraps the CEK
    /// with one AES key schedule (<see cref="OneScheduleEcdhEsA256Kw"/>): the gain a settings change would bring.
    /// </summary>
    [Benchmark]
    public string SealOneScheduleKeyWrap() =>
        Jose.JWT.Encode(_fx.Issuer.SignInner(ProtocolJson.Serialize(_fx.Claims)), _fx.RecipientPublicKey, Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM,
            compression: null, extraHeaders: new Dictionary<string, object> { ["cty"] = "JWT", ["kid"] = _fx.RecipientKid }, settings: OneScheduleEcdhEsA256Kw.Settings);

    /// <summary><see cref="OpenDecrypt"/> with the same settings change.</summary>
    [Benchmark]
    public string OpenDecryptOneScheduleKeyWrap() =>
        Jose.JWT.Decode(_seals[_next++ % Pool], _fx.RecipientPrivateKey, Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM, OneScheduleEcdhEsA256Kw.Settings);

    /// <summary>The JWS half of the open alone (jose-jwt ES256 verify and payload decode).</summary>
    [Benchmark]
    public string OpenVerifyInner() => Jose.JWT.Decode(_innerJws, _fx.SigningVerifier, Jose.JwsAlgorithm.ES256, JoseCompact.StrictSettings);
}

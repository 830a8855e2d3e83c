using System.Security.Cryptography;
using Chukei.Contracts.Json;

namespace Chukei.Contracts.Tokens;

/// <summary>
/// Step ②: signs the claims as a JWS (ES256, typ <see cref="ProtocolConstants.SealType"/>) and encrypts that JWS
/// to the target's key as a JWE (ECDH-ES+A256KW, A256GCM, cty JWT) — sign then encrypt (SEAL-001).
/// </summary>
public sealed class SealIssuer(string signingKid, ECDsa signingKey)
{
    public string Seal(SealClaims claims, string recipientKid, ECDiffieHellman recipientKey)
    {
        var jws = SignInner(ProtocolJson.Serialize(claims));
        return Encrypt(jws, recipientKid, recipientKey);
    }

    /// <summary>The inner JWS alone; exposed for test vectors and the benchmark.</summary>
    public string SignInner(string claimsJson) =>
        Jose.JWT.Encode(claimsJson, signingKey, Jose.JwsAlgorithm.ES256, new Dictionary<string, object>
        {
            ["typ"] = ProtocolConstants.SealType,
            ["kid"] = signingKid,
        }, JoseCompact.StrictSettings);

    public static string Encrypt(string jws, string recipientKid, ECDiffieHellman recipientKey) =>
        Jose.JWT.Encode(jws, recipientKey, Jose.JweAlgorithm.ECDH_ES_A256KW, Jose.JweEncryption.A256GCM, compression: null,
            extraHeaders: new Dictionary<string, object>
            {
                ["cty"] = "JWT",
                ["kid"] = recipientKid,
            }, settings: JoseCompact.StrictSettings);
}

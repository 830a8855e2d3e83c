using System.Security.Cryptography;
using System.Text;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

/// <summary>
/// A deliberately careless ECDH-ES+A256KW / A256GCM decryptor (no curve check, any tag length), used to prove that an
/// attack vector is armed: the flawed implementation it targets really would open it.
/// </summary>
internal static class LenientDecryptor
{
    public static string Decrypt(string token, byte[] sharedSecret)
    {
        var p = token.Split('.');
        var cek = Jose.AesKeyWrap.Unwrap(Jose.Base64Url.Decode(p[1]), JweAssembler.ConcatKdf(sharedSecret));
        var ciphertext = Jose.Base64Url.Decode(p[3]);
        var tag = Jose.Base64Url.Decode(p[4]);
        var clear = new byte[ciphertext.Length];
        using var gcm = new AesGcm(cek, tag.Length);
        gcm.Decrypt(Jose.Base64Url.Decode(p[2]), ciphertext, tag, clear, Encoding.ASCII.GetBytes(p[0]));
        return Encoding.UTF8.GetString(clear);
    }
}

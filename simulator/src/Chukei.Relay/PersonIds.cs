using System.Security.Cryptography;

namespace Chukei.Relay;

/// <summary>Person identifiers (本人識別情報, ID-001): 'P' + 20 base32 characters, random, relay-internal.</summary>
public static class PersonIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string New() => FromBytes(RandomNumberGenerator.GetBytes(20));

    /// <summary>A reproducible id for seeded scenarios.</summary>
    public static string FromSeed(string seed, int index) =>
        FromBytes(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"chukei-person/{seed}/{index}")));

    private static string FromBytes(byte[] bytes)
    {
        var chars = new char[21];
        chars[0] = 'P';
        for (var i = 0; i < 20; i++) chars[i + 1] = Alphabet[bytes[i] % 32];
        return new string(chars);
    }
}

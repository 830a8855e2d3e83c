using System.Security.Cryptography;
using System.Text;

namespace Chukei.Contracts;

/// <summary>
/// Where a party's ids (jti, entry ids) come from: random in production; derived from a seed in scenarios, so that
/// the same scenario gives byte-identical results. Both are 128-bit, lower-case hex.
/// </summary>
public sealed class IdSource
{
    private readonly byte[]? _seed;
    private long _counter;

    private IdSource(byte[]? seed) => _seed = seed;

    public static IdSource Random { get; } = new(null);

    /// <summary>Ids derived as HMAC-SHA-256(seed, counter): unpredictable without the seed, identical with it.</summary>
    public static IdSource Seeded(string seed) => new(Encoding.UTF8.GetBytes(seed));

    public string Next()
    {
        if (_seed is null) return Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var n = Interlocked.Increment(ref _counter);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_seed, BitConverter.GetBytes(n))[..16]);
    }
}

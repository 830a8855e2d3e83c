using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Chukei.Benchmarks;

/// <summary>
/// AES key wrap as RFC 3394 §2.2.1 defines it (the A256KW of RFC 7518 §4.4), written for the bound: one AES key
/// schedule and one ECB transform for all 6 × n block operations. Byte-identical to jose-jwt's output (checked in setup).
/// </summary>
internal static class Rfc3394KeyWrap
{
    private const byte DefaultIv = 0xA6;

    public static byte[] Wrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> key)
    {
        var n = key.Length / 8;
        var output = new byte[8 * (n + 1)];
        output.AsSpan(0, 8).Fill(DefaultIv);
        key.CopyTo(output.AsSpan(8));
        using var aes = Aes.Create();
        aes.SetKey(kek);
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        using var encryptor = aes.CreateEncryptor(aes.Key, null);
        var block = new byte[16];
        var result = new byte[16];
        for (var j = 0; j < 6; j++)
        {
            for (var i = 1; i <= n; i++)
            {
                output.AsSpan(0, 8).CopyTo(block);
                output.AsSpan(8 * i, 8).CopyTo(block.AsSpan(8));
                encryptor.TransformBlock(block, 0, 16, result, 0);
                var t = (ulong)((n * j) + i);
                BinaryPrimitives.WriteUInt64BigEndian(output, BinaryPrimitives.ReadUInt64BigEndian(result) ^ t);
                result.AsSpan(8, 8).CopyTo(output.AsSpan(8 * i));
            }
        }
        return output;
    }

    /// <summary>Unwraps into <paramref name="key"/>; false if the integrity check fails.</summary>
    public static bool Unwrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped, Span<byte> key)
    {
        var n = (wrapped.Length / 8) - 1;
        Span<byte> a = stackalloc byte[8];
        wrapped[..8].CopyTo(a);
        wrapped[8..].CopyTo(key);
        using var aes = Aes.Create();
        aes.SetKey(kek);
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        using var decryptor = aes.CreateDecryptor(aes.Key, null);
        var block = new byte[16];
        var result = new byte[16];
        for (var j = 5; j >= 0; j--)
        {
            for (var i = n; i >= 1; i--)
            {
                var t = (ulong)((n * j) + i);
                BinaryPrimitives.WriteUInt64BigEndian(block, BinaryPrimitives.ReadUInt64BigEndian(a) ^ t);
                key.Slice(8 * (i - 1), 8).CopyTo(block.AsSpan(8));
                decryptor.TransformBlock(block, 0, 16, result, 0);
                result.AsSpan(0, 8).CopyTo(a);
                result.AsSpan(8, 8).CopyTo(key.Slice(8 * (i - 1), 8));
            }
        }
        var ok = true;
        foreach (var b in a) ok &= b == DefaultIv;
        return ok;
    }
}

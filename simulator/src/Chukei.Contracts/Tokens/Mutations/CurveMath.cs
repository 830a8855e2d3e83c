using System.Globalization;
using System.Numerics;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// Affine P-256 arithmetic over <see cref="BigInteger"/>, only for crafting invalid-curve attack tokens. The group law
/// never uses the curve constant b, so <see cref="Multiply"/> computes d·P for a point that is NOT on P-256 exactly as
/// a verifier that skips the on-curve check would. Not constant-time: never use it with real keys.
/// </summary>
public static class CurveMath
{
    /// <summary>The field prime p of P-256 (FIPS 186-4 D.1.2.3).</summary>
    public static BigInteger P { get; } = Hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");

    /// <summary>The curve constant b of P-256; used only by <see cref="IsOnCurve"/>.</summary>
    public static BigInteger B { get; } = Hex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");

    /// <summary>The base point G.</summary>
    public static (BigInteger X, BigInteger Y) G { get; } = (
        Hex("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"),
        Hex("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"));

    private static BigInteger A => P - 3;

    public static bool IsOnCurve((BigInteger X, BigInteger Y) point) =>
        Mod((point.Y * point.Y) - (point.X * point.X * point.X) - (A * point.X) - B) == 0;

    /// <summary>k·point by double-and-add; null is the point at infinity.</summary>
    public static (BigInteger X, BigInteger Y)? Multiply(BigInteger k, (BigInteger X, BigInteger Y) point)
    {
        (BigInteger X, BigInteger Y)? result = null;
        (BigInteger X, BigInteger Y)? addend = point;
        while (k > 0)
        {
            if (!k.IsEven) result = Add(result, addend);
            addend = Add(addend, addend);
            k >>= 1;
        }
        return result;
    }

    public static BigInteger FromBytes(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>A field element as the 32-byte big-endian string JOSE uses for x, y and the ECDH shared secret.</summary>
    public static byte[] ToBytes(BigInteger value)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        raw.CopyTo(padded, 32 - raw.Length);
        return padded;
    }

    private static (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? p, (BigInteger X, BigInteger Y)? q)
    {
        if (p is not { } a) return q;
        if (q is not { } b) return p;
        BigInteger lambda;
        if (a.X == b.X)
        {
            if (Mod(a.Y + b.Y) == 0) return null;
            lambda = Mod(((3 * a.X * a.X) + A) * Inverse(2 * a.Y));
        }
        else
        {
            lambda = Mod((b.Y - a.Y) * Inverse(b.X - a.X));
        }
        var x = Mod((lambda * lambda) - a.X - b.X);
        return (x, Mod((lambda * (a.X - x)) - a.Y));
    }

    private static BigInteger Inverse(BigInteger v) => BigInteger.ModPow(Mod(v), P - 2, P);

    private static BigInteger Mod(BigInteger v)
    {
        var r = v % P;
        return r.Sign < 0 ? r + P : r;
    }

    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

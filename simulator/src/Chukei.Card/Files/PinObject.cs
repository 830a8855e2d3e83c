using System.Security.Cryptography;

namespace Chukei.Card.Files;

/// <summary>
/// A PIN held on the card. Its value and retry counter are card state: they survive resets and power cycles,
/// unlike the session's verification status.
/// </summary>
public sealed class PinObject
{
    private byte[] _value;

    public PinObject(string name, PinFormat format, ReadOnlySpan<byte> value, int maxTries, int triesLeft)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTries, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(triesLeft);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(triesLeft, maxTries);
        Name = name;
        Format = format;
        _value = value.ToArray();
        MaxTries = maxTries;
        TriesLeft = triesLeft;
    }

    public string Name { get; }

    public PinFormat Format { get; }

    public int MaxTries { get; }

    public int TriesLeft { get; private set; }

    public bool IsBlocked => TriesLeft == 0;

    /// <summary>Compares <paramref name="candidate"/>; success resets the counter, failure decrements it. Callers check <see cref="IsBlocked"/> first.</summary>
    public bool Verify(ReadOnlySpan<byte> candidate)
    {
        if (IsBlocked)
        {
            return false;
        }

        // Constant-time comparison: the kit should not teach timing leaks, even in a simulator.
        if (CryptographicOperations.FixedTimeEquals(candidate, _value))
        {
            TriesLeft = MaxTries;
            return true;
        }

        TriesLeft--;
        return false;
    }

    public void Change(ReadOnlySpan<byte> newValue) => _value = newValue.ToArray();
}

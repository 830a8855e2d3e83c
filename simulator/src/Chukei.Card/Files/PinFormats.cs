namespace Chukei.Card.Files;

/// <summary>Checks reference data against a <see cref="PinFormat"/>; the card enforces it only on CHANGE REFERENCE DATA.</summary>
public static class PinFormats
{
    public static bool IsValid(PinFormat format, ReadOnlySpan<byte> value) => format switch
    {
        PinFormat.FourDigits => value.Length == 4 && AllOf(value, static b => b is >= (byte)'0' and <= (byte)'9'),
        PinFormat.SigningPassword => value.Length is >= 6 and <= 16
            && AllOf(value, static b => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z')),
        _ => false,
    };

    private static bool AllOf(ReadOnlySpan<byte> value, Func<byte, bool> predicate)
    {
        foreach (byte b in value)
        {
            if (!predicate(b))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Chukei.Card.Apdu;

/// <summary>A response APDU: data followed by SW1 SW2.</summary>
public readonly record struct ResponseApdu(byte[] Data, ushort StatusWord)
{
    public static ResponseApdu Status(ushort statusWord) => new([], statusWord);

    public static ResponseApdu Ok(byte[] data) => new(data, StatusWords.Success);

    public byte[] ToBytes()
    {
        byte[] bytes = new byte[Data.Length + 2];
        Data.CopyTo(bytes, 0);
        bytes[^2] = (byte)(StatusWord >> 8);
        bytes[^1] = (byte)StatusWord;
        return bytes;
    }
}

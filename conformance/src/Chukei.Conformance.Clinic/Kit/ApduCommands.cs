namespace Chukei.Conformance.Clinic.Kit;

/// <summary>Reads command APDUs from the card's log: which commands the clinic actually sent.</summary>
public static class ApduCommands
{
    public static bool IsSelectJpki(ReadOnlyMemory<byte> c) => c.Length > 3 && c.Span[1] == 0xA4 && c.Span[2] == 0x04;

    public static bool IsReadBinary(ReadOnlyMemory<byte> c) => c.Length > 1 && c.Span[1] == 0xB0;

    /// <summary>VERIFY with data: a PIN (masked in the log) was presented.</summary>
    public static bool IsVerifyWithPin(ReadOnlyMemory<byte> c) => c.Length > 4 && c.Span[1] == 0x20;

    public static bool IsCounterQuery(ReadOnlyMemory<byte> c) => c.Length == 4 && c.Span[1] == 0x20;

    public static bool IsSign(ReadOnlyMemory<byte> c) => c.Length > 1 && c.Span[0] == 0x80 && c.Span[1] == 0x2A;

    /// <summary>GET RESPONSE: the clinic fetched response data a T=0 card announced with 61xx.</summary>
    public static bool IsGetResponse(ReadOnlyMemory<byte> c) => c.Length == 5 && c.Span[1] == 0xC0;

    /// <summary>"A4 B0 20 2A …": the instructions in order, for messages; "nothing" when there were none.</summary>
    public static string Describe(this IEnumerable<ReadOnlyMemory<byte>> commands)
    {
        var instructions = string.Join(' ', commands.Select(c => c.Length > 1 ? c.Span[1].ToString("X2", System.Globalization.CultureInfo.InvariantCulture) : "?"));
        return instructions.Length == 0 ? "nothing" : instructions;
    }
}

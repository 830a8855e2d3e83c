using System.Globalization;
using System.Text.RegularExpressions;

namespace Chukei.Card.Tests.PcscStack;

/// <summary>One APDU as opensc-tool reported it: the command it echoed, the status word and the response data.</summary>
internal sealed record OpenscExchange(byte[] Command, ushort StatusWord, byte[] Data);

/// <summary>One row of <c>opensc-tool --list-readers</c>.</summary>
internal sealed record OpenscReader(int Number, bool HasCard, string Name);

/// <summary>
/// Reads what opensc-tool 0.23 prints: "Sending: &lt;hex&gt;", "Received (SW1=0x.., SW2=0x..)" with a trailing colon when
/// data follows, then the data as util_hex_dump_asc lines (16 "XX " groups, ASCII at the end; only lines after the
/// first are padded to 48 hex columns).
/// </summary>
internal static partial class OpenscToolOutput
{
    private const int BytesPerLine = 16;
    private const int HexColumns = BytesPerLine * 3;

    public static IReadOnlyList<OpenscExchange> ParseExchanges(string standardOutput)
    {
        var exchanges = new List<OpenscExchange>();
        byte[]? command = null;
        ushort statusWord = 0;
        List<byte>? data = null;
        foreach (string line in standardOutput.Split('\n'))
        {
            if (line.StartsWith("Sending: ", StringComparison.Ordinal))
            {
                Flush();
                command = Convert.FromHexString(line["Sending: ".Length..].Replace(" ", "", StringComparison.Ordinal));
                continue;
            }

            var received = ReceivedLine().Match(line);
            if (received.Success)
            {
                if (command is null)
                {
                    throw new FormatException($"opensc-tool reported a response without a command: '{line}'");
                }

                statusWord = (ushort)((Hex(received.Groups["sw1"].Value) << 8) | Hex(received.Groups["sw2"].Value));
                data = [];
                continue;
            }

            if (data is not null && command is not null && line.Length > 0)
            {
                data.AddRange(ParseDumpLine(line));
            }
        }

        Flush();
        return exchanges;

        void Flush()
        {
            if (command is not null && data is not null)
            {
                exchanges.Add(new OpenscExchange(command, statusWord, [.. data]));
            }

            command = null;
            data = null;
        }
    }

    /// <summary>
    /// One hex-dump line. With n bytes it is n "XX " groups, then either nothing or padding to column 48, then n ASCII
    /// characters; the two layouts never fit the same line for n below 16, so the line's length says which it is.
    /// </summary>
    public static byte[] ParseDumpLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int[] candidates = line.Length % 4 == 0 ? [line.Length / 4, line.Length - HexColumns] : [line.Length - HexColumns];
        foreach (int count in candidates.Distinct())
        {
            if (count is < 1 or > BytesPerLine)
            {
                continue;
            }

            bool padded = count * 4 != line.Length;
            if (IsHexGroups(line, count) && (!padded || line.AsSpan(count * 3, HexColumns - (count * 3)).IsWhiteSpace()))
            {
                return Convert.FromHexString(string.Concat(Enumerable.Range(0, count).Select(i => line.Substring(i * 3, 2))));
            }
        }

        throw new FormatException($"not an opensc-tool hex dump line: '{line}'");
    }

    public static IReadOnlyList<OpenscReader> ParseReaders(string standardOutput) =>
        standardOutput.Split('\n')
            .Select(line => ReaderLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new OpenscReader(
                int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture),
                match.Groups["card"].Value == "Yes",
                match.Groups["rest"].Value.Trim()))
            .ToList();

    private static bool IsHexGroups(string line, int count) =>
        Enumerable.Range(0, count).All(i => char.IsAsciiHexDigitUpper(line[i * 3]) && char.IsAsciiHexDigitUpper(line[(i * 3) + 1]) && line[(i * 3) + 2] == ' ');

    private static int Hex(string value) => int.Parse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Received \(SW1=0x(?<sw1>[0-9A-F]{2}), SW2=0x(?<sw2>[0-9A-F]{2})\):?$")]
    private static partial Regex ReceivedLine();

    [GeneratedRegex(@"^(?<number>\d+)\s+(?<card>Yes|No)\s+(?<rest>.+)$")]
    private static partial Regex ReaderLine();
}

using System.Text.RegularExpressions;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>A log line that carries the PIN, in which form, and the line with the PIN masked (for the failure message).</summary>
internal sealed record PinLeak(string Form, string MaskedLine);

/// <summary>
/// CLN-039: finds what in a log line can only be the PIN entered, in the forms a log shows it: the VERIFY command
/// with it as data (hex, spaced or not, any case), its ASCII hex on a line about a VERIFY or a PIN, or the clear PIN
/// as a token of its own (<c>pin=7593</c>, <c>PIN: 7593</c>). The PIN's digits inside a longer hex or digit run (a
/// certificate serial, a key, a dump of the card's answers) are not the PIN, and a UUID's or a decimal's parts are not
/// tokens of their own.
/// </summary>
internal static class PinLeaks
{
    public static PinLeak? Find(IEnumerable<string> lines, string pin)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var hex = string.Concat(pin.Select(c => ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        var spacedHex = string.Join(@"\s*", hex.Chunk(2).Select(b => new string(b)));
        var verifyApdu = new Regex($@"00\s*20\s*00\s*[0-9A-F]{{2}}\s*04\s*{spacedHex}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var asciiHex = new Regex($@"(?<![0-9A-F]){spacedHex}(?![0-9A-F])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var aboutPin = new Regex(@"\b(verify|pin)\b|00\s*20\s*00", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var clear = new Regex($@"(?<=^|[\s=:""'(\[{{<>]){Regex.Escape(pin)}(?=$|[\s""')\]}}<>,;]|\.(?!\d))", RegexOptions.CultureInvariant);
        foreach (var line in lines)
        {
            var form = verifyApdu.IsMatch(line) ? "the VERIFY command with the PIN as its data, in hex"
                : asciiHex.IsMatch(line) && aboutPin.IsMatch(line) ? "the PIN's ASCII bytes in hex, as VERIFY or PIN data"
                : clear.IsMatch(line) ? "the PIN in clear"
                : null;
            // Masked wherever the PIN's bytes or digits stand in the line, not only where they matched: the message must carry no PIN.
            if (form is not null) return new PinLeak(form, Regex.Replace(line, spacedHex, "****", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).Replace(pin, "****", StringComparison.Ordinal));
        }
        return null;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;

namespace Chukei.Conformance.Outcomes;

/// <summary>
/// Dates and times as the protocol writes them (§1.5), for every message a vendor reads: a calendar date
/// <c>yyyy-MM-dd</c>, an instant as RFC 3339 in UTC to the millisecond. Never the culture's "04/01/2026" or .NET's
/// seven-digit fractions, which a vendor cannot compare with what their own system logged.
/// </summary>
public static class ProtocolText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "(none)";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time is { } t ? Time(t) : "(none)";
}

/// <summary>
/// The text of a verdict (<see cref="CheckContext.Must(bool, ref Detail)"/> and friends), built from an interpolated
/// string only when it is needed, with every <see cref="DateOnly"/> and <see cref="DateTimeOffset"/> hole written the
/// protocol's way (<see cref="ProtocolText"/>) unless the hole gives its own format, and everything else in the
/// invariant culture.
/// </summary>
[InterpolatedStringHandler]
public ref struct Detail
{
    private DefaultInterpolatedStringHandler _text;

    public Detail(int literalLength, int formattedCount) =>
        _text = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    /// <summary>For a check: the text is built only when <paramref name="condition"/> failed.</summary>
    public Detail(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        _text = new DefaultInterpolatedStringHandler(condition ? 0 : literalLength, condition ? 0 : formattedCount, CultureInfo.InvariantCulture);
        shouldAppend = !condition;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, format: null);

    public void AppendFormatted<T>(T value, string? format)
    {
        // "O" is .NET's round-trip format: seven-digit fractions and a local offset; the protocol's is written instead.
        if (format is null or "O")
        {
            switch (value)
            {
                case DateOnly date:
                    _text.AppendLiteral(ProtocolText.Date(date));
                    return;
                case DateTimeOffset time:
                    _text.AppendLiteral(ProtocolText.Time(time));
                    return;
            }
        }
        _text.AppendFormatted(value, format);
    }

    public void AppendFormatted<T>(T value, int alignment, string? format = null) => _text.AppendFormatted(value, alignment, format);

    public override string ToString() => _text.ToString();

    public string ToStringAndClear() => _text.ToStringAndClear();
}

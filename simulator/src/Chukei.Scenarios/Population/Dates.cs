namespace Chukei.Scenarios.Population;

/// <summary>Dates as the scenario language writes them; generated people share the strings of equal dates.</summary>
internal static class Dates
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, string> Cache = new();

    public static string Text(DateOnly d) => Cache.GetOrAdd(d, x => x.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

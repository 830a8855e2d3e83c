namespace Chukei.Scenarios.Population;

/// <summary>
/// The embedded tables generated people are drawn from: family and given names with their katakana readings,
/// prefectures, municipalities with their local-government codes and postal areas, and town names. Bogus's ja locale
/// has names without readings and addresses that mix in foreign streets and countries, so the kit ships its own.
/// </summary>
internal static class PopulationTables
{
    public sealed record Name(string Kanji, string Kana);

    public sealed record Municipality(string Code5, string Name, string Kana, string PostalArea)
    {
        public string PrefectureCode => Code5[..2];

        /// <summary>The six-digit 全国地方公共団体コード: the five-digit code and its check digit.</summary>
        public string Code => Code5 + LocalGovernmentCheckDigit(Code5);
    }

    public static readonly IReadOnlyList<Name> FamilyNames = Read("family-names.tsv", f => new Name(f[0], f[1]));
    public static readonly IReadOnlyList<Name> MaleNames = Read("given-names.tsv", f => f[0] == "m" ? new Name(f[1], f[2]) : null);
    public static readonly IReadOnlyList<Name> FemaleNames = Read("given-names.tsv", f => f[0] == "f" ? new Name(f[1], f[2]) : null);
    public static readonly IReadOnlyDictionary<string, string> Prefectures = Read("prefectures.tsv", f => new KeyValuePair<string, string>(f[0], f[1])).ToDictionary(StringComparer.Ordinal);
    public static readonly IReadOnlyList<Municipality> Municipalities = Read("municipalities.tsv", f => new Municipality(f[0], f[1], f[2], f[3]));
    public static readonly IReadOnlyList<string> Towns = Read("towns.tsv", f => f[0]);

    /// <summary>
    /// Check digit of a local-government code (総務省): weights 6,5,4,3,2 over the five digits; the last digit of
    /// 11 − (sum mod 11).
    /// </summary>
    public static char LocalGovernmentCheckDigit(string code5)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (code5[i] - '0') * (6 - i);
        return (char)('0' + (11 - sum % 11) % 10);
    }

    private static List<T> Read<T>(string file, Func<string[], T?> parse)
    {
        using var stream = typeof(PopulationTables).Assembly.GetManifestResourceStream("Chukei.Scenarios.Population." + file)
            ?? throw new InvalidOperationException($"population table {file} is not embedded");
        using var reader = new StreamReader(stream);
        var rows = new List<T>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (parse(line.Split('\t')) is { } row) rows.Add(row);
        }
        return rows;
    }
}

using System.Globalization;
using Chukei.Contracts.Identifiers;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Population;

/// <summary>
/// The insurers generated people are enrolled with, each handing out card or insured numbers in sequence so numbers
/// are unique per insurer. Generated insurer ids are stable (docs/scenarios.md): nhi-&lt;code&gt;, ltc-&lt;code&gt;,
/// kouki-&lt;prefecture&gt;, kenpo-NNN, kyokai-NNN, kyosai-NNN.
/// </summary>
internal sealed class InsurerPool
{
    public sealed class Entry(InsurerSpec spec)
    {
        private long _next;

        public InsurerSpec Spec { get; } = spec;
        public bool IsEmployee => Spec.Kind is "health-insurance-society" or "national-association" or "mutual-aid";

        /// <summary>Office symbols (記号) of an employee insurer; people are spread over them.</summary>
        public string[] Symbols { get; init; } = [];

        public string NextNumber(string format) => (++_next).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>法別番号 (law codes) the generated insurer numbers start with.</summary>
    private static readonly Dictionary<string, string> LawCodes = new(StringComparer.Ordinal)
    {
        ["national-association"] = "01", ["health-insurance-society"] = "06", ["mutual-aid"] = "31", ["late-elderly"] = "39",
    };

    private static readonly Dictionary<string, string> IdPrefixes = new(StringComparer.Ordinal)
    {
        ["national-association"] = "kyokai", ["health-insurance-society"] = "kenpo", ["mutual-aid"] = "kyosai",
    };

    public List<Municipal> Municipalities { get; } = [];
    public Dictionary<string, Entry> LateElderly { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<Entry>> Employers { get; } = new(StringComparer.Ordinal);

    /// <summary>Every insurer the scenario did not declare, in a stable order, to add to its insurers.</summary>
    public List<InsurerSpec> Generated { get; } = [];

    public static InsurerPool Build(Scenario s, PopulationSpec spec)
    {
        var pool = new InsurerPool();
        var taken = new HashSet<string>(s.Insurers.Select(i => i.Number), StringComparer.Ordinal);
        foreach (var m in PopulationTables.Municipalities.Take(spec.Municipalities))
        {
            var pref = m.PrefectureCode;
            // LTC insurer numbers follow the municipality; NHI numbers take an insurer code of their own (9xx here).
            var ltc = pool.Add(s, $"ltc-{m.Code}", "ltc", $"{m.Name}介護保険", Unique(pref + m.Code5[2..], taken));
            var nhi = pool.Add(s, $"nhi-{m.Code}", "nhi", $"{m.Name}国民健康保険", Unique(pref + "9" + m.Code5[3..], taken));
            pool.Municipalities.Add(new Municipal(m, nhi, ltc));
            if (!pool.LateElderly.ContainsKey(pref))
            {
                var name = PopulationTables.Prefectures[pref] + "後期高齢者医療広域連合";
                pool.LateElderly[pref] = pool.Add(s, $"kouki-{pref}", "late-elderly", name, Unique(LawCodes["late-elderly"] + pref + "000", taken));
            }
        }
        foreach (var (kind, count) in spec.Employers.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var list = pool.Employers[kind] = [];
            list.AddRange(s.Insurers.Where(i => i.Kind == kind && i.External is null).Select((i, n) => new Entry(i) { Symbols = SymbolsFor(n) }));
            for (var n = 1; n <= (int)count; n++)
            {
                var pref = pool.Municipalities[(n - 1) % pool.Municipalities.Count].Table.PrefectureCode;
                var name = kind switch
                {
                    "national-association" => $"全国健康保険協会 {PopulationTables.Prefectures[pref]}支部",
                    "mutual-aid" => $"{PopulationTables.Prefectures[pref]}職員共済組合 第{n}",
                    _ => $"{PopulationTables.FamilyNames[(n - 1) % PopulationTables.FamilyNames.Count].Kanji}工業健康保険組合 第{n}",
                };
                var id = $"{IdPrefixes[kind]}-{n.ToString("D3", CultureInfo.InvariantCulture)}";
                var body = LawCodes[kind] + pref + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
                list.Add(pool.Add(s, id, kind, name, Unique(body, taken), SymbolsFor(n)));
            }
        }
        return pool;
    }

    private Entry Add(Scenario s, string id, string kind, string name, string number, string[]? symbols = null)
    {
        var spec = new InsurerSpec { Id = id, Kind = kind, Name = name, Number = number, Line = s.Population!.Line, Column = s.Population.Column };
        Generated.Add(spec);
        return new Entry(spec) { Symbols = symbols ?? [] };
    }

    /// <summary>Three office symbols per employee insurer, e.g. 101, 102, 103.</summary>
    private static string[] SymbolsFor(int n) =>
        [.. Enumerable.Range(1, 3).Select(k => (100 * (n % 9 + 1) + k).ToString(CultureInfo.InvariantCulture))];

    /// <summary>The body with its check digit, moved on to the next free body if the number is taken.</summary>
    private static string Unique(string body, HashSet<string> taken)
    {
        var value = long.Parse(body, CultureInfo.InvariantCulture);
        while (true)
        {
            var number = IdentifierRules.WithCheckDigit(value.ToString(new string('0', body.Length), CultureInfo.InvariantCulture));
            if (taken.Add(number)) return number;
            value++;
        }
    }
}

using Bogus;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Population;

/// <summary>A weighted choice among the entries of a distribution, in the order of its keys so the draw is stable.</summary>
internal sealed class Draw<T>(IReadOnlyList<T> values, double[] cumulative)
{
    public T Pick(Randomizer random)
    {
        var x = random.Double() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return values[Math.Min(i < 0 ? ~i : i + 1, values.Count - 1)];
    }
}

internal static class Draw
{
    public static Draw<T> Of<T>(Weights weights, Func<string, T> parse)
    {
        var entries = weights.Where(w => w.Value > 0).OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
        var sum = 0.0;
        var cumulative = entries.Select(e => sum += e.Value).ToArray();
        return new Draw<T>([.. entries.Select(e => parse(e.Key))], cumulative);
    }
}

using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Records;

/// <summary>An insurer's eligibility and benefit records, read as of a given instant.</summary>
public sealed class InsurerBook
{
    private readonly Lock _gate = new();
    private readonly List<QualificationFact> _facts = [];
    private readonly Dictionary<string, List<BenefitRecord>> _benefits = new(StringComparer.Ordinal);

    public void Add(QualificationFact fact)
    {
        lock (_gate) _facts.Add(fact);
    }

    public void AddBenefit(string personKey, BenefitRecord record)
    {
        lock (_gate)
        {
            if (!_benefits.TryGetValue(personKey, out var list)) _benefits[personKey] = list = [];
            list.Add(record);
        }
    }

    /// <summary>The newest registered version of every qualification, as the database stood at <paramref name="now"/>.</summary>
    public IReadOnlyList<QualificationFact> RegisteredAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _facts.Where(f => f.RegisteredAt <= now)
                .GroupBy(f => f.QualificationId)
                // Versions registered at the same instant: the one added last is the newer (a stable sort keeps insertion order).
                .Select(g => g.OrderBy(f => f.RegisteredAt).Last())
                .ToList();
        }
    }

    /// <summary>Versions notified to the insurer but not yet registered for a person (the first lag stage seen from outside).</summary>
    public IReadOnlyList<QualificationFact> PendingFor(string personKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _facts.Where(f => f.PersonKey == personKey && f.NotifiedAt <= now && now < f.RegisteredAt).ToList();
        }
    }

    public IReadOnlyList<BenefitRecord> BenefitsOf(string personKey)
    {
        lock (_gate) return _benefits.TryGetValue(personKey, out var list) ? list.ToList() : [];
    }
}

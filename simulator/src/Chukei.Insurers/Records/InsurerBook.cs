using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Records;

/// <summary>
/// An insurer's eligibility and benefit records, read as of a given instant. Versions are indexed by qualification,
/// by number and by person, so an inquiry reads only the records it concerns however large the book is.
/// </summary>
public sealed class InsurerBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<QualificationFact>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byPerson = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BenefitRecord>> _benefits = new(StringComparer.Ordinal);

    public void Add(QualificationFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        lock (_gate)
        {
            if (!_versions.TryGetValue(fact.QualificationId, out var versions))
            {
                _versions[fact.QualificationId] = versions = new List<QualificationFact>(1);
                Index(_byNumber, fact.Number, fact.QualificationId);
                Index(_byPerson, fact.PersonKey, fact.QualificationId);
            }
            versions.Add(fact);
        }
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
        lock (_gate) return Newest(_versions.Keys, now);
    }

    /// <summary>The newest registered version of each qualification under this card or insured number.</summary>
    public IReadOnlyList<QualificationFact> RegisteredWithNumber(string number, DateTimeOffset now)
    {
        lock (_gate) return _byNumber.TryGetValue(number, out var ids) ? Newest(ids, now).Where(f => f.Number == number).ToList() : [];
    }

    /// <summary>The newest registered version of each of a person's qualifications.</summary>
    public IReadOnlyList<QualificationFact> RegisteredFor(string personKey, DateTimeOffset now)
    {
        lock (_gate) return _byPerson.TryGetValue(personKey, out var ids) ? Newest(ids, now) : [];
    }

    /// <summary>Versions notified to the insurer but not yet registered for a person (the first lag stage seen from outside).</summary>
    public IReadOnlyList<QualificationFact> PendingFor(string personKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_byPerson.TryGetValue(personKey, out var ids)) return [];
            return ids.SelectMany(id => _versions[id]).Where(f => f.NotifiedAt <= now && now < f.RegisteredAt).ToList();
        }
    }

    public IReadOnlyList<BenefitRecord> BenefitsOf(string personKey)
    {
        lock (_gate) return _benefits.TryGetValue(personKey, out var list) ? list.ToList() : [];
    }

    private List<QualificationFact> Newest(IEnumerable<string> ids, DateTimeOffset now)
    {
        var result = new List<QualificationFact>();
        foreach (var id in ids)
        {
            // Versions registered at the same instant: the one added last is the newer.
            QualificationFact? newest = null;
            foreach (var f in _versions[id])
            {
                if (f.RegisteredAt <= now && (newest is null || f.RegisteredAt >= newest.RegisteredAt)) newest = f;
            }
            if (newest is not null) result.Add(newest);
        }
        return result;
    }

    private static void Index(Dictionary<string, List<string>> index, string key, string id)
    {
        if (!index.TryGetValue(key, out var ids)) index[key] = ids = new List<string>(1);
        ids.Add(id);
    }
}

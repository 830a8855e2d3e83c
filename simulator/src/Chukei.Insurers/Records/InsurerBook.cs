using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Records;

/// <summary>
/// An insurer's eligibility and benefit records, read as of a given instant. Versions are kept per person and
/// indexed by number, so an inquiry reads only the records it concerns however large the book is; both indexes
/// hold a single entry without a list for the common case of one record, because a generated population puts
/// millions of records in the books.
/// </summary>
public sealed class InsurerBook
{
    private readonly Lock _gate = new();

    // Every version of every qualification, in the order added, grouped by person: one QualificationFact, or several
    // (a QualificationFact[]).
    private readonly Dictionary<string, object> _byPerson = new(StringComparer.Ordinal);

    // Card or insured number → the person key holding it (a string), or several (a List<string>).
    private readonly Dictionary<string, object> _byNumber = new(StringComparer.Ordinal);

    // Persons in the order their first record arrived, so the whole book reads in a stable order.
    private readonly List<string> _people = [];
    private readonly Dictionary<string, List<BenefitRecord>> _benefits = new(StringComparer.Ordinal);

    public void Add(QualificationFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        lock (_gate)
        {
            if (_byPerson.TryGetValue(fact.PersonKey, out var held))
            {
                QualificationFact[] versions = [.. Versions(held), fact];
                _byPerson[fact.PersonKey] = versions;
            }
            else
            {
                _byPerson[fact.PersonKey] = fact;
                _people.Add(fact.PersonKey);
            }
            IndexNumber(fact);
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
        lock (_gate) return _people.SelectMany(p => Newest(_byPerson[p], now)).ToList();
    }

    /// <summary>The newest registered version of each qualification under this card or insured number.</summary>
    public IReadOnlyList<QualificationFact> RegisteredWithNumber(string number, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_byNumber.TryGetValue(number, out var holders)) return [];
            var people = holders as List<string> ?? [(string)holders];
            return people.SelectMany(p => Newest(_byPerson[p], now)).Where(f => f.Number == number).ToList();
        }
    }

    /// <summary>The newest registered version of each of a person's qualifications.</summary>
    public IReadOnlyList<QualificationFact> RegisteredFor(string personKey, DateTimeOffset now)
    {
        lock (_gate) return _byPerson.TryGetValue(personKey, out var held) ? Newest(held, now) : [];
    }

    /// <summary>Versions notified to the insurer but not yet registered for a person (the first lag stage seen from outside).</summary>
    public IReadOnlyList<QualificationFact> PendingFor(string personKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _byPerson.TryGetValue(personKey, out var held) ? Versions(held).Where(f => f.NotifiedAt <= now && now < f.RegisteredAt).ToList() : [];
        }
    }

    public IReadOnlyList<BenefitRecord> BenefitsOf(string personKey)
    {
        lock (_gate) return _benefits.TryGetValue(personKey, out var list) ? list.ToList() : [];
    }

    private static QualificationFact[] Versions(object held) => held as QualificationFact[] ?? [(QualificationFact)held];

    /// <summary>Per qualification (in the order first added), the version registered last by <paramref name="now"/>; at equal instants the one added last.</summary>
    private static List<QualificationFact> Newest(object held, DateTimeOffset now)
    {
        if (held is QualificationFact one) return one.RegisteredAt > now ? [] : [one];
        var versions = (QualificationFact[])held;
        var result = new List<QualificationFact>(versions.Length);
        foreach (var f in versions)
        {
            if (f.RegisteredAt > now) continue;
            var i = result.FindIndex(r => r.QualificationId == f.QualificationId);
            if (i < 0) result.Add(f);
            else if (f.RegisteredAt >= result[i].RegisteredAt) result[i] = f;
        }
        return result;
    }

    private void IndexNumber(QualificationFact fact)
    {
        if (!_byNumber.TryGetValue(fact.Number, out var holders)) { _byNumber[fact.Number] = fact.PersonKey; return; }
        switch (holders)
        {
            case string one when one != fact.PersonKey:
                _byNumber[fact.Number] = new List<string> { one, fact.PersonKey };
                break;
            case List<string> many when !many.Contains(fact.PersonKey):
                many.Add(fact.PersonKey);
                break;
        }
    }
}

using Bogus;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Population;

/// <summary>
/// Seeded life events for generated households over the period, as timeline events that <see cref="LifeEvents"/>
/// expands like hand-written ones. Each household's events are played in date order against its state, so an event
/// never contradicts an earlier one (no job change after death, a newborn only under an insured parent, a move takes
/// the whole household). Dependants follow their head: they change insurer with a job change, and after a
/// retirement or the head's death they join the municipality's NHI when (and if) the head does.
/// </summary>
internal static class LifeEventGenerator
{
    public static readonly IReadOnlyList<string> RateKeys = ["job-change", "retire", "move", "birth", "death-under-65", "death-65-74", "death-75-plus"];

    /// <summary>Yearly rates per 1,000, roughly Japan's: job changers ~5 % of employees, ~4–5 % of people move municipality.</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultRates = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["job-change"] = 50, ["retire"] = 150, ["move"] = 45, ["birth"] = 70, ["death-under-65"] = 1.5, ["death-65-74"] = 12, ["death-75-plus"] = 55,
    };

    private enum Kind { Death, JobChange, Retire, JoinNhi, Move, Birth, Turn65, Turn75 }

    private sealed record Ev(DateOnly At, Kind Kind, Member? Who);

    public static void Generate(Scenario s, PopulationSpec spec, List<Household> households, InsurerPool pool, DateOnly today, int width, Randomizer random)
    {
        if (spec.Events is not { } events) return;
        var from = ScenarioValidator.ParseDate(events.From) ?? today;
        var days = (int)ScenarioValidator.ParseDuration(events.Period)!.Value.TotalDays;
        var until = from.AddDays(days);
        double P(string key) => (events.Rates.TryGetValue(key, out var r) ? r : DefaultRates[key]) / 1000 * days / 365.0;
        var ctx = new Context(s, events, pool, random, width, s.People.Count);
        var employeeKinds = pool.Employers.Where(e => e.Value.Count > 0).Select(e => e.Key).ToArray();
        var queue = new PriorityQueue<Ev, (DateOnly, int)>();
        foreach (var h in households)
        {
            var order = 0;
            void At(DateOnly day, Kind kind, Member? who) { if (day >= from && day < until) queue.Enqueue(new Ev(day, kind, who), (day, order++)); }
            DateOnly Someday() => from.AddDays(random.Number(days - 1));
            foreach (var m in h.Members)
            {
                var age = m.AgeOn(from);
                if (random.Double() < P(age < 65 ? "death-under-65" : age < 75 ? "death-65-74" : "death-75-plus")) At(Someday(), Kind.Death, m);
                if (m.IsEmployee && random.Double() < P("job-change")) At(Someday(), Kind.JobChange, m);
                if (m.IsEmployee && age >= 60 && random.Double() < P("retire")) At(Someday(), Kind.Retire, m);
                At(AgeInLaw.DayReached(m.Birth, AgeInLaw.LtcPrimaryFrom), Kind.Turn65, m);
                At(AgeInLaw.LateElderlyStarts(m.Birth), Kind.Turn75, m);
            }
            if (pool.Municipalities.Count > 1 && random.Double() < P("move")) At(Someday(), Kind.Move, null);
            if (h.Head.AgeOn(from) is >= 20 and <= 44 && random.Double() < P("birth")) At(Someday(), Kind.Birth, null);
            while (queue.TryDequeue(out var ev, out _)) Apply(ctx, h, ev, employeeKinds, (day, who) => At(day, Kind.JoinNhi, who));
        }
    }

    private sealed class Context(Scenario s, PopulationEventsSpec at, InsurerPool pool, Randomizer random, int width, int serial)
    {
        private int _next;

        public Scenario Scenario { get; } = s;
        public InsurerPool Pool { get; } = pool;
        public Randomizer Random { get; } = random;
        public int Width { get; } = width;
        public int Serial { get; set; } = serial;

        public TimelineEventSpec Add(string kind, Member who, DateOnly day, string insurer = "")
        {
            var e = new TimelineEventSpec
            {
                Id = $"{who.Spec.Id}/{kind}-{++_next}", At = Dates.Text(day), Event = kind, Person = who.Spec.Id, Insurer = insurer,
                Generated = true, Line = at.Line, Column = at.Column,
            };
            Scenario.Timeline.Add(e);
            return e;
        }
    }

    private static void Apply(Context c, Household h, Ev ev, string[] employeeKinds, Action<DateOnly, Member> joinNhiLater)
    {
        var m = ev.Who;
        if (m?.Died is not null) return;
        switch (ev.Kind)
        {
            case Kind.Death:
                c.Add("death", m!, ev.At);
                var wasHead = m!.IsEmployee && ReferenceEquals(h.Head, m);
                m.Died = ev.At;
                if (wasHead) Orphan(c, h, m, ev.At.AddDays(1), LossReasons.Other, join: true);
                m.Medical = null;
                break;
            case Kind.JobChange when m!.IsEmployee:
                var kind = employeeKinds[c.Random.Number(employeeKinds.Length - 1)];
                var candidates = c.Pool.Employers[kind].Where(e => e != m.Medical).ToList();
                if (candidates.Count == 0) break;
                var next = PopulationGenerator.Pick(candidates, c.Random);
                var job = c.Add("job-change", m, ev.At);
                (job.From, job.To, job.Symbol, job.Number, job.Branch) = (m.Medical!.Spec.Id, next.Spec.Id, next.Symbols[c.Random.Number(next.Symbols.Length - 1)], next.NextNumber("D1"), "00");
                job.CopaymentRatio = Ratio(m, ev.At);
                var old = m.Medical;
                m.Medical = next;
                if (!ReferenceEquals(h.Head, m)) break;
                (h.Symbol, h.Number) = (job.Symbol, job.Number);
                foreach (var d in Dependants(h, old))
                {
                    var lose = c.Add("lose", d, ev.At, old.Spec.Id);
                    lose.ReasonOfLoss = LossReasons.OtherInsurance;
                    var acquire = c.Add("acquire", d, ev.At, next.Spec.Id);
                    (acquire.Symbol, acquire.Number, acquire.Branch, acquire.PersonalFamilyClassification, acquire.CopaymentRatio) = (h.Symbol, h.Number, d.Branch, "2", Ratio(d, ev.At));
                    d.Medical = next;
                }
                break;
            case Kind.Retire when m!.IsEmployee:
                var retire = c.Add("retire", m, ev.At);
                retire.From = m.Medical!.Spec.Id;
                var left = m.Medical;
                m.Medical = null;
                var choice = c.Random.Double();
                // Most join their municipality's NHI the same day, some weeks later, some not at all: the fall-through cases.
                if (choice < 0.6) JoinNhi(c, h, m, retire, ev.At);
                else if (choice < 0.9) joinNhiLater(ev.At.AddDays(c.Random.Number(5, 60)), m);
                if (ReferenceEquals(h.Head, m)) Orphan(c, h, m, ev.At, LossReasons.Other, join: m.Medical is not null, from: left);
                break;
            case Kind.JoinNhi when m!.Medical is null:
                JoinNhi(c, h, m, null, ev.At);
                if (ReferenceEquals(h.Head, m))
                {
                    foreach (var d in h.Members.Where(d => d.Dependant && d.Medical is null && d.Died is null)) JoinNhi(c, h, d, null, ev.At);
                }
                break;
            case Kind.Move:
                Move(c, h, ev.At);
                break;
            case Kind.Birth when h.Head is { Died: null, Medical: not null } parent && parent.AgeOn(ev.At) is >= 20 and <= 44:
                var child = PopulationGenerator.NewMember(c.Scenario, h, PopulationTables.FamilyNames.First(f => parent.Spec.Name.StartsWith(f.Kanji + " ", StringComparison.Ordinal)),
                    c.Random.Bool(), ev.At, ++c.Serial, c.Width, c.Random);
                child.Medical = parent.Medical;
                child.Dependant = parent.IsEmployee;
                child.Branch = PopulationGenerator.Branch(h.NextBranch++);
                var birth = c.Add("birth", child, ev.At);
                (birth.Parent, birth.Branch) = (parent.Spec.Id, child.Branch);
                break;
            case Kind.Turn65 when !m!.HoldsLtc:
                var ltc = c.Add("turn-65", m, ev.At);
                (ltc.To, ltc.Number, ltc.CopaymentRatio) = (h.Home.Ltc.Spec.Id, h.Home.Ltc.NextNumber("D10"), 10);
                m.HoldsLtc = true;
                break;
            case Kind.Turn75:
                var kouki = c.Pool.LateElderly[h.Home.Table.PrefectureCode];
                var elderly = c.Add("turn-75", m!, ev.At);
                (elderly.To, elderly.Number, elderly.Branch, elderly.CopaymentRatio) = (kouki.Spec.Id, kouki.NextNumber("D8"), "00", 10);
                if (m!.IsEmployee && ReferenceEquals(h.Head, m)) Orphan(c, h, m, ev.At, LossReasons.Other, join: true);
                (m.Medical, m.Dependant) = (kouki, false);
                break;
        }
    }

    /// <summary>The head's dependants lose their cover with the head's; they join the NHI at once when <paramref name="join"/>.</summary>
    private static void Orphan(Context c, Household h, Member head, DateOnly day, string reason, bool join, InsurerPool.Entry? from = null)
    {
        foreach (var d in Dependants(h, from ?? head.Medical))
        {
            var lose = c.Add("lose", d, day, d.Medical!.Spec.Id);
            lose.ReasonOfLoss = reason;
            d.Medical = null;
            if (join) JoinNhi(c, h, d, null, day);
        }
    }

    private static List<Member> Dependants(Household h, InsurerPool.Entry? under) =>
        h.Members.Where(d => d.Dependant && d.Died is null && d.Medical == under && under is not null).ToList();

    private static void JoinNhi(Context c, Household h, Member m, TimelineEventSpec? retire, DateOnly day)
    {
        var nhi = h.Home.Nhi;
        var e = retire ?? c.Add("acquire", m, day, nhi.Spec.Id);
        if (retire is not null) e.To = nhi.Spec.Id;
        (e.Symbol, e.Number, e.Branch, e.CopaymentRatio) = (NhiSymbol(h), nhi.NextNumber("D1"), "00", Ratio(m, day));
        (m.Medical, m.Dependant, m.Branch) = (nhi, false, "00");
    }

    private static void Move(Context c, Household h, DateOnly day)
    {
        var others = c.Pool.Municipalities.Where(x => x != h.Home).ToList();
        var home = others[c.Random.Number(others.Count - 1)];
        h.Home = home;
        h.Address = PopulationGenerator.AddressIn(home, c.Random);
        foreach (var m in h.Members.Where(m => m.Died is null))
        {
            var move = c.Add("move", m, day);
            move.To = home.Nhi.Spec.Id;
            if (m.Medical is { } med && med.Spec.Kind == "nhi")
            {
                (move.Symbol, move.Number, move.Branch, move.CopaymentRatio) = (NhiSymbol(h), home.Nhi.NextNumber("D1"), m.Branch ?? "00", Ratio(m, day));
                m.Medical = home.Nhi;
            }
            if (m.HoldsLtc) (move.Ltc, move.LtcNumber) = (home.Ltc.Spec.Id, home.Ltc.NextNumber("D10"));
        }
    }

    private static string NhiSymbol(Household h) => h.Home.Table.Name[..^1];

    private static int Ratio(Member m, DateOnly day) => PopulationGenerator.CopaymentRatio(m.AgeOn(day));
}

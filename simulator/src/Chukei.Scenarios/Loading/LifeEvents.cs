using Chukei.Contracts.Wire;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Loading;

/// <summary>
/// Life events expanded into the enrolment changes the Japanese rules imply, so a scenario author writes "Jiro
/// retires" rather than the losses and acquisitions it means (docs/scenarios.md "Life events"):
/// <list type="bullet">
/// <item>hire: acquire at <c>to</c>.</item>
/// <item>job-change: lose the old medical insurance (reason 03, other insurance) and acquire <c>to</c> on the same day.</item>
/// <item>retire: lose the employee insurance (reason 99); with <c>to</c> (the municipality's NHI), acquire it the same day.</item>
/// <item>move: the relay learns the new residence (<c>reside</c>, with <c>to</c> the new municipality's NHI); a person
/// on NHI loses the old municipality's and acquires <c>to</c> (new card in symbol/number/branch); a person holding LTC
/// insurance loses it and acquires <c>ltc</c> (new number in <c>ltcNumber</c>); employee insurance is unchanged.</item>
/// <item>death: lose every open qualification, reason 01, from the day after death; the relay forgets the residence
/// (<c>died</c>), so a death is never reported as a fall-through.</item>
/// <item>birth: acquire as a dependant (家族) at the parent's medical insurer, under the parent's card number.</item>
/// <item>turn-40: no enrolment changes. From the day before the 40th birthday the person is a secondary LTC insured
/// (介護保険第2号被保険者) for as long as a medical insurance covers them, and that insurer collects LTC premiums; the
/// insurer derives it from the birth date it holds (ELG-023). The event names the day and what follows from it.</item>
/// <item>turn-65: acquire LTC at <c>to</c> (primary insured, 第1号被保険者) on the day before the 65th birthday, the day
/// the law counts the age as reached (年齢計算ニ関スル法律, 民法 143).</item>
/// <item>turn-75: lose the medical insurance and acquire the late-elderly system at <c>to</c> on the 75th birthday.</item>
/// </list>
/// Expanded events keep the position of the life event, so every later rule still points at the author's line.
/// </summary>
public static class LifeEvents
{
    public static readonly IReadOnlyList<string> Kinds = ["acquire", "lose", "hire", "job-change", "retire", "move", "death", "birth", "turn-40", "turn-65", "turn-75", "reside"];

    /// <summary>The basic event a turn-40 becomes: the day age 40 is reached, with the medical insurer covering the person then (or none).</summary>
    public const string AgeFortyReached = "age-40";

    public static List<TimelineEventSpec> Expand(Scenario s, Action<ScenarioNode, string> error)
    {
        var insurers = s.Insurers.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var people = new Dictionary<string, PersonSpec>(StringComparer.Ordinal);
        foreach (var p in s.People) people.TryAdd(p.Id, p);
        var expanded = new List<TimelineEventSpec>(s.Timeline.Count * 2);
        // Each person's expanded events so far: what they hold and which card they have, without rescanning everything.
        var byPerson = new Dictionary<string, List<TimelineEventSpec>>(StringComparer.Ordinal);
        void Emit(TimelineEventSpec e)
        {
            expanded.Add(e);
            if (!byPerson.TryGetValue(e.Person, out var list)) byPerson[e.Person] = list = [];
            list.Add(e);
        }
        // Open medical enrolments as the timeline plays out, to know what a job change or retirement leaves.
        var openMedical = new Dictionary<string, string>(StringComparer.Ordinal);
        // Only people the timeline names: a generated population has millions who never change.
        var involved = new HashSet<string>(s.Timeline.Select(e => e.Person).Concat(s.Timeline.Select(e => e.Parent).OfType<string>()), StringComparer.Ordinal);
        foreach (var p in s.People)
        {
            if (!involved.Contains(p.Id)) continue;
            foreach (var e in p.Enrolments.Where(e => e.To is null && insurers.TryGetValue(e.Insurer, out var i) && i.Kind != "ltc")) openMedical[p.Id] = e.Insurer;
        }
        // Birthdays first, so the events can be played in date order.
        foreach (var ev in s.Timeline.Where(e => e.Event is "turn-40" or "turn-65" or "turn-75" && string.IsNullOrEmpty(e.At)))
        {
            if (people.TryGetValue(ev.Person, out var p) && ScenarioValidator.ParseDate(p.BirthDate) is { } birth)
                ev.At = (ev.Event switch
                {
                    "turn-40" => AgeInLaw.DayReached(birth, AgeInLaw.LtcSecondaryFrom),
                    "turn-65" => AgeInLaw.DayReached(birth, AgeInLaw.LtcPrimaryFrom),
                    _ => AgeInLaw.LateElderlyStarts(birth),
                }).ToString("yyyy-MM-dd", null);
            else if (ev.Event != "turn-40") error(ev, $"timeline event '{ev.Id}': {ev.Person} needs a birthDate, or give 'at'");
        }
        foreach (var ev in s.Timeline.OrderBy(e => e.At, StringComparer.Ordinal))
        {
            var mine = byPerson.GetValueOrDefault(ev.Person) ?? [];
            var where = $"timeline event '{ev.Id}'";
            if (!Kinds.Contains(ev.Event)) { error(ev, $"{where}: event '{ev.Event}' must be one of {string.Join(", ", Kinds)}"); continue; }
            if (!people.TryGetValue(ev.Person, out var person)) { error(ev, $"{where}: person '{ev.Person}' is not defined in people"); continue; }
            var date = ScenarioValidator.ParseDate(ev.At);
            TimelineEventSpec Derived(string suffix, string kind, string insurer, string? reasonOfLoss = null, string? at = null) => new()
            {
                Id = $"{ev.Id}/{suffix}", At = at ?? ev.At, Event = kind, Person = ev.Person, Insurer = insurer, Symbol = ev.Symbol, Number = ev.Number,
                Branch = ev.Branch, CopaymentRatio = ev.CopaymentRatio, PersonalFamilyClassification = ev.PersonalFamilyClassification,
                ReasonOfLoss = kind == "lose" ? reasonOfLoss ?? ev.ReasonOfLoss : null, Lag = ev.Lag, Line = ev.Line, Column = ev.Column,
                Generated = ev.Generated,
            };
            string? Need(string? insurerId, string role)
            {
                if (insurerId is null) { error(ev, $"{where}: '{role}' is required for {ev.Event}"); return null; }
                if (!insurers.ContainsKey(insurerId)) { error(ev, $"{where}: {role} '{insurerId}' is not defined in insurers"); return null; }
                return insurerId;
            }
            switch (ev.Event)
            {
                case "acquire" or "lose" or "reside":
                    Emit(ev);
                    if (ev.Event != "reside" && insurers.TryGetValue(ev.Insurer, out var basic) && basic.Kind != "ltc")
                    {
                        if (ev.Event == "acquire") openMedical[ev.Person] = ev.Insurer;
                        else openMedical.Remove(ev.Person);
                    }
                    break;
                case "hire":
                    if (Need(ev.To, "to") is { } hired) { Emit(Derived("acquire", "acquire", hired)); openMedical[ev.Person] = hired; }
                    break;
                case "job-change" or "retire":
                    var left = ev.From ?? openMedical.GetValueOrDefault(ev.Person);
                    if (left is null) { error(ev, $"{where}: {person.Id} has no open medical insurance to leave; give 'from'"); break; }
                    Emit(Derived("lose", "lose", left, ev.ReasonOfLoss ?? (ev.Event == "job-change" ? LossReasons.OtherInsurance : LossReasons.Other)));
                    openMedical.Remove(ev.Person);
                    var joined = ev.Event == "job-change" ? Need(ev.To, "to") : ev.To is null ? null : Need(ev.To, "to");
                    if (joined is not null) { Emit(Derived("acquire", "acquire", joined)); openMedical[ev.Person] = joined; }
                    break;
                case "death":
                    // Qualifications end the day after death (死亡日の翌日に資格喪失).
                    var after = date?.AddDays(1).ToString("yyyy-MM-dd", null) ?? ev.At;
                    // The resident registry records the death; the relay stops watching the person for fall-through.
                    Emit(Derived("died", "died", ""));
                    foreach (var held in HeldBy(person, mine))
                        Emit(Derived($"lose-{held}", "lose", held, LossReasons.Death, after));
                    openMedical.Remove(ev.Person);
                    break;
                case "birth":
                    if (ev.Parent is null || !people.TryGetValue(ev.Parent, out var parent)) { error(ev, $"{where}: 'parent' must name a person of the scenario"); break; }
                    if (!openMedical.TryGetValue(parent.Id, out var parentInsurer)) { error(ev, $"{where}: the parent {parent.Id} has no open medical insurance to cover the child"); break; }
                    var card = CardOf(parent, byPerson.GetValueOrDefault(parent.Id) ?? [], parentInsurer);
                    var child = Derived("acquire", "acquire", parentInsurer);
                    child.Symbol = card.Symbol;
                    child.Number = card.Number;
                    child.PersonalFamilyClassification = "2";
                    child.CopaymentRatio = ev.CopaymentRatio == 30 ? 20 : ev.CopaymentRatio; // preschool children pay 20 %
                    Emit(child);
                    openMedical[ev.Person] = parentInsurer;
                    break;
                case "move":
                    if (Need(ev.To, "to") is not { } nhi) break;
                    if (insurers[nhi].Kind != "nhi") { error(ev, $"{where}: 'to' must name the new municipality's nhi insurer"); break; }
                    Emit(Derived("reside", "reside", nhi));
                    if (openMedical.TryGetValue(ev.Person, out var current) && insurers.TryGetValue(current, out var currentSpec) && currentSpec.Kind == "nhi" && current != nhi)
                    {
                        if (ev.Number is null) { error(ev, $"{where}: {person.Id} is on {current}'s NHI; give the new card's 'number'"); break; }
                        Emit(Derived("lose", "lose", current, LossReasons.Other));
                        Emit(Derived("acquire", "acquire", nhi));
                        openMedical[ev.Person] = nhi;
                    }
                    var ltcHeld = HeldBy(person, mine).Where(i => insurers.TryGetValue(i, out var k) && k.Kind == "ltc").ToList();
                    if (ltcHeld.Count == 0) break;
                    if (Need(ev.Ltc, "ltc") is not { } newLtc) break;
                    foreach (var oldLtc in ltcHeld.Where(i => i != newLtc)) Emit(Derived($"lose-{oldLtc}", "lose", oldLtc, LossReasons.Other));
                    if (ltcHeld.Contains(newLtc)) break;
                    var joinedLtc = Derived("acquire-ltc", "acquire", newLtc);
                    (joinedLtc.Symbol, joinedLtc.Number, joinedLtc.Branch, joinedLtc.CopaymentRatio) = (null, ev.LtcNumber, null, 10);
                    Emit(joinedLtc);
                    break;
                case "turn-40":
                    if (ScenarioValidator.ParseDate(person.BirthDate) is not { } born)
                    {
                        error(ev, $"{where}: {person.Id} needs a birthDate: turning 40 follows from it, and so does what the medical insurer answers");
                        break;
                    }
                    var reached = AgeInLaw.DayReached(born, AgeInLaw.LtcSecondaryFrom);
                    if (date != reached)
                    {
                        error(ev, $"{where}: {person.Id} reaches 40 on {reached:yyyy-MM-dd} (the day before the 40th birthday, as the law counts age); write that date or leave 'at' out");
                        break;
                    }
                    // The insurer covering the person that day: a starting enrolment that begins later does not count.
                    var coveredBy = openMedical.GetValueOrDefault(ev.Person);
                    if (coveredBy is not null && !mine.Any(m => m.Insurer == coveredBy && m.Event == "acquire")
                        && ScenarioValidator.ParseDate(person.Enrolments.LastOrDefault(e => e.Insurer == coveredBy)?.From) > date) coveredBy = null;
                    Emit(Derived("age-40", AgeFortyReached, coveredBy ?? ""));
                    break;
                case "turn-65":
                    if (Need(ev.To, "to") is { } ltc) Emit(Derived("acquire", "acquire", ltc));
                    break;
                case "turn-75":
                    if (openMedical.TryGetValue(ev.Person, out var before)) Emit(Derived("lose", "lose", before, ev.ReasonOfLoss ?? LossReasons.Other));
                    if (Need(ev.To, "to") is { } elderly)
                    {
                        var entered = Derived("acquire", "acquire", elderly);
                        entered.CopaymentRatio = ev.CopaymentRatio == 30 ? 10 : ev.CopaymentRatio; // 1割 unless income says otherwise
                        Emit(entered);
                        openMedical[ev.Person] = elderly;
                    }
                    break;
            }
        }
        return expanded;
    }

    /// <summary>The insurers <paramref name="person"/> holds an open qualification with, given their expanded events so far.</summary>
    private static List<string> HeldBy(PersonSpec person, List<TimelineEventSpec> theirs)
    {
        var held = new HashSet<string>(person.Enrolments.Where(e => e.To is null).Select(e => e.Insurer), StringComparer.Ordinal);
        foreach (var e in theirs)
        {
            if (e.Event == "acquire") held.Add(e.Insurer);
            else if (e.Event == "lose") held.Remove(e.Insurer);
        }
        return held.Order(StringComparer.Ordinal).ToList();
    }

    private static (string? Symbol, string? Number) CardOf(PersonSpec person, List<TimelineEventSpec> theirs, string insurerId)
    {
        var acquired = theirs.LastOrDefault(e => e.Insurer == insurerId && e.Event == "acquire");
        if (acquired is not null) return (acquired.Symbol, acquired.Number);
        var enrolment = person.Enrolments.Last(e => e.Insurer == insurerId);
        return (enrolment.Symbol, enrolment.Number);
    }
}

using System.Globalization;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;

namespace Chukei.Scenarios.Running;

/// <summary>The figure-5 steps ①–⑥ as scenario actions, printed as they happen.</summary>
internal sealed class FlowSteps(SimulatedNetwork network)
{
    /// <summary>Told of every answered inquiry: the person, the relay's entry that opened it, the step.</summary>
    public Action<string, string, string>? Answered { get; set; }

    public async Task DirectAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var lookup = await LookupAsync(step, r, ct);
        if (lookup?.Answer is not { Outcome: LookupOutcome.Found } found) return;

        var seal = Tamper(found.Seal!, step.Tamper, r);
        var presenter = step.Tamper is { } t && t.StartsWith("present-by:", StringComparison.Ordinal) ? t[11..] : step.Requester!;
        var inquiry = new InquiryRequest { Seal = seal, Items = Items(step), ServiceDate = ScenarioValidator.ParseDate(step.ServiceDate), CorrelationId = found.CorrelationId };
        var target = found.Target!.PartyId;
        r.Lines.Add($"③ {presenter} → {target}: inquiry with the seal, items {string.Join(",", inquiry.Items)}, service date {inquiry.ServiceDate?.ToString("yyyy-MM-dd", null) ?? "today"}");
        var client = network.Insurers[presenter].Client;
        var answer = await client.PostAsync<InquiryRequest, InquiryAnswer>(target, "/v1/inquiries", inquiry, ct);
        if (step.Tamper == "replay" && answer.IsSuccess)
        {
            r.Lines.Add($"   {presenter} presents the same seal again");
            answer = await client.PostAsync<InquiryRequest, InquiryAnswer>(target, "/v1/inquiries", inquiry, ct);
        }
        Report(target, presenter, answer, r);
        if (answer.IsSuccess) Answered?.Invoke(step.Person!, found.LogEntryId, step.Id);
        Expect(step.Expect, answer.Answer, answer.Problem, r);
        await PersonLogAsync(step.Person!, null, r, ct, found.LogEntryId, step.Expect?.Logged ?? step.Tamper is null);
    }

    public async Task RoutedAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var requester = network.RequesterFor(step.Requester!);
        var request = new RoutedInquiryRequest
        {
            Subject = Subject(step), TargetKind = Kind(step), Purpose = step.Purpose!, Items = Items(step),
            ServiceDate = ScenarioValidator.ParseDate(step.ServiceDate), CorrelationId = $"{network.Scenario.Id}/{step.Id}",
        };
        r.Lines.Add($"① {step.Requester} → relay: routed inquiry for {(step.Requester == SimulatedNetwork.ClinicHandle ? "the presented " : "its ")}{SubjectText(request.Subject)}, target {step.Target}, purpose {step.Purpose}");
        var trace = await requester.RunRoutedAsync(request, ct);
        var routed = trace.Routed!;
        if (!routed.IsSuccess)
        {
            r.Lines.Add($"② relay refused: {Describe(routed.Problem)}");
            Expect(step.Expect, null, routed.Problem, r);
            return;
        }
        var a = routed.Answer!;
        r.Lines.Add($"② relay resolved: {Wire.Name(a.Outcome)}{(a.Target is { } t ? $" → {t.PartyId} ({t.Name}), registered {a.AsOf:yyyy-MM-dd HH:mm}" : "")}; sealed for {a.Target?.PartyId ?? "nobody"} with routed=true");
        if (step.Expect?.Lookup is { } l) r.Expectations.Add(new("lookup", l, Wire.Name(a.Outcome)));
        if (a.Outcome != LookupOutcome.Found) return;
        r.Lines.Add($"③ relay → {a.Target!.PartyId}: forwarded the inquiry under the relay's signature");
        r.Lines.Add($"④ {a.Target.PartyId} opened and checked the seal (INS-011 … INS-031 passed; caller is the relay, seal routed)");
        Report(a.Target.PartyId, step.Requester!, trace.Inquiry!, r, forwarded: true);
        if (trace.Inquiry!.IsSuccess) Answered?.Invoke(step.Person!, a.LogEntryId, step.Id);
        Expect(step.Expect, trace.Inquiry!.Answer, null, r);
        await PersonLogAsync(step.Person!, null, r, ct, a.LogEntryId, step.Expect?.Logged ?? true);
    }

    public async Task LookupOnlyAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var lookup = await LookupAsync(step, r, ct);
        if (lookup is not null && !lookup.IsSuccess) Expect(step.Expect, null, lookup.Problem, r);
    }

    private async Task<PartyResponse<LookupAnswer>?> LookupAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var request = new LookupRequest { Subject = Subject(step), TargetKind = Kind(step), Purpose = step.Purpose!, CorrelationId = $"{network.Scenario.Id}/{step.Id}" };
        r.Lines.Add($"① {step.Requester} → relay: lookup of its {SubjectText(request.Subject)}, target {step.Target}, purpose {step.Purpose}");
        var response = await network.RequesterFor(step.Requester!).LookupAsync(request, ct);
        if (!response.IsSuccess)
        {
            r.Lines.Add($"② relay refused: {Describe(response.Problem)}");
            return response;
        }
        var a = response.Answer!;
        r.Lines.Add(a.Outcome == LookupOutcome.Found
            ? $"② relay → {step.Requester}: belongs to {a.Target!.PartyId} ({a.Target.Name}), registered {a.AsOf:yyyy-MM-dd HH:mm}; sealed number {a.Seal!.Length} chars (JWS ES256 inside JWE ECDH-ES+A256KW/A256GCM, readable only by {a.Target.PartyId}); log entry {a.LogEntryId}"
            : $"② relay → {step.Requester}: {Wire.Name(a.Outcome)} (no seal); log entry {a.LogEntryId}");
        if (step.Expect?.Lookup is { } expected) r.Expectations.Add(new("lookup", expected, Wire.Name(a.Outcome)));
        return response;
    }

    public async Task PersonLogAsync(string personHandle, ExpectSpec? expect, StepResult r, CancellationToken ct, string? lookupEntryId = null, bool checkLogged = false)
    {
        var portal = network.NewClient(network.Portal);
        var query = new PersonAccessLogQuery { PersonId = network.PersonIds[personHandle] };
        var log = await portal.PostAsync<PersonAccessLogQuery, PersonAccessLogAnswer>(network.Directory.RelayId, "/v1/access-log/person-queries", query, ct);
        if (!log.IsSuccess) { r.Error = $"the portal could not read the access log: {Describe(log.Problem)}"; return; }
        var a = log.Answer!;
        r.Lines.Add($"⑥ portal → relay: {personHandle}'s access history, {a.Entries.Count} {(a.Entries.Count == 1 ? "entry" : "entries")}{(a.Unreconciled.Count > 0 ? $", {a.Unreconciled.Count} lookup(s) with no insurer report" : "")}");
        foreach (var e in a.Entries)
            r.Lines.Add($"   #{e.Seq} {e.At.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm:ss} {e.RecordedBy}: {e.Requester} {Wire.Name(e.Action)} [{string.Join(",", e.Items)}] for {e.Purpose} → {Wire.Name(e.Outcome)}{(e.Code is null ? "" : " " + e.Code)}");
        if (checkLogged && lookupEntryId is not null)
        {
            var both = a.Entries.Any(e => e.EntryId == lookupEntryId) && a.Entries.Any(e => e.RelatedEntryId == lookupEntryId);
            r.Expectations.Add(new("logged (relay and insurer entries)", "true", ScenarioRunner.Bool(both)));
        }
        if (expect?.Entries is { } n) r.Expectations.Add(new("entries", n.ToString(null, null), a.Entries.Count.ToString(null, null)));
        if (expect?.Unreconciled is { } u) r.Expectations.Add(new("unreconciled", u.ToString(null, null), a.Unreconciled.Count.ToString(null, null)));
    }

    private static void Report(string target, string requester, PartyResponse<InquiryAnswer> answer, StepResult r, bool forwarded = false)
    {
        if (!answer.IsSuccess)
        {
            r.Lines.Add($"④ {target} refused the seal: {Describe(answer.Problem)}");
            return;
        }
        if (!forwarded) r.Lines.Add($"④ {target} opened and checked the seal: INS-011 … INS-031 passed");
        var a = answer.Answer!;
        var q = a.Qualification;
        r.Lines.Add($"⑤ {target} → {requester}: {Wire.Name(a.Status)} for {a.ServiceDate:yyyy-MM-dd}"
            + (q is null ? "" : $", qualified {q.QualificationDate:yyyy-MM-dd}{(q.DisqualificationDate is { } d ? $", lost {d:yyyy-MM-dd} (reason {q.ReasonOfLoss})" : "")}, co-payment {q.CopaymentRatio}%{(q.LtcSecondaryInsured == true ? ", secondary LTC insured" : "")}")
            + (a.Benefits is null ? "" : $", {a.Benefits.Count} benefit record(s)")
            + $", as of {a.AsOf.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm}{(a.ChangePending ? ", CHANGE PENDING" : "")}; {target}'s signature verified{(forwarded ? " (forwarded by the relay)" : "")}");
    }

    private static void Expect(ExpectSpec? x, InquiryAnswer? a, Problem? problem, StepResult r)
    {
        if (x is null) return;
        if (x.Problem is { } p) r.Expectations.Add(new("problem", p, problem?.Code ?? "(none)"));
        if (x.Status is { } s) r.Expectations.Add(new("status", s, a is null ? $"(no answer: {problem?.Code})" : Wire.Name(a.Status)));
        if (x.ChangePending is { } cp) r.Expectations.Add(new("changePending", ScenarioRunner.Bool(cp), a is null ? "(no answer)" : ScenarioRunner.Bool(a.ChangePending)));
        ExpectQualification(x, a?.Qualification, r);
        if (x.Benefits is { } b) r.Expectations.Add(new("benefits", b.ToString(null, null), a?.Benefits?.Count.ToString(null, null) ?? "(none)"));
    }

    /// <summary>The expectations on the answer's qualification, alike for a flow, a routed inquiry and a card-check.</summary>
    internal static void ExpectQualification(ExpectSpec x, QualificationRecord? q, StepResult r)
    {
        if (x.CopaymentRatio is { } c) r.Expectations.Add(new("copaymentRatio", c.ToString(CultureInfo.InvariantCulture), q?.CopaymentRatio?.ToString(CultureInfo.InvariantCulture) ?? "(none)"));
        if (x.LossDate is { } ld) r.Expectations.Add(new("lossDate", ld, q?.DisqualificationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)"));
        if (x.LtcSecondaryInsured is { } ltc) r.Expectations.Add(new("ltcSecondaryInsured", ScenarioRunner.Bool(ltc), q?.LtcSecondaryInsured is { } said ? ScenarioRunner.Bool(said) : "(none)"));
    }

    private static string Tamper(string seal, string? tamper, StepResult r)
    {
        if (tamper is not ("ciphertext" or "tag")) return seal;
        var parts = seal.Split('.');
        var index = tamper == "ciphertext" ? 3 : 4;
        var bytes = Jose.Base64Url.Decode(parts[index]);
        bytes[0] ^= 0x01;
        parts[index] = Jose.Base64Url.Encode(bytes);
        r.Lines.Add($"   the requester flips one bit of the seal's {tamper}");
        return string.Join('.', parts);
    }

    private SubjectReference Subject(StepSpec step)
    {
        var person = network.Scenario.People.First(p => p.Id == step.Person);
        if (step.Requester == SimulatedNetwork.ClinicHandle) return CardPresented(person, step.Card!);
        var insurer = network.Scenario.Insurers.First(i => i.Id == step.Requester);
        var e = person.Enrolments.First(x => x.Insurer == insurer.Id);
        return insurer.Kind == "ltc"
            ? new SubjectReference { Ltc = new LtcInsured { InsurerNumber = insurer.Number, InsuredNumber = e.Number } }
            : new SubjectReference { Medical = new MedicalInsured { InsurerNumber = insurer.Number, Symbol = e.Symbol, Number = e.Number, Branch = e.Branch! } };
    }

    /// <summary>
    /// The card a patient presents at a clinic's reception: their enrolment with that insurer, or, for one the
    /// timeline brings (a birth, a new job), the card it issues. The clinic only has the card, not what is behind it.
    /// </summary>
    private SubjectReference CardPresented(PersonSpec person, string insurerId)
    {
        var insurer = network.Scenario.Insurers.First(i => i.Id == insurerId);
        var held = person.Enrolments.LastOrDefault(e => e.Insurer == insurerId);
        var issued = network.Scenario.Timeline.LastOrDefault(t => t.Person == person.Id && t.Insurer == insurerId && t.Event == "acquire");
        var medical = held is not null
            ? new MedicalInsured { InsurerNumber = insurer.Number, Symbol = held.Symbol, Number = held.Number, Branch = held.Branch! }
            : new MedicalInsured { InsurerNumber = insurer.Number, Symbol = issued!.Symbol, Number = issued.Number!, Branch = issued.Branch! };
        return new SubjectReference { Medical = medical };
    }

    private static string SubjectText(SubjectReference s) => s.Ltc is { } l
        ? $"LTC insured number {l.InsuredNumber} (insurer {l.InsurerNumber})"
        : $"medical card {s.Medical!.Symbol}-{s.Medical.Number}-{s.Medical.Branch} (insurer {s.Medical.InsurerNumber})";

    private static InsuranceKind Kind(StepSpec step) => step.Target == "ltc" ? InsuranceKind.Ltc : InsuranceKind.Medical;

    private static List<string> Items(StepSpec step) => step.Items ?? [DataItems.Eligibility];

    private static string Describe(Problem? p) => p is null ? "(no problem body)" : $"{p.Status} {p.Code} ({p.Requirement}): {p.Detail}";
}

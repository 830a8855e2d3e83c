using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Wire;

/// <summary>
/// Field-level validation of request bodies (ERR-005). Each failure names the member as a JSON pointer so the
/// sender knows exactly what to fix.
/// </summary>
/// <remarks>
/// The overloads taking <c>skippedRules</c> exist for mutation testing only: a mutant relay skips the identifier
/// rules of §2 named there (ID-001 lets it normalise width and trim before checking; ID-009 drops the check digit),
/// so the conformance kit can prove its identifier tests fail against a relay that does.
/// </remarks>
public static class RequestValidation
{
    public static void Validate(LookupRequest r) => Validate(r, null);

    public static void Validate(LookupRequest r, IReadOnlySet<string>? skippedRules)
    {
        Validate(r.Subject, "/subject", skippedRules);
        Purpose(r.Purpose, "/purpose");
        CorrelationId(r.CorrelationId, skippedRules);
    }

    public static void Validate(InquiryRequest r)
    {
        if (string.IsNullOrEmpty(r.Seal)) Fail("/seal", "is required");
        Items(r.Items, "/items");
        CorrelationId(r.CorrelationId);
    }

    public static void Validate(RoutedInquiryRequest r)
    {
        Validate(r.Subject, "/subject");
        Purpose(r.Purpose, "/purpose");
        Items(r.Items, "/items");
        CorrelationId(r.CorrelationId);
    }

    public static void Validate(EnrolmentUpdate r) => Validate(r, null);

    public static void Validate(EnrolmentUpdate r, IReadOnlySet<string>? skippedRules)
    {
        Identifier("ID-005", IdentifierRules.BasicPensionNumber, r.BasicPensionNumber, "/basicPensionNumber", skippedRules);
        if ((r.Medical is null) == (r.Ltc is null)) Fail("/medical", "exactly one of 'medical' and 'ltc' is required");
        if (r.Medical is { } m) Validate(m, "/medical", skippedRules);
        if (r.Ltc is { } l) Validate(l, "/ltc", skippedRules);
        CorrelationId(r.CorrelationId, skippedRules);
    }

    public static void Validate(AccessLogReport r)
    {
        if (r.Entries is null || r.Entries.Count == 0) Fail("/entries", "must list at least one entry");
        if (r.Entries.Count > ProtocolConstants.MaxReportEntries) Fail("/entries", $"must list at most {ProtocolConstants.MaxReportEntries} entries per report");
        for (var i = 0; i < r.Entries.Count; i++)
        {
            var e = r.Entries[i];
            var at = $"/entries/{i}";
            if (string.IsNullOrEmpty(e.InsurerEntryId) || e.InsurerEntryId.Length > 64) Fail(at + "/insurerEntryId", "must be 1 to 64 characters");
            Check(IdentifierRules.PartyId(e.Requester), at + "/requester");
            if (string.IsNullOrEmpty(e.Purpose) || e.Purpose.Length > 64) Fail(at + "/purpose", "must be 1 to 64 characters");
            if (e.Items is null || e.Items.Count > 8 || e.Items.Any(x => string.IsNullOrEmpty(x) || x.Length > 32)) Fail(at + "/items", "must list at most 8 item names");
            if (e.Outcome == AccessOutcome.Refused && string.IsNullOrEmpty(e.Code)) Fail(at + "/code", "is required for a refused inquiry");
            if (string.IsNullOrEmpty(e.CorrelationId) || e.CorrelationId.Length > 128) Fail(at + "/correlationId", "must be 1 to 128 characters");
        }
    }

    /// <summary>ELG-018: a retroactive-change notice as the relay accepts it.</summary>
    public static void Validate(RetroactiveChangeNotice n)
    {
        EntryId(n.NoticeId, "/noticeId");
        Check(IdentifierRules.PartyId(n.Requester), "/requester");
        EntryId(n.RelayLogEntryId, "/relayLogEntryId");
        EntryId(n.InsurerLogEntryId, "/insurerLogEntryId");
        CorrelationId(n.CorrelationId);
        if (n.PreviousStatus != EligibilityStatus.Valid) Fail("/previousStatus", "must be valid: only a valid answer is notified");
        if (n.Status == EligibilityStatus.Valid) Fail("/status", "must not be valid: the notice says the answer no longer holds");
        if (n.ReasonOfLoss is { } reason && !LossReasons.All.Contains(reason)) Fail("/reasonOfLoss", $"must be one of {string.Join(", ", LossReasons.All)}");
    }

    /// <summary>ELG-020: a pickup acknowledges at most 100 notices, each by the relay's entry id.</summary>
    public static void Validate(RetroactiveNoticePickup p)
    {
        if (p.Acknowledge is { } ids)
        {
            if (ids.Count > ProtocolConstants.MaxReportEntries) Fail("/acknowledge", $"must list at most {ProtocolConstants.MaxReportEntries} ids");
            for (var i = 0; i < ids.Count; i++) EntryId(ids[i], $"/acknowledge/{i}");
        }
        CorrelationId(p.CorrelationId);
    }

    private static void EntryId(string? id, string at)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || id.Any(c => c < 0x21 || c > 0x7e)) Fail(at, "must be 1 to 64 printable ASCII characters");
    }

    public static void Validate(SubjectReference s, string at, IReadOnlySet<string>? skippedRules = null)
    {
        if ((s.Ltc is null) == (s.Medical is null)) Fail(at, "exactly one of 'ltc' and 'medical' is required");
        if (s.Ltc is { } l) Validate(l, at + "/ltc", skippedRules);
        if (s.Medical is { } m) Validate(m, at + "/medical", skippedRules);
    }

    public static void Validate(LtcInsured l, string at, IReadOnlySet<string>? skippedRules = null)
    {
        var checksDigit = skippedRules?.Contains("ID-009") != true;
        Identifier("ID-003", v => IdentifierRules.LtcInsurerNumber(v, checksDigit), l.InsurerNumber, at + "/insurerNumber", skippedRules);
        Identifier("ID-004", IdentifierRules.LtcInsuredNumber, l.InsuredNumber, at + "/insuredNumber", skippedRules);
    }

    public static void Validate(MedicalInsured m, string at, IReadOnlySet<string>? skippedRules = null)
    {
        var checksDigit = skippedRules?.Contains("ID-009") != true;
        Identifier("ID-002", v => IdentifierRules.MedicalInsurerNumber(v, checksDigit), m.InsurerNumber, at + "/insurerNumber", skippedRules);
        Identifier("ID-006", IdentifierRules.CardSymbol, m.Symbol, at + "/symbol", skippedRules);
        Identifier("ID-006", IdentifierRules.CardNumber, m.Number, at + "/number", skippedRules);
        Identifier("ID-007", IdentifierRules.BranchNumber, m.Branch, at + "/branch", skippedRules);
    }

    /// <summary>One identifier rule of §2, unless a mutant skips it (see the remarks on this class).</summary>
    private static void Identifier(string rule, Func<string?, string?> reasonOf, string? value, string at, IReadOnlySet<string>? skippedRules)
    {
        if (skippedRules is null || skippedRules.Count == 0)
        {
            Check(reasonOf(value), at);
            return;
        }
        if (skippedRules.Contains(rule)) return;
        if (skippedRules.Contains("ID-001")) value = value?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        Check(reasonOf(value), at);
    }

    private static void Purpose(string purpose, string at)
    {
        if (!Purposes.All.Contains(purpose)) Fail(at, $"must be one of {string.Join(", ", Purposes.All)}");
    }

    private static void Items(IReadOnlyList<string>? items, string at)
    {
        if (items is null || items.Count == 0) Fail(at, "must list at least one item");
        for (var i = 0; i < items.Count; i++)
        {
            if (!DataItems.All.Contains(items[i])) Fail($"{at}/{i}", $"must be one of {string.Join(", ", DataItems.All)}");
        }
        // A repeat is named where it is, like an unknown item (INS-002): the element that repeats an earlier one.
        for (var i = 1; i < items.Count; i++)
        {
            if (items.Take(i).Contains(items[i], StringComparer.Ordinal)) Fail($"{at}/{i}", $"repeats '{items[i]}'");
        }
    }

    private static void CorrelationId(string id, IReadOnlySet<string>? skippedRules = null)
    {
        if (skippedRules?.Contains("ID-013") == true) return;
        if (string.IsNullOrEmpty(id) || id.Length > 128 || id.Any(char.IsControl)) Fail("/correlationId", "must be 1 to 128 printable characters");
    }

    private static void Check(string? reason, string at)
    {
        if (reason is not null) Fail(at, reason);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string at, string reason) =>
        throw new ProtocolException(ProblemCodes.InvalidField, $"{at} {reason}", at);
}

using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Chukei.Relay.AccessLog;
using Chukei.Relay.Store;

namespace Chukei.Relay.Lookups;

/// <summary>Steps ①②: resolve the subject to a person and the person to the target insurer, log, seal (RLY-001 … RLY-009).</summary>
public sealed class LookupService(RelayNode relay)
{
    private long _sealCount; // only the SEAL-010 mutant numbers its seals

    /// <summary>The items a lookup discloses: which insurer, and a number only that insurer can read.</summary>
    public static readonly IReadOnlyList<string> LookupItems = ["insurer-affiliation"];

    public sealed record Resolution(LookupOutcome Outcome, string? PersonId, RelayEnrolment? Target, PartyDescriptor? TargetParty);

    public LookupAnswer Lookup(PartyDescriptor caller, LookupRequest request)
    {
        var resolution = ResolveOrLogRefusal(caller, request.Subject, request.TargetKind, request.Purpose, request.CorrelationId, AccessAction.Lookup, LookupItems);
        var entryId = relay.Defects.OmitsLookupEntries
            ? "L-unwritten-" + relay.Self.Ids.Next()[..12]
            : relay.Log.Append(Draft(caller, resolution, request.Purpose, request.CorrelationId, AccessAction.Lookup)).EntryId;
        return new LookupAnswer
        {
            Outcome = resolution.Outcome,
            Target = Target(resolution),
            Seal = resolution.Outcome == LookupOutcome.Found ? Seal(caller.Id, resolution, request.Purpose, entryId, routed: false) : null,
            AsOf = relay.Defects.OmitsLookupAsOf ? null
                : relay.Defects.LookupAsOfIsNow && resolution.Target is not null ? relay.Self.Time.GetUtcNow()
                : resolution.Target?.RegisteredAt,
            LogEntryId = entryId,
            CorrelationId = request.CorrelationId,
        };
    }

    /// <summary>
    /// Checks the purpose (RLY-005) and resolves the subject; a refusal is itself an access attempt, so it is logged
    /// before the problem goes back (LOG-003).
    /// </summary>
    public Resolution ResolveOrLogRefusal(PartyDescriptor caller, SubjectReference subject, InsuranceKind targetKind, string purpose,
        string correlationId, AccessAction action, IReadOnlyList<string> items)
    {
        try
        {
            if (!Purposes.IsAllowedFor(purpose, caller.Role) && !relay.Defects.SkipsPurposeCheck)
                throw new ProtocolException(ProblemCodes.PurposeNotAllowed, $"purpose '{purpose}' is not allowed for role {caller.Role}", "/purpose", "RLY-005");
            // RLY-020: a routed inquiry asks for items; those the purpose does not disclose are the relay's own refusal, before it resolves anyone.
            if (action == AccessAction.RoutedInquiry && items.FirstOrDefault(i => !Purposes.AllowedItems(purpose).Contains(i)) is { } item)
                throw new ProtocolException(ProblemCodes.ItemsNotAllowed, $"the purpose '{purpose}' does not allow the item '{item}'", $"/items/{items.ToList().IndexOf(item)}", "RLY-020");
            return Resolve(caller, subject, targetKind);
        }
        catch (ProtocolException ex)
        {
            relay.Log.Append(new AccessLogChain.Draft(relay.Self.PartyId, action, caller.Id, null, null, items, purpose,
                AccessOutcome.Refused, ex.Code.Code, correlationId));
            throw;
        }
    }

    /// <summary>RLY-004 … RLY-006: the caller names the person by its own number; the relay answers from what it has registered.</summary>
    public Resolution Resolve(PartyDescriptor caller, SubjectReference subject, InsuranceKind targetKind)
    {
        var (kind, insurerNumber, number) = subject.Ltc is { } l
            ? (InsuranceKind.Ltc, l.InsurerNumber, l.InsuredNumber)
            : (InsuranceKind.Medical, subject.Medical!.InsurerNumber, subject.Medical.Number);
        // RLY-004: an insurer names a person only by a number it issued itself (of its own kind). A clinic owns no
        // numbers; it names the person by the medical card the patient presented (RLY-005).
        var ownKind = caller.Role switch
        {
            PartyRole.LtcInsurer => InsuranceKind.Ltc,
            PartyRole.MedicalInsurer => InsuranceKind.Medical,
            _ => (InsuranceKind?)null,
        };
        var owned = caller.Role == PartyRole.Clinic
            ? kind == InsuranceKind.Medical
            : ownKind == kind && caller.InsurerNumber == insurerNumber;
        if (!owned && !relay.Defects.IgnoresSubjectOwnership)
            throw new ProtocolException(ProblemCodes.SubjectNotOwned, "the subject is not named by one of the caller's own numbers" + (relay.Defects.LeaksNumberInProblems ? $" ({subject.Ltc?.InsuredNumber ?? subject.Medical?.Number})" : ""),
                subject.Ltc is null ? "/subject/medical/insurerNumber" : "/subject/ltc/insurerNumber", subject.Ltc is null == (caller.Role == PartyRole.MedicalInsurer) ? "RLY-004" : "RLY-003");

        var matches = relay.Store.FindEnrolmentsByNumber(kind, insurerNumber, number);
        if (subject.Medical is { } m)
            matches = matches.Where(e => e.Branch == m.Branch && (m.Symbol is null || e.Symbol == m.Symbol)).ToList();
        var people = matches.Select(e => e.PersonId).Distinct().ToList();
        if (people.Count == 0) return new Resolution(LookupOutcome.NotFound, null, null, null);
        if (people.Count > 1) return new Resolution(LookupOutcome.MultipleMatches, null, null, null);

        var today = relay.Self.Today;
        var current = relay.Store.EnrolmentsOf(people[0])
            .Where(e => e.Kind == targetKind && e.CoversDate(relay.Defects.IgnoresFutureEffectiveDates ? (e.EffectiveFrom > today ? e.EffectiveFrom : today) : today)).ToList();
        if (current.Count == 0) return new Resolution(relay.Defects.ReportsNoCoverageAsNotFound ? LookupOutcome.NotFound : LookupOutcome.NoCurrentCoverage, people[0], null, null);
        if (current.Count > 1 && !relay.Defects.ChoosesAmongCurrentEnrolments) return new Resolution(LookupOutcome.MultipleMatches, people[0], null, null);
        var party = relay.Self.Directory.Find(current[0].PartyId);
        if (party is null || party.Revoked) return new Resolution(LookupOutcome.NoCurrentCoverage, people[0], null, null);
        return new Resolution(LookupOutcome.Found, people[0], current[0], party);
    }

    public AccessLogChain.Draft Draft(PartyDescriptor caller, Resolution r, string purpose, string correlationId, AccessAction action,
        AccessOutcome? outcome = null, string? code = null, IReadOnlyList<string>? items = null) =>
        new(relay.Self.PartyId, action, caller.Id, r.TargetParty?.Id, r.PersonId, items ?? LookupItems, purpose,
            outcome ?? (r.Outcome == LookupOutcome.Found ? AccessOutcome.Answered : AccessOutcome.NotFound),
            code ?? (r.Outcome == LookupOutcome.Found ? null : Wire(r.Outcome)), correlationId);

    /// <summary>SEAL-001 … SEAL-009: sign then encrypt to the target's current encryption key.</summary>
    public string Seal(string requesterId, Resolution r, string purpose, string logEntryId, bool routed)
    {
        var target = r.TargetParty!;
        var recipient = relay.Self.Directory.EncryptionKeyOf(relay.Defects.SealsToRequester ? requesterId : target.Id)
            ?? throw new ProtocolException(ProblemCodes.TargetUnavailable, $"{target.Id} publishes no active encryption key");
        var now = relay.Self.Time.GetUtcNow().ToUnixTimeSeconds();
        var e = r.Target!;
        var claims = new SealClaims
        {
            Issuer = relay.Self.PartyId,
            Audience = relay.Defects.AddressesSealsToInsurerNumber ? e.InsurerNumber : target.Id,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (long)ProtocolConstants.MaxSealLifetime.TotalSeconds * (relay.Defects.IssuesLongLivedSeals ? 2 : 1),
            Id = relay.Defects.NumbersSealsSequentially ? Interlocked.Increment(ref _sealCount).ToString(System.Globalization.CultureInfo.InvariantCulture) : relay.Self.Ids.Next(),
            Requester = requesterId,
            Purpose = relay.Defects.SealsOnePurpose ? Purposes.EligibilityCheck : purpose,
            Routed = routed,
            LogEntryId = logEntryId,
            AsOf = relay.Defects.SealAsOfIsNow ? now : e.RegisteredAt.ToUnixTimeSeconds(),
            Insured = new SealedInsured { Kind = e.Kind, InsurerNumber = e.InsurerNumber, Symbol = relay.Defects.OmitsSymbolFromSeals ? null : e.Symbol, Number = e.Number, Branch = e.Branch },
        };
        var (kid, key) = relay.Defects.SignsSealsWithRetiredKey && relay.Self.Keys.FirstSigningKey(KeyStatus.Retired) is { } retired
            ? retired
            : relay.Self.Keys.CurrentSigningKey;
        var issuer = new SealIssuer(kid, key);
        if (!relay.Defects.AddsPersonIdToSeals) return issuer.Seal(claims, recipient.Kid, recipient.Key);
        var leaky = System.Text.Json.Nodes.JsonNode.Parse(Contracts.Json.ProtocolJson.Serialize(claims))!.AsObject();
        leaky["personId"] = r.PersonId;
        return SealIssuer.Encrypt(issuer.SignInner(leaky.ToJsonString()), recipient.Kid, recipient.Key);
    }

    public static TargetParty? Target(Resolution r) => r.TargetParty is { } p && r.Target is { } t
        ? new TargetParty { PartyId = p.Id, InsurerNumber = t.InsurerNumber, Name = p.Name }
        : null;

    private static string Wire(LookupOutcome o) =>
        System.Text.Json.JsonSerializer.Serialize(o, Contracts.Json.ProtocolJson.Options).Trim('"');
}

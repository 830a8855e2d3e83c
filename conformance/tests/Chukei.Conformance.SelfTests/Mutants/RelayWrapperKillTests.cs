using System.Text.Json.Nodes;
using Chukei.Conformance.References;
using Chukei.Conformance.Relay;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Relay.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.Targets;
using Chukei.Contracts;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using Chukei.Relay;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>
/// Relay cases proved against bugs written outside the reference relay (no switch in <see cref="RelayDefects"/>): the
/// reference relay behind a <see cref="RewritingRelayProxy"/> that makes it wrong in one way. Each case must fail,
/// under its own requirement, against its wrapper; the reference run (<c>ReferenceRelayConformance</c>) shows it passes.
/// </summary>
[TestFixture]
public sealed class RelayWrapperKillTests
{
    /// <summary>One bug: the case it must fail, the path whose answers it rewrites, and the rewrite (given the relay's clock).</summary>
    internal sealed record Wrapper(string Name, string RequirementId, string CaseName, string Path, Func<TimeProvider, RewritingRelayProxy.Rewrite> Rewrite);

    private static readonly string Zeros = new('0', 64);

    internal static IReadOnlyList<Wrapper> All { get; } =
    [
        // RLY-003: a relay that checks ownership before the subject's shape finds no owned number in an empty subject.
        new("empty-subject-not-owned", "RLY-003", "neither-ltc-nor-medical", "/v1/lookups", _ => (_, answer) =>
            IsInvalidField(answer, "/subject")
                ? Problem(ProblemCodes.SubjectNotOwned, "the subject names no number of the caller")
                : answer),
        // SEAL-001: a relay that caches the seal it made for a person and target, and hands it out again.
        new("reuses-the-first-seal", "SEAL-001", "fresh-encryption-per-seal", "/v1/lookups", _ =>
        {
            string? first = null;
            return (_, answer) =>
            {
                if (answer.Status != 200) return answer;
                var seal = RewritingRelayProxy.Claims(answer.Body)["body"]?["seal"]?.GetValue<string>();
                if (seal is null) return answer;
                if (Interlocked.CompareExchange(ref first, seal, null) is null) return answer;
                return answer with { Body = RewritingRelayProxy.ReSigned(answer.Body, b => b["seal"] = first) };
            };
        }),
        // LOG-006: a relay whose sequence counter is bumped twice per entry (seq 2, 4, 6 …).
        new("seq-steps-by-two", "LOG-006", "next-link-after-the-head", "/v1/access-log/person-queries", _ => (_, answer) =>
            EditEntries(answer, e => e["seq"] = e["seq"]!.GetValue<long>() * 2)),
        // LOG-006: a relay that links each entry to itself instead of to the one before it.
        new("prev-hash-is-own-hash", "LOG-006", "next-link-after-the-head", "/v1/access-log/person-queries", _ => (_, answer) =>
            EditEntries(answer, e => e["prevHash"] = e["hash"]!.GetValue<string>() == Zeros ? "1" + Zeros[1..] : e["hash"]!.GetValue<string>())),
        // RLY-020: a relay that judges a routed inquiry's items only against the purpose's table.
        .. RoutedChecks.MalformedItems.Select(m => new Wrapper("items-judged-by-purpose-only-" + m.Name, "RLY-020", "routed-" + m.Name, "/v1/routed-inquiries", _ => (_, answer) =>
            IsInvalidField(answer, null) && Contracts.Client.PartyClient.ReadProblem(answer.Body)?.Field?.StartsWith("/items", StringComparison.Ordinal) == true
                ? Problem(ProblemCodes.ItemsNotAllowed, "an item is not allowed for the purpose")
                : answer)),
        // RLY-020: a relay whose seal's txn comes from another counter than its routed-inquiry entry's id.
        new("routed-entry-id-not-the-txn", "RLY-020", "seal-txn-is-the-routed-entry", "/v1/access-log/person-queries", _ => (_, answer) =>
            EditEntries(answer, e =>
            {
                if (e["action"]!.GetValue<string>() == "routed-inquiry") e["entryId"] = "R-" + e["entryId"]!.GetValue<string>();
            })),
        // RLY-020: a relay that tells the caller how fresh its register is on every routed answer.
        new("as-of-on-every-routed-answer", "RLY-020", "other-outcome-without-as-of", "/v1/routed-inquiries", time => (_, answer) =>
            answer.Status != 200
                ? answer
                : answer with { Body = RewritingRelayProxy.ReSigned(answer.Body, b => b["asOf"] ??= time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)) }),
        // LOG-013: a relay that lists only lookups as unreconciled, never a routed inquiry.
        new("unreconciled-lookups-only", "LOG-013", "routed-unreconciled-until-reported", "/v1/access-log/person-queries", _ => (_, answer) =>
            answer.Status != 200
                ? answer
                : answer with
                {
                    Body = RewritingRelayProxy.ReSigned(answer.Body, b =>
                    {
                        var lookups = b["entries"]!.AsArray().Where(e => e!["action"]!.GetValue<string>() == "lookup").Select(e => e!["entryId"]!.GetValue<string>()).ToHashSet();
                        b["unreconciled"] = new JsonArray([.. b["unreconciled"]!.AsArray().Where(id => lookups.Contains(id!.GetValue<string>())).Select(id => JsonValue.Create(id!.GetValue<string>()))]);
                    }),
                }),
        // RLY-005: a relay that judges a routed inquiry's items before its purpose.
        new("routed-items-before-purpose", "RLY-005", "purpose-before-items", "/v1/routed-inquiries", _ => (_, answer) =>
            answer.Status == ProblemCodes.PurposeNotAllowed.Status && Contracts.Client.PartyClient.ReadProblem(answer.Body)?.Code == ProblemCodes.PurposeNotAllowed.Code
                ? Problem(ProblemCodes.ItemsNotAllowed, "an item is not allowed for the purpose")
                : answer),
        // RLY-006 / RLY-008: a relay that resolves a number only when exactly one person holds it, and otherwise reports nobody.
        new("several-persons-not-found", "RLY-008", "two-persons-under-one-number", "/v1/lookups", _ => (_, answer) =>
            answer.Status == 200 && RewritingRelayProxy.Claims(answer.Body)["body"]?["outcome"]?.GetValue<string>() == "multiple-matches"
                ? answer with { Body = RewritingRelayProxy.ReSigned(answer.Body, b => b["outcome"] = "not-found") }
                : answer),
        // ELG-010: a relay that answers a routed inquiry with asOf = the moment it answered.
        new("routed-as-of-now", "ELG-010", "routed-as-of-is-registration-time", "/v1/routed-inquiries", time => (_, answer) =>
            answer.Status == 200 && RewritingRelayProxy.Claims(answer.Body)["body"]?["outcome"]?.GetValue<string>() == "found"
                ? answer with { Body = RewritingRelayProxy.ReSigned(answer.Body, b => b["asOf"] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)) }
                : answer),
        // LOG-011: a relay that appends the well-formed records of a report and skips the malformed ones.
        new("report-keeps-good-records", "LOG-011", "malformed-record-refuses-the-report", "/v1/access-log/reports", time => (request, answer) =>
            IsInvalidField(answer, null) ? RewritingRelayProxy.SignedAnswer(request, new AccessLogReportAnswer { EntryIds = ["L-accepted"] }, time) : answer),
        // ELG-018: a relay that accepts a notice once the entry it names checks out, without checking its members' formats.
        .. NoticeChecks.MalformedNotices.Select(m => new Wrapper("notice-formats-unchecked-" + m.Name, "ELG-018", m.Name, "/v1/retroactive-change-notices", time => (request, answer) =>
            IsInvalidField(answer, null)
                ? RewritingRelayProxy.SignedAnswer(request, new RetroactiveChangeNoticeAnswer
                {
                    NoticeId = RewritingRelayProxy.Claims(request)["body"]?["noticeId"]?.GetValue<string>() ?? "unknown",
                    LogEntryId = "L-notice",
                    ReceivedAt = time.GetUtcNow(),
                }, time)
                : answer)),
        // ELG-020: a relay that ignores acknowledgements it cannot match, whatever their number or form.
        .. NoticeChecks.MalformedAcknowledgements.Select(m => new Wrapper("acknowledge-unchecked-" + m.Name, "ELG-020", m.Name, "/v1/retroactive-change-notices/pickups", time => (request, answer) =>
            IsInvalidField(answer, null)
                ? RewritingRelayProxy.SignedAnswer(request, new RetroactiveNoticePickupAnswer
                {
                    Notices = [],
                    CorrelationId = RewritingRelayProxy.Claims(request)["body"]?["correlationId"]?.GetValue<string>() ?? "unknown",
                }, time)
                : answer)),
        // ID-007: a relay that matches a medical number on symbol and number alone when the branch is missing (and finds nobody).
        new("branch-optional", "ID-007", "medical-subject-without-branch", "/v1/lookups", time => (request, answer) =>
            IsInvalidField(answer, "/subject/medical/branch")
                ? RewritingRelayProxy.SignedAnswer(request, new LookupAnswer
                {
                    Outcome = LookupOutcome.NotFound,
                    LogEntryId = "L-branchless",
                    CorrelationId = RewritingRelayProxy.Claims(request)["body"]?["correlationId"]?.GetValue<string>() ?? "unknown",
                }, time)
                : answer),
        // RLY-030: a relay that looks the person up before it validates the update's record.
        new("enrolment-person-first-no-record", "RLY-030", "neither-medical-nor-ltc", "/v1/enrolments", PersonFirst),
        new("enrolment-person-first-bad-number", "RLY-030", "insurer-number-check-digit", "/v1/enrolments", PersonFirst),
    ];

    private static IEnumerable<TestCaseData> Wrappers() => All.Select(w => new TestCaseData(w.Name).SetArgDisplayNames(w.Name));

    [TestCaseSource(nameof(Wrappers))]
    public async Task Case_FailsAgainstTheWrappedRelay(string name)
    {
        var wrapper = All.Single(w => w.Name == name);
        var @case = RelayCases.All.Single(c => c.RequirementId == wrapper.RequirementId && c.Name == wrapper.CaseName);

        var session = await RelaySession.StartAsync("http://127.0.0.1:0", async standIn =>
        {
            var relay = await ReferenceRelay.StartAsync(standIn, RelayDefects.None);
            var proxy = await RewritingRelayProxy.StartAsync(relay.Target.BaseUrl, wrapper.Path, wrapper.Rewrite(relay.Time));
            return new RelayTarget(new ConformanceTarget(proxy.Url, relay.PartyId)) { Time = relay.Time, Owner = new Both(proxy, relay.Owner!) };
        }) ?? throw new InvalidOperationException("the reference relay did not start");
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await RelaySuiteRunner.RunAsync(session, [@case]);
        }

        var result = results.Single();
        Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Failed), $"{result.FullName} against the wrapper '{name}': {result.Reason}");
        Assert.That(result.ViolatedRequirementId ?? result.RequirementId, Is.EqualTo(wrapper.RequirementId), result.Reason);
    }

    private static RewritingRelayProxy.Rewrite PersonFirst(TimeProvider time) => (request, answer) =>
    {
        if (!IsInvalidField(answer, null)) return answer;
        var correlationId = RewritingRelayProxy.Claims(request)["body"]?["correlationId"]?.GetValue<string>() ?? "unknown";
        return RewritingRelayProxy.SignedAnswer(request,
            new EnrolmentAnswer { Outcome = EnrolmentOutcome.PersonNotFound, RegisteredAt = time.GetUtcNow(), CorrelationId = correlationId }, time);
    };

    private static bool IsInvalidField(RelayAnswer answer, string? field)
    {
        if (answer.Status != 400) return false;
        var problem = Contracts.Client.PartyClient.ReadProblem(answer.Body);
        return problem?.Code == ProblemCodes.InvalidField.Code && (field is null || problem.Field == field);
    }

    private static RelayAnswer Problem(ProblemCode code, string detail) =>
        new(code.Status, ProtocolConstants.ProblemMediaType, new JsonObject
        {
            ["type"] = "urn:chukei:problem:" + code.Code,
            ["title"] = code.Title,
            ["status"] = code.Status,
            ["detail"] = detail,
            ["code"] = code.Code,
            ["requirement"] = code.RequirementId,
        }.ToJsonString());

    private static RelayAnswer EditEntries(RelayAnswer answer, Action<JsonObject> edit) =>
        answer.Status != 200
            ? answer
            : answer with
            {
                Body = RewritingRelayProxy.ReSigned(answer.Body, b =>
                {
                    foreach (var entry in b["entries"]!.AsArray()) edit(entry!.AsObject());
                }),
            };

    private sealed class Both(IAsyncDisposable first, IAsyncDisposable second) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }
}

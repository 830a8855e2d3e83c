using System.Text;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>The calls the relay cases make, as the kit's parties make them.</summary>
public static class Calls
{
    public const string LookupPath = "v1/lookups";
    public const string RoutedPath = "v1/routed-inquiries";
    public const string ReportPath = "v1/access-log/reports";
    public const string PersonQueryPath = "v1/access-log/person-queries";
    public const string VerificationPath = "v1/access-log/verifications";

    /// <summary>A fresh correlation id naming the case, so each case's entries are its own.</summary>
    public static string NewCorrelationId(string caseName) =>
        "chukei-" + (caseName.Length > 40 ? caseName[..40] : caseName) + "-" + EnvelopeSigner.NewId()[..12];

    public static LookupRequest Lookup(SubjectReference subject, string caseName, string purpose = Purposes.LtcMedicalCombined) => new()
    {
        Subject = subject,
        TargetKind = InsuranceKind.Medical,
        Purpose = purpose,
        CorrelationId = NewCorrelationId(caseName),
    };

    /// <summary>kaigo-b looks the person up by its LTC number, for the medical insurer.</summary>
    public static Task<RelayExchange> LookupAsync(RelaySession session, CheckContext check, LookupRequest request, string caller = RequesterId)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return session.World.CallerFor(caller, check.Evidence).PostAsync(LookupPath, request);
    }

    /// <summary>A found lookup for a freshly enrolled person; anything else makes the case inconclusive (RLY-006 covers it).</summary>
    public static async Task<(EnrolledPerson Person, LookupRequest Request, RelayExchange Exchange, LookupAnswer Answer)> FoundAsync(
        RelaySession session, CheckContext check, EnrolledPerson person, string caseName)
    {
        ArgumentNullException.ThrowIfNull(person);
        var request = Lookup(person.Subject, caseName);
        var exchange = await LookupAsync(session, check, request);
        if (exchange.Status != 200) throw check.Unreachable($"the lookup of an enrolled person was answered {exchange.Summary} (RLY-006 covers that)");
        var answer = exchange.Read<LookupAnswer>(session.World);
        if (answer.Outcome != LookupOutcome.Found || answer.Seal is null)
            throw check.Unreachable($"the lookup of an enrolled person was answered {answer.Outcome} {(answer.Seal is null ? "without" : "with")} a seal (RLY-006 and RLY-007 cover that)");
        return (person, request, exchange, answer);
    }

    /// <summary>Step ④ on <paramref name="seal"/> as kenpo-a does it when <paramref name="presenter"/> presents it.</summary>
    public static SealVerification OpenAtTarget(RelaySession session, string seal, string presenter = RequesterId, string self = TargetId)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SealVerifier.Verify(seal, new SealVerificationContext
        {
            SelfId = self,
            OwnKeys = session.World.KeysOf(self),
            Directory = session.World.Fixture.Directory,
            ReplayCache = new MemoryReplayCache(session.Target.Time),
            Time = session.Target.Time,
            CallerId = presenter,
            RequestedItems = SealFixture.DefaultItems,
        });
    }

    /// <summary>The portal reads the person's log (LOG-015); a refusal makes the case inconclusive.</summary>
    public static async Task<PersonAccessLogAnswer> PersonLogAsync(RelaySession session, CheckContext check, string personId)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var exchange = await session.World.CallerFor(PortalId, check.Evidence).PostAsync(PersonQueryPath, new PersonAccessLogQuery { PersonId = personId });
        if (exchange.Status != 200) throw check.Unreachable($"the portal's query of a provisioned person's log was answered {exchange.Summary} (LOG-015 covers that)");
        return exchange.Read<PersonAccessLogAnswer>(session.World);
    }

    /// <summary>The JSON text of a verified 200 answer's body, to search for what must not be there.</summary>
    public static string AnswerText(RelayExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var parts = exchange.Body.Split('.');
        return parts.Length == 3 ? Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[1])) : exchange.Body;
    }

    /// <summary>An InsurerAccessRecord kenpo-a reports for an inquiry it answered on the seal of <paramref name="relayEntryId"/>.</summary>
    public static InsurerAccessRecord Record(string relayEntryId, string correlationId, DateTimeOffset at) => new()
    {
        InsurerEntryId = "kenpo-a-" + EnvelopeSigner.NewId()[..16],
        RelayLogEntryId = relayEntryId,
        Requester = RequesterId,
        Purpose = Purposes.LtcMedicalCombined,
        Items = SealFixture.DefaultItems,
        Outcome = AccessOutcome.Answered,
        At = at,
        CorrelationId = correlationId,
    };

    public static Task<RelayExchange> ReportAsync(RelaySession session, CheckContext check, string reporter, params InsurerAccessRecord[] records)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return session.World.CallerFor(reporter, check.Evidence).PostAsync(ReportPath, new AccessLogReport { Entries = records });
    }
}

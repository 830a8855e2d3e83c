using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// The identifiers of §2 as the relay receives them (ID-001 … ID-007, ID-009, ID-013): in a lookup by the LTC insurer
/// or an enrolment update by the medical insurer, each malformed identifier is refused with invalid-field naming the
/// member, before anybody is looked up or anything registered. No case needs a provisioned person: a relay that let
/// the identifier through answers not-found, person-not-found or a refusal of another kind, and fails.
/// </summary>
public static class IdentifierChecks
{
    /// <summary>One malformed identifier: the requirement it breaks, the request that carries it, and the member the problem must name.</summary>
    public sealed record IdentifierCase(string RequirementId, string Name, string Field, Func<string, object> Request, string Caller, string Path);

    private const string ValidLtcNumber = "1234567890";

    public static IReadOnlyList<IdentifierCase> Cases { get; } =
    [
        Lookup("ID-001", "full-width-digits", "/subject/ltc/insuredNumber", l => l with { InsuredNumber = "１２３４５６７８９０" }),
        Lookup("ID-001", "insurer-number-padded-with-a-space", "/subject/ltc/insurerNumber", l => l with { InsurerNumber = RequesterInsurerNumber + " " }),
        Enrolment("ID-002", "medical-insurer-number-of-seven-digits", "/medical/insurerNumber", u => u with { Medical = u.Medical! with { InsurerNumber = TargetInsurerNumber[..7] } }),
        Lookup("ID-003", "ltc-insurer-number-of-eight-digits", "/subject/ltc/insurerNumber", l => l with { InsurerNumber = IdentifierRules.WithCheckDigit("0" + RequesterInsurerNumber[..5] + "0") }),
        Lookup("ID-004", "ltc-insured-number-with-a-letter", "/subject/ltc/insuredNumber", l => l with { InsuredNumber = "12345678A0" }),
        Enrolment("ID-005", "basic-pension-number-with-a-hyphen", "/basicPensionNumber", u => u with { BasicPensionNumber = "9900-000001" }),
        Enrolment("ID-006", "card-number-of-21-characters", "/medical/number", u => u with { Medical = u.Medical! with { Number = new string('1', 21) } }),
        Enrolment("ID-006", "card-symbol-with-a-space", "/medical/symbol", u => u with { Medical = u.Medical! with { Symbol = "12 34" } }),
        Enrolment("ID-007", "branch-of-one-digit", "/medical/branch", u => u with { Medical = u.Medical! with { Branch = "1" } }),
        Enrolment("ID-009", "medical-insurer-number-check-digit", "/medical/insurerNumber", u => u with { Medical = u.Medical! with { InsurerNumber = WrongCheckDigit(TargetInsurerNumber) } }),
        Lookup("ID-009", "ltc-insurer-number-check-digit", "/subject/ltc/insurerNumber", l => l with { InsurerNumber = WrongCheckDigit(RequesterInsurerNumber) }),
        new("ID-013", "correlation-id-with-a-line-break", "/correlationId", name => ValidLookup(name) with { CorrelationId = "chukei-" + name + "\nsecond-line" }, RequesterId, Calls.LookupPath),
        new("ID-013", "correlation-id-of-129-characters", "/correlationId", name => ValidLookup(name) with { CorrelationId = new string('c', 129) }, RequesterId, Calls.LookupPath),
    ];

    /// <summary>The relay refuses the malformed identifier with invalid-field, and the problem names its member.</summary>
    public static async Task RefusedAsync(RelaySession session, CheckContext check, IdentifierCase identifier)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(identifier);
        var exchange = await session.World.CallerFor(identifier.Caller, check.Evidence).PostAsync(identifier.Path, identifier.Request(identifier.Name));

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField),
            $"{identifier.Field} breaks {identifier.RequirementId} ({identifier.Name}); the relay must refuse it with invalid-field (400), but answered {exchange.Summary}");
        check.Must(exchange.Problem?.Field == identifier.Field, $"the problem's field is '{exchange.Problem?.Field}', not the offending member {identifier.Field}");
    }

    private static IdentifierCase Lookup(string requirementId, string name, string field, Func<LtcInsured, LtcInsured> breaks) =>
        new(requirementId, name, field, caseName => ValidLookup(caseName) with { Subject = new SubjectReference { Ltc = breaks(ValidLtc) } }, RequesterId, Calls.LookupPath);

    private static IdentifierCase Enrolment(string requirementId, string name, string field, Func<EnrolmentUpdate, EnrolmentUpdate> breaks) =>
        new(requirementId, name, field, caseName => breaks(ValidEnrolment(caseName)), TargetId, EnrolledPerson.EnrolmentPath);

    private static LtcInsured ValidLtc => new() { InsurerNumber = RequesterInsurerNumber, InsuredNumber = ValidLtcNumber };

    private static LookupRequest ValidLookup(string caseName) => Calls.Lookup(new SubjectReference { Ltc = ValidLtc }, caseName);

    /// <summary>A well-formed acquisition by kenpo-a for a basic pension number no provisioned person has.</summary>
    private static EnrolmentUpdate ValidEnrolment(string caseName) => new()
    {
        BasicPensionNumber = "9999999998",
        Event = EnrolmentEvent.Acquired,
        EffectiveDate = new DateOnly(2026, 4, 1),
        Medical = new MedicalInsured { InsurerNumber = TargetInsurerNumber, Symbol = "12", Number = "77", Branch = "01" },
        CorrelationId = Calls.NewCorrelationId(caseName),
    };

    private static string WrongCheckDigit(string number) => number[..^1] + (char)('0' + ((number[^1] - '0' + 1) % 10));
}

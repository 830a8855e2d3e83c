using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>Insurers registering enrolment changes at the relay (docs/protocol.md §7.6, RLY-030 … RLY-034).</summary>
public static class EnrolmentChecks
{
    /// <summary>RLY-030: an update carrying both a medical and an LTC record is invalid-field.</summary>
    public static async Task BothRecordsAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var update = person.Update(EnrolmentEvent.Acquired, person.Today(), person.Medical, person.Ltc);
        var exchange = await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath, update);

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField), $"an update with both a medical and an LTC record must be refused with invalid-field (400), not {exchange.Summary}");
    }

    /// <summary>RLY-030: an update with neither a medical nor an LTC record, or with an invalid identifier, is invalid-field, and nothing is registered.</summary>
    public static async Task InvalidUpdateAsync(RelaySession session, CheckContext check, string caseName)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var (update, what) = caseName switch
        {
            "neither-medical-nor-ltc" => (person.Update(EnrolmentEvent.Acquired, person.Today(), null, null), "neither a medical nor an LTC record"),
            "insurer-number-check-digit" => (person.Update(EnrolmentEvent.Acquired, person.Today(),
                person.Medical with { InsurerNumber = TargetInsurerNumber[..^1] + (char)('0' + ((TargetInsurerNumber[^1] - '0' + 1) % 10)) }, null),
                "a medical insurer number whose check digit is wrong"),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var exchange = await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath, update);

        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField), $"an update with {what} must be refused with invalid-field (400), not {exchange.Summary}");
    }

    /// <summary>RLY-031: an insurer registers only records of its own kind and number.</summary>
    public static async Task NotOwnedAsync(RelaySession session, CheckContext check, string caseName)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var update = caseName switch
        {
            "another-insurers-number" => person.Update(EnrolmentEvent.Acquired, person.Today(), person.Medical with { InsurerNumber = OtherInsurerNumber }, null),
            "record-of-the-other-kind" => person.Update(EnrolmentEvent.Acquired, person.Today(), null, person.Ltc with { InsuredNumber = "9" + person.Ltc.InsuredNumber[1..] }),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var exchange = await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath, update);

        check.Must(exchange.IsRefusal(ProblemCodes.InsurerNumberNotOwned),
            $"{TargetId} (medical, {TargetInsurerNumber}) registered {caseName}; the relay must refuse with insurer-number-not-owned (403), not {exchange.Summary}");
    }

    /// <summary>RLY-032: an unknown basic pension number is person-not-found, and nothing is registered.</summary>
    public static async Task PersonNotFoundAsync(RelaySession session, CheckContext check)
    {
        var update = new EnrolmentUpdate
        {
            BasicPensionNumber = "9999999999",
            Event = EnrolmentEvent.Acquired,
            EffectiveDate = new DateOnly(2026, 4, 1),
            Medical = new MedicalInsured { InsurerNumber = TargetInsurerNumber, Number = "77", Branch = "01" },
            CorrelationId = Calls.NewCorrelationId("person-not-found"),
        };
        var exchange = await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath, update);

        var answer = exchange.Read<EnrolmentAnswer>(session.World);
        check.Must(answer.Outcome == EnrolmentOutcome.PersonNotFound, $"nobody has basic pension number 9999999999, yet the outcome is {answer.Outcome}");
    }

    /// <summary>RLY-032: losing an enrolment the relay does not hold is no-such-enrolment.</summary>
    public static async Task NoSuchEnrolmentAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var exchange = await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath,
            person.Update(EnrolmentEvent.Lost, person.Today(), person.Medical, null));

        var answer = exchange.Read<EnrolmentAnswer>(session.World);
        check.Must(answer.Outcome == EnrolmentOutcome.NoSuchEnrolment, $"the person holds no enrolment at {TargetId}, yet losing one is answered {answer.Outcome}");
    }

    /// <summary>RLY-032: a registered change is answered registered, with registeredAt the time of registration.</summary>
    public static async Task RegisteredAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var before = session.Target.Time.GetUtcNow();
        var registeredAt = await person.AcquireAsync(check, TargetId, medical: person.Medical);
        var after = session.Target.Time.GetUtcNow();

        check.Must(registeredAt >= before.AddSeconds(-60) && registeredAt <= after.AddSeconds(60),
            $"registeredAt is {ProtocolText.Time(registeredAt)}; the update was sent between {ProtocolText.Time(before)} and {ProtocolText.Time(after)} (skew allowance 60 s)");
    }

    /// <summary>RLY-034 (SHOULD): the same update twice is registered once, with the original registeredAt.</summary>
    public static async Task RepeatedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        // The very acquisition CreateAsync registered (same insurer, number, event and effective date), sent again.
        var update = person.Update(EnrolmentEvent.Acquired, person.Today().AddYears(-1), person.Medical, null);
        var answer = (await session.World.CallerFor(TargetId, check.Evidence).PostAsync(EnrolledPerson.EnrolmentPath, update)).Read<EnrolmentAnswer>(session.World);

        check.Should("RLY-034", answer.Outcome == EnrolmentOutcome.Registered && answer.RegisteredAt == person.MedicalRegisteredAt,
            $"a repeated update is answered {answer.Outcome} at {ProtocolText.Time(answer.RegisteredAt)}; the original was registered at {ProtocolText.Time(person.MedicalRegisteredAt)}");
        var lookup = (await Calls.LookupAsync(session, check, Calls.Lookup(person.Subject, "after-repeat"))).Read<LookupAnswer>(session.World);
        check.Should("RLY-034", lookup.Outcome == LookupOutcome.Found, $"after a repeated update the lookup is {lookup.Outcome}: the enrolment was registered a second time");
    }
}

using Chukei.Contracts.Directory;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using Chukei.Relay.Store;

namespace Chukei.Relay.Enrolments;

/// <summary>
/// Insurers report acquisitions and losses (RLY-030 … RLY-034). What the relay answers lookups from is what it has
/// registered here, stamped with the registration time: the third stage of the lag chain.
/// </summary>
public sealed class EnrolmentService(RelayNode relay)
{
    public EnrolmentAnswer Apply(PartyDescriptor caller, EnrolmentUpdate update)
    {
        var (kind, insurerNumber, number) = update.Medical is { } m
            ? (InsuranceKind.Medical, m.InsurerNumber, m.Number)
            : (InsuranceKind.Ltc, update.Ltc!.InsurerNumber, update.Ltc.InsuredNumber);
        if (caller.InsurerNumber != insurerNumber && !relay.Defects.IgnoresEnrolmentOwnership)
            throw new ProtocolException(ProblemCodes.InsurerNumberNotOwned, "the enrolment's insurer number is not the caller's own",
                update.Medical is null ? "/ltc/insurerNumber" : "/medical/insurerNumber");
        var now = relay.Self.Time.GetUtcNow();
        var people = relay.Store.FindPeopleByPensionNumber(update.BasicPensionNumber);
        EnrolmentOutcome outcome;
        if (people.Count == 0) outcome = EnrolmentOutcome.PersonNotFound;
        else if (people.Count > 1) outcome = EnrolmentOutcome.MultipleMatches;
        else if (!relay.Defects.RegistersRepeatedUpdates && Repeated(people[0], insurerNumber, number, update) is { } original)
        {
            // RLY-034: a resent update is acknowledged with its original registration, never registered twice.
            return new EnrolmentAnswer { Outcome = EnrolmentOutcome.Registered, RegisteredAt = original, CorrelationId = update.CorrelationId };
        }
        else if (update.Event == EnrolmentEvent.Acquired)
        {
            relay.Store.AddEnrolment(new RelayEnrolment
            {
                PersonId = people[0],
                Kind = kind,
                InsurerNumber = insurerNumber,
                PartyId = caller.Id,
                Symbol = update.Medical?.Symbol,
                Number = number,
                Branch = update.Medical?.Branch,
                EffectiveFrom = update.EffectiveDate,
                RegisteredAt = now,
            });
            outcome = EnrolmentOutcome.Registered;
        }
        else
        {
            outcome = relay.Store.CloseEnrolment(people[0], insurerNumber, number, update.EffectiveDate, now) || relay.Defects.AnswersRegisteredForUnknownLosses
                ? EnrolmentOutcome.Registered
                : EnrolmentOutcome.NoSuchEnrolment;
        }
        return new EnrolmentAnswer { Outcome = outcome, RegisteredAt = now, CorrelationId = update.CorrelationId };
    }

    private DateTimeOffset? Repeated(string personId, string insurerNumber, string number, EnrolmentUpdate update)
    {
        var same = relay.Store.EnrolmentsOf(personId).Where(e => e.InsurerNumber == insurerNumber && e.Number == number);
        var match = update.Event == EnrolmentEvent.Acquired
            ? same.FirstOrDefault(e => e.EffectiveFrom == update.EffectiveDate)
            : same.FirstOrDefault(e => e.EffectiveTo == update.EffectiveDate);
        return match?.RegisteredAt;
    }
}

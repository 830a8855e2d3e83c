using System.Globalization;
using System.Security.Cryptography;
using Chukei.Conformance.Evidence;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Kit;

/// <summary>
/// A provisioned person with enrolments the case registered at the relay through <c>POST /v1/enrolments</c>, under
/// numbers fresh to this run: an LTC enrolment with kaigo-b (the requester names the person by it) and, unless the
/// case wants otherwise, a medical one with kenpo-a (the target). <see cref="DisposeAsync"/> registers their loss, so
/// a later run can take the same person.
/// </summary>
public sealed class EnrolledPerson : IAsyncDisposable
{
    private readonly RelaySession _session;
    private readonly EvidenceRecorder _evidence;
    private readonly List<(string Insurer, EnrolmentUpdate Acquired)> _open = [];

    private EnrolledPerson(RelaySession session, EvidenceRecorder evidence, ProvisionedPerson person)
    {
        _session = session;
        _evidence = evidence;
        Person = person;
        Ltc = new LtcInsured { InsurerNumber = RequesterInsurerNumber, InsuredNumber = Digits(10) };
        Medical = new MedicalInsured { InsurerNumber = TargetInsurerNumber, Symbol = "K" + Digits(3), Number = Digits(8), Branch = "01" };
    }

    public ProvisionedPerson Person { get; }

    /// <summary>The LTC number kaigo-b knows the person by.</summary>
    public LtcInsured Ltc { get; }

    /// <summary>The medical number at kenpo-a (registered only when the case asked for it).</summary>
    public MedicalInsured Medical { get; }

    /// <summary>When the relay registered the medical enrolment (its answer's registeredAt).</summary>
    public DateTimeOffset? MedicalRegisteredAt { get; private set; }

    /// <summary>What kaigo-b sends to look the person up: its own LTC number.</summary>
    public SubjectReference Subject => new() { Ltc = Ltc };

    /// <summary>
    /// Takes a person and registers the LTC enrolment, and the medical one at kenpo-a when <paramref name="medical"/>;
    /// a relay that does not register them makes the case inconclusive, not failed (RLY-030 … RLY-032 test that).
    /// </summary>
    public static async Task<EnrolledPerson> CreateAsync(RelaySession session, CheckContext check, bool medical = true)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        var person = new EnrolledPerson(session, check.Evidence, session.TakePerson());
        try
        {
            await person.AcquireAsync(check, RequesterId, ltc: person.Ltc);
            if (medical) person.MedicalRegisteredAt = await person.AcquireAsync(check, TargetId, medical: person.Medical);
            return person;
        }
        catch
        {
            await person.DisposeAsync();
            throw;
        }
    }

    /// <summary>Registers one more acquisition (e.g. a second medical enrolment), effective a year ago unless <paramref name="effective"/> says otherwise, and returns its registeredAt.</summary>
    public async Task<DateTimeOffset> AcquireAsync(CheckContext check, string insurer, MedicalInsured? medical = null, LtcInsured? ltc = null, DateOnly? effective = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        var update = Update(EnrolmentEvent.Acquired, effective ?? Today().AddYears(-1), medical, ltc);
        var answer = await RegisterAsync(check, insurer, update);
        _open.Add((insurer, update));
        return answer.RegisteredAt;
    }

    /// <summary>Registers the loss of an enrolment this person holds, effective <paramref name="effective"/>.</summary>
    public async Task<EnrolmentAnswer> LoseAsync(CheckContext check, string insurer, DateOnly effective, MedicalInsured? medical = null, LtcInsured? ltc = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        var answer = await RegisterAsync(check, insurer, Update(EnrolmentEvent.Lost, effective, medical, ltc));
        _open.RemoveAll(o => o.Insurer == insurer && o.Acquired.Medical == medical && o.Acquired.Ltc == ltc);
        return answer;
    }

    public EnrolmentUpdate Update(EnrolmentEvent kind, DateOnly effective, MedicalInsured? medical, LtcInsured? ltc) => new()
    {
        BasicPensionNumber = Person.BasicPensionNumber,
        Event = kind,
        EffectiveDate = effective,
        Medical = medical,
        Ltc = ltc,
        CorrelationId = "chukei-enrol-" + Contracts.Envelopes.EnvelopeSigner.NewId()[..16],
    };

    /// <summary>Today in Japan by the kit's clock.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(_session.Target.Time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime);

    /// <summary>
    /// Ends every enrolment the case registered, effective the day it began, so it never covered any date and a later
    /// run's questions about past dates (CLN-021) find none of it (best effort: a relay that refuses leaves the person
    /// dirty, which the next run's cases report).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (insurer, acquired) in _open.ToList())
        {
            try
            {
                var loss = acquired with { Event = EnrolmentEvent.Lost, CorrelationId = acquired.CorrelationId + "-end" };
                await _session.World.CallerFor(insurer, new EvidenceRecorder()).PostAsync(EnrolmentPath, loss);
            }
            catch (HttpRequestException)
            {
                // The relay went away; nothing more to clean.
            }
        }
        _open.Clear();
    }

    public const string EnrolmentPath = "v1/enrolments";

    private async Task<EnrolmentAnswer> RegisterAsync(CheckContext check, string insurer, EnrolmentUpdate update)
    {
        var exchange = await _session.World.CallerFor(insurer, _evidence).PostAsync(EnrolmentPath, update);
        if (exchange.Status != 200)
            throw check.Unreachable($"registering the {update.Event.ToString().ToLowerInvariant()} enrolment of provisioned person {Person.BasicPensionNumber} at the relay was answered {exchange.Summary}; " +
                $"is the person provisioned ({ProvisionedPeople.DocumentPath})?");
        var answer = exchange.Read<EnrolmentAnswer>(_session.World);
        if (answer.Outcome != EnrolmentOutcome.Registered)
            throw check.Unreachable($"registering an enrolment of provisioned person {Person.BasicPensionNumber} was answered {answer.Outcome}; is the person provisioned ({ProvisionedPeople.DocumentPath})?");
        return answer;
    }

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture)));
}

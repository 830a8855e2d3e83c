using System.Globalization;
using System.Security.Cryptography;
using Chukei.Card;
using Chukei.Card.Faults;
using Chukei.Card.Logging;
using Chukei.Clinic.Reception;
using Chukei.Contracts;
using Chukei.Contracts.ClinicDriver;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Scenarios.Running;

/// <summary>
/// The card-check step: the kit's clinic runs the reception check of protocol §13.5 with the person's IC card — read
/// the certificate, the PIN typed, a challenge from the relay signed by the card, the relay's and the insurer's
/// verified answers — and concludes as CLN-037 says. Printed as it happens; the PIN never is.
/// </summary>
internal sealed class CardCheckStep(SimulatedNetwork network)
{
    /// <summary>Told of every check the insurer answered: the person, the relay's entry, the step.</summary>
    public Action<string, string, string>? Answered { get; set; }

    public async Task RunAsync(StepSpec step, StepResult r, CancellationToken ct)
    {
        var desk = network.Reception!;
        var person = network.Scenario.People.First(p => p.Id == step.Person);
        var card = desk.CardOf(person);
        var pin = step.Pin ?? person.IcCard?.Pin ?? IcCardSpec.DefaultPin;
        var serviceDate = ScenarioValidator.ParseDate(step.ServiceDate) ?? DateOnly.FromDateTime(network.Time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime);
        r.Lines.Add($"{person.Id}'s IC card in the clinic's reader ({person.IcCard?.Certificate ?? "valid"} certificate, kit CA), a PIN of {pin.Length} character(s) typed; service date {serviceDate:yyyy-MM-dd}");

        var fired = new List<string>();
        var conclusion = step.CardFaults is { Count: > 0 } faults
            ? await CheckWithFaultsAsync(desk, card, faults, pin, serviceDate, r, fired, ct)
            : await desk.CheckAsync(card, pin, serviceDate, ct);
        foreach (var line in conclusion.CardTrace) r.Lines.Add("   clinic → card: " + line);
        r.Lines.AddRange(fired);
        Describe(conclusion, r);
        var triesLeft = ReceptionDesk.PinTriesLeft(card);
        r.Lines.Add($"card: {triesLeft} PIN tr{(triesLeft == 1 ? "y" : "ies")} left");
        if (conclusion.InsurerAnswer is not null && conclusion.RelayAnswer is { } relay) Answered?.Invoke(person.Id, relay.LogEntryId, step.Id);
        Expect(step.Expect, conclusion, triesLeft, r);
    }

    /// <summary>
    /// The check through a fault-injecting channel in front of the card, for this step only. A latency moves the virtual
    /// clock (the card is slow, so everything after it happens later); each fault that fires goes to <paramref name="fired"/>
    /// with the instant it fired.
    /// </summary>
    private async Task<ReceptionConclusion> CheckWithFaultsAsync(ReceptionDesk desk, VirtualCard card, List<CardFaultSpec> faults, string pin, DateOnly serviceDate,
        StepResult r, List<string> fired, CancellationToken ct)
    {
        RSA? wrongKey = null;
        var channel = new FaultInjectingChannel(card, network.Time) { WaitOut = by => (network.Time as FakeTimeProvider)?.Advance(by) };
        foreach (var fault in faults)
        {
            channel.Inject(CardFaults.ToCardFault(fault, () => wrongKey ??= RSA.Create(2048)));
            r.Lines.Add("card fault scripted: the card " + CardFaults.Describe(fault));
        }
        channel.ApduLogged += (_, e) =>
        {
            if (e.Direction == ApduDirection.Control && e.Fault is { } kind)
                fired.Add($"⚡ {e.At.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm:ss} card fault fired: {CardFaults.NameOf(kind)}");
        };
        try
        {
            return await desk.CheckAsync(channel, pin, serviceDate, ct);
        }
        finally
        {
            wrongKey?.Dispose();
        }
    }

    private static void Describe(ReceptionConclusion c, StepResult r)
    {
        if (c.RelayAnswer is { } relay)
            r.Lines.Add($"relay → clinic: card certificate {Wire.Name(relay.CertificateStatus)}, {Wire.Name(relay.Outcome)}{(relay.Target is { } t ? $" → {t.PartyId} ({t.Name})" : "")}; relay's signature verified");
        if (c.InsurerAnswer is { } a)
            r.Lines.Add($"{(c.RelayAnswer?.Target?.PartyId ?? "insurer")} → clinic (forwarded): {Wire.Name(a.Status)} for {a.ServiceDate:yyyy-MM-dd}"
                + (a.Qualification?.CopaymentRatio is { } ratio ? $", co-payment {ratio}%" : "")
                + $", as of {a.AsOf.ToOffset(ProtocolConstants.JapanOffset):yyyy-MM-dd HH:mm}{(a.ChangePending ? ", CHANGE PENDING" : "")}; insurer's signature verified");
        r.Lines.Add($"clinic concludes: {Name(c.Kind)}{(c.Reason is null ? "" : $" ({c.Reason})")}{(c.RenewalAlert ? "; renewal alert shown" : "")}");
    }

    /// <summary>The conclusion's name as the driver contract and the scenario language spell it.</summary>
    public static string Name(ConclusionKind kind) => Wire.Name(kind switch
    {
        ConclusionKind.Eligible => ClinicConclusion.Eligible,
        ConclusionKind.EligibleProvisional => ClinicConclusion.EligibleProvisional,
        ConclusionKind.NotEligible => ClinicConclusion.NotEligible,
        ConclusionKind.CardProblem => ClinicConclusion.CardProblem,
        _ => ClinicConclusion.RelayProblem,
    });

    /// <summary>Every conclusion name, for the linter.</summary>
    public static IReadOnlyList<string> Conclusions { get; } = Enum.GetValues<ClinicConclusion>().Select(k => Wire.Name(k)).ToList();

    private static void Expect(ExpectSpec? x, ReceptionConclusion c, int triesLeft, StepResult r)
    {
        if (x is null) return;
        if (x.Conclusion is { } kind) r.Expectations.Add(new("conclusion", kind, Name(c.Kind)));
        if (x.Reason is { } reason) r.Expectations.Add(new("reason", reason, c.Reason ?? "(none)"));
        if (x.PinTriesLeft is { } tries) r.Expectations.Add(new("pinTriesLeft", tries.ToString(CultureInfo.InvariantCulture), triesLeft.ToString(CultureInfo.InvariantCulture)));
        var a = c.InsurerAnswer;
        if (x.Status is { } s) r.Expectations.Add(new("status", s, a is null ? "(no answer)" : Wire.Name(a.Status)));
        if (x.ChangePending is { } cp) r.Expectations.Add(new("changePending", ScenarioRunner.Bool(cp), a is null ? "(no answer)" : ScenarioRunner.Bool(a.ChangePending)));
        FlowSteps.ExpectQualification(x, a?.Qualification, r);
    }
}

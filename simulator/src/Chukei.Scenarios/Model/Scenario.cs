namespace Chukei.Scenarios.Model;

/// <summary>
/// A scenario file, language version 1 (docs/scenarios.md). Everything that shapes a run is in the file: parties,
/// people and their enrolments, the clock, and the steps with their expectations.
/// </summary>
public sealed class Scenario : ScenarioNode
{
    /// <summary>Language version; must be 1.</summary>
    public int Chukei { get; set; }

    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Seeds keys and identifiers so two runs of one file are the same run.</summary>
    public string Seed { get; set; } = "chukei";

    public ClockSpec Clock { get; set; } = new();
    public RelaySpec Relay { get; set; } = new();
    public List<InsurerSpec> Insurers { get; set; } = [];
    public List<PersonSpec> People { get; set; } = [];

    /// <summary>People (and their insurers and life events) generated from seeded distributions, added to <see cref="People"/>.</summary>
    public PopulationSpec? Population { get; set; }

    /// <summary>Default lag for every insurer and event; none means every party knows at once.</summary>
    public LagSpec? Lag { get; set; }

    /// <summary>Turns on the relay's daily fall-through detection (RLY-050) with this grace period.</summary>
    public FallThroughSpec? FallThrough { get; set; }

    /// <summary>Changes after the start, each reaching the insurer and the relay after its lag.</summary>
    public List<TimelineEventSpec> Timeline { get; set; } = [];

    /// <summary>Faults seeded at parties for intervals of virtual time.</summary>
    public List<FaultSpec> Faults { get; set; } = [];

    /// <summary>Conditions that must hold throughout the run; one that breaks fails the run.</summary>
    public List<InvariantSpec> Invariants { get; set; } = [];

    public List<StepSpec> Steps { get; set; } = [];
}

/// <summary>The relay's fall-through detection: run daily at 00:00 JST, flagging gaps longer than <see cref="Grace"/>.</summary>
public sealed class FallThroughSpec : ScenarioNode
{
    /// <summary>ISO 8601 duration in whole days (P14D by default).</summary>
    public string Grace { get; set; } = "P14D";
}

public sealed class ClockSpec : ScenarioNode
{
    /// <summary>The virtual clock's start (ISO 8601 with offset; JST when the offset is omitted).</summary>
    public string Start { get; set; } = "2026-04-01T09:00:00+09:00";
}

public sealed class RelaySpec : ScenarioNode
{
    public string Id { get; set; } = "relay.chukei.test";
    public string Name { get; set; } = "中継DB";
}

public sealed class InsurerSpec : ScenarioNode
{
    public string Id { get; set; } = "";

    /// <summary>health-insurance-society, national-association, mutual-aid, nhi, late-elderly, or ltc.</summary>
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";
    public string Number { get; set; } = "";

    /// <summary>This insurer's lag, overriding the scenario's.</summary>
    public LagSpec? Lag { get; set; }

    /// <summary>External: the vendor runs this insurer; the kit only lists it in the directory with these keys.</summary>
    public ExternalSpec? External { get; set; }
}

/// <summary>A party the vendor runs: its base URL and public keys (a JWKS file or inline keys).</summary>
public sealed class ExternalSpec : ScenarioNode
{
    public string BaseUrl { get; set; } = "";
    public string Jwks { get; set; } = "";
}

public sealed class PersonSpec : ScenarioNode
{
    /// <summary>The handle steps use to name this person; never leaves the scenario.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
    public string? Kana { get; set; }
    public string? BirthDate { get; set; }
    public string BasicPensionNumber { get; set; } = "";

    /// <summary>The municipal NHI insurer of the person's residence: where fall-through notices go.</summary>
    public string? Residence { get; set; }

    /// <summary>Postal address (informational; generated people get one in their municipality).</summary>
    public string? Address { get; set; }

    public List<EnrolmentSpec> Enrolments { get; set; } = [];
    /// <summary>Null when none are given: a generated population holds no benefits, and an empty list each is megabytes.</summary>
    public List<BenefitSpec>? Benefits { get; set; }

    /// <summary>The person's social-security IC card for card-check steps; a default card (PIN 1234, valid certificate) when absent.</summary>
    public IcCardSpec? IcCard { get; set; }
}

/// <summary>A person's virtual IC card, issued by the kit CA when a card-check step first needs it and kept for the run.</summary>
public sealed class IcCardSpec : ScenarioNode
{
    public const string DefaultPin = "1234";

    /// <summary>The authentication PIN: 4 ASCII digits.</summary>
    public string Pin { get; set; } = DefaultPin;

    /// <summary>The authentication certificate's state: valid, expired-within-grace, expired, not-yet-valid, revoked, unknown-ca.</summary>
    public string Certificate { get; set; } = "valid";

    /// <summary>Tries left on the authentication PIN when the card is issued (0 = blocked), 0 to 3.</summary>
    public int PinTriesLeft { get; set; } = 3;

    /// <summary>T=0 behaviour: answers held back behind 61xx for GET RESPONSE, a wrong Le answered 6Cxx.</summary>
    public bool T0 { get; set; }

    /// <summary>Whether the card takes extended-length APDUs; a short-only card (the default) answers them 6700.</summary>
    public bool ExtendedLength { get; set; }

    /// <summary>What a blocked PIN answers: 6984 (as real cards are read to do, the default) or 6983 (ISO 7816-4).</summary>
    public string BlockedStatusWord { get; set; } = "6984";
}

public sealed class EnrolmentSpec : ScenarioNode
{
    public string Insurer { get; set; } = "";
    public string? Symbol { get; set; }
    public string Number { get; set; } = "";
    public string? Branch { get; set; }
    public string From { get; set; } = "";

    /// <summary>Loss date (first day not covered), if lost.</summary>
    public string? To { get; set; }

    public string? ReasonOfLoss { get; set; }
    public int CopaymentRatio { get; set; } = 30;

    /// <summary>1 insured person, 2 dependant.</summary>
    public string PersonalFamilyClassification { get; set; } = "1";

    /// <summary>Whether the relay has this enrolment registered at the start (false: only the insurer knows yet).</summary>
    public bool AtRelay { get; set; } = true;
}

public sealed class BenefitSpec : ScenarioNode
{
    public string Insurer { get; set; } = "";
    public string Month { get; set; } = "";
    public string Kind { get; set; } = "medical";
    public long SelfPay { get; set; }
    public long Reimbursed { get; set; }
}

namespace Chukei.Scenarios.Model;

/// <summary>One step of a scenario. <see cref="Action"/> says what it does; the other members parameterise it.</summary>
public sealed class StepSpec : ScenarioNode
{
    public string Id { get; set; } = "";

    /// <summary>flow, routed, lookup, card-check, person-log, verify-log, enrolment, advance, fall-through-notices, retroactive-notices.</summary>
    public string Action { get; set; } = "";

    public string? Title { get; set; }

    /// <summary>When the step happens (ISO 8601 instant, JST without an offset); the clock jumps there first, applying what falls due on the way.</summary>
    public string? At { get; set; }

    /// <summary>The requesting party: an insurer id, or <c>clinic</c> for the kit's clinic (routed steps only).</summary>
    public string? Requester { get; set; }

    /// <summary>For the clinic: the medical insurer whose card the patient presents at reception (the clinic names the patient by it).</summary>
    public string? Card { get; set; }

    public string? Person { get; set; }

    /// <summary>medical or ltc: which insurer the requester looks for.</summary>
    public string? Target { get; set; }

    public string? Purpose { get; set; }
    public List<string>? Items { get; set; }
    public string? ServiceDate { get; set; }

    /// <summary>What the requester does to the seal before step ③: ciphertext, tag, replay, or present-by:&lt;party&gt;.</summary>
    public string? Tamper { get; set; }

    /// <summary>For advance: an ISO 8601 duration (PT10M, P3D).</summary>
    public string? By { get; set; }

    /// <summary>For enrolment: the insurer reporting, the event and the date.</summary>
    public string? Insurer { get; set; }

    public string? Event { get; set; }
    public string? Date { get; set; }

    /// <summary>For retroactive-notices: the earlier flow or routed step whose answer the expectations are about.</summary>
    public string? About { get; set; }

    /// <summary>For card-check: the PIN the person types at reception (default: their card's PIN). May be malformed on purpose.</summary>
    public string? Pin { get; set; }

    /// <summary>For card-check: faults the card shows during this check (removal, forced status words, latency, …).</summary>
    public List<CardFaultSpec>? CardFaults { get; set; }

    public ExpectSpec? Expect { get; set; }
}

/// <summary>What must hold after a step. Only the members given are checked.</summary>
public sealed class ExpectSpec : ScenarioNode
{
    public string? Lookup { get; set; }
    public string? Status { get; set; }
    public string? Problem { get; set; }
    public bool? ChangePending { get; set; }
    public int? CopaymentRatio { get; set; }
    public string? LossDate { get; set; }

    /// <summary>flow, routed, card-check: the medical answer's ltcSecondaryInsured (ELG-023).</summary>
    public bool? LtcSecondaryInsured { get; set; }

    public int? Benefits { get; set; }
    public int? Entries { get; set; }
    public int? Unreconciled { get; set; }
    public bool? ChainValid { get; set; }
    public string? Enrolment { get; set; }

    /// <summary>fall-through-notices: how many notices the NHI insurer has received; retroactive-notices: how many the requester has received (about <c>about</c>'s answer when given).</summary>
    public int? Notices { get; set; }

    /// <summary>card-check: what the clinic concluded (eligible, eligible-provisional, not-eligible, card-problem, relay-problem).</summary>
    public string? Conclusion { get; set; }

    /// <summary>card-check: the clinic's reason code (pin-wrong, pin-blocked, pin-format, card-certificate-revoked, invalid, …).</summary>
    public string? Reason { get; set; }

    /// <summary>card-check: the authentication PIN's retry counter on the card after the check, as the kit reads it.</summary>
    public int? PinTriesLeft { get; set; }

    /// <summary>After a flow: the person's access log shows the relay's and the insurer's entries for it (default true); after retroactive-notices: it shows the notice about <c>about</c>'s answer.</summary>
    public bool? Logged { get; set; }
}

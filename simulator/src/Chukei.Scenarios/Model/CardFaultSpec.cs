namespace Chukei.Scenarios.Model;

/// <summary>
/// A fault the person's IC card (or its reader) shows during one card-check step (docs/scenarios.md "Card faults"):
/// which command it hits, on which occurrence, and what happens. The step's faults end with the step.
/// </summary>
public sealed class CardFaultSpec : ScenarioNode
{
    /// <summary>remove-before-response, remove-after-response, status-word, latency, wrong-key-signature or corrupt-data.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The command it hits: select, read-binary, verify, change-reference-data, sign or get-response; absent = any.</summary>
    public string? Command { get; set; }

    /// <summary>Only while this JPKI file is selected (auth-certificate, auth-ca-certificate, auth-pin, auth-key, …); absent = any.</summary>
    public string? File { get; set; }

    /// <summary>The Nth command that matches (1-based, default 1); 0 = every one.</summary>
    public int Occurrence { get; set; } = 1;

    /// <summary>status-word: the status word the card answers instead of processing the command, 4 hex digits (e.g. 6F00).</summary>
    public string? StatusWord { get; set; }

    /// <summary>latency: how much later the answer comes, as an ISO 8601 duration; the virtual clock moves by it.</summary>
    public string? Latency { get; set; }

    /// <summary>corrupt-data: which data byte of the answer is flipped (0-based); absent = the middle one.</summary>
    public int? At { get; set; }
}

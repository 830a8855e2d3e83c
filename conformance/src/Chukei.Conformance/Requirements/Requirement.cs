namespace Chukei.Conformance.Requirements;

/// <summary>One row of the requirement catalogue (docs/requirements/protocol-v1.csv).</summary>
/// <param name="Id">The requirement id, e.g. <c>INS-024</c>.</param>
/// <param name="Level">MUST or SHOULD.</param>
/// <param name="Actor">The role the requirement binds (insurer, relay, any, …).</param>
/// <param name="Section">The section of docs/protocol.md that states it.</param>
/// <param name="Text">The normative text.</param>
/// <param name="NotTestedReason">Why a black-box suite cannot test it, or null.</param>
public sealed record Requirement(string Id, string Level, string Actor, string Section, string Text, string? NotTestedReason)
{
    public const string Must = "MUST";
    public const string Should = "SHOULD";

    public bool IsMust => Level == Must;
}

namespace Chukei.Contracts.Problems;

/// <summary>A stable failure code of the protocol (ERR-001): the wire <c>code</c>, its HTTP status, and the requirement it enforces.</summary>
public sealed record ProblemCode(string Code, int Status, string Title, string RequirementId)
{
    /// <summary>The RFC 9457 <c>type</c> URI of this problem.</summary>
    public string TypeUri => "urn:chukei:problem:" + Code;

    public override string ToString() => Code;
}

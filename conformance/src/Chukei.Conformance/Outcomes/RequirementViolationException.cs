namespace Chukei.Conformance.Outcomes;

/// <summary>A MUST requirement the target broke; the message starts with the requirement id.</summary>
public sealed class RequirementViolationException : Exception
{
    public RequirementViolationException() { }

    public RequirementViolationException(string message) : base(message) { }

    public RequirementViolationException(string message, Exception inner) : base(message, inner) { }

    public RequirementViolationException(string requirementId, string message, Exception? inner) : base(message, inner) => RequirementId = requirementId;

    public string RequirementId { get; } = "";
}

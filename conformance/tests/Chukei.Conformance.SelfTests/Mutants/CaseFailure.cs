namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>A case of the suite that failed (a MUST violated) against a target, and its message.</summary>
public sealed record CaseFailure(string RequirementId, string CaseName, string Message);

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// One identifier vector: a value, the §2 rule it is checked against, and whether the rule must accept it.
/// </summary>
/// <param name="Name">Stable kebab-case name, also the test-vector name.</param>
/// <param name="Rule">The rule: a key of <see cref="IdentifierVectors.Rules"/> (the JSON member it applies to).</param>
/// <param name="Requirement">The requirement that decides this value: the rule's own, or ID-009 for a wrong check digit, or ID-001 for padding.</param>
/// <param name="Value">The value as sent; null means the member is absent.</param>
/// <param name="Valid">Whether the rule accepts the value.</param>
/// <param name="Description">Why, for implementers.</param>
public sealed record IdentifierCase(string Name, string Rule, string Requirement, string? Value, bool Valid, string Description)
{
    public string ExpectedVerdict => Valid ? IdentifierVectors.ValidVerdict : IdentifierVectors.InvalidVerdict;

    public override string ToString() => Name;
}

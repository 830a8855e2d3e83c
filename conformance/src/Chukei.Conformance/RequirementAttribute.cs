using Chukei.Conformance.Requirements;

namespace Chukei.Conformance;

/// <summary>
/// Names the normative requirement a conformance test checks. It sets the NUnit property <c>Requirement</c> (in
/// the result XML, filterable with <c>--filter "Requirement=INS-024"</c> or <c>--where "Requirement == 'INS-024'"</c>)
/// and the NUnit category MUST or SHOULD, taken from the requirement catalogue (<c>--filter "TestCategory=MUST"</c>).
/// An id the catalogue does not hold fails at discovery, so a typo cannot hide a test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequirementAttribute : PropertyAttribute
{
    public const string PropertyName = "Requirement";

    public RequirementAttribute(string id) : base(PropertyName, id)
    {
        Id = id;
        Level = RequirementCatalogue.Get(id).Level;
        Properties.Add(NUnit.Framework.Internal.PropertyNames.Category, Level);
    }

    public string Id { get; }

    /// <summary>MUST or SHOULD, from the catalogue.</summary>
    public string Level { get; }
}

using Chukei.Insurers;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>A deliberately broken reference insurer: one defect, and the requirement it breaks.</summary>
public sealed record Mutant(string Name, string BreaksRequirement, string Defect, InsurerDefects Defects) : IMutant
{
    public override string ToString() => Name;
}

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>A deliberately broken reference party: its name, the requirement it breaks, and its defect in words.</summary>
public interface IMutant
{
    string Name { get; }
    string BreaksRequirement { get; }
    string Defect { get; }
}

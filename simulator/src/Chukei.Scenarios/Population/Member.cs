using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Population;

/// <summary>A generated person while the population is being built: what the generator must know to keep events consistent.</summary>
internal sealed class Member(PersonSpec spec, DateOnly birth, Household household)
{
    public PersonSpec Spec { get; } = spec;
    public DateOnly Birth { get; } = birth;
    public Household Household { get; } = household;

    /// <summary>The open medical insurer, or null while uninsured.</summary>
    public InsurerPool.Entry? Medical { get; set; }

    /// <summary>Covered as a dependant (家族) under the head's employee insurance.</summary>
    public bool Dependant { get; set; }

    public string? Branch { get; set; }
    public bool HoldsLtc { get; set; }
    public DateOnly? Died { get; set; }

    public int AgeOn(DateOnly day) => day.Year - Birth.Year - (day.Month < Birth.Month || (day.Month == Birth.Month && day.Day < Birth.Day) ? 1 : 0);

    public bool IsEmployee => Medical is { IsEmployee: true } && !Dependant;
}

namespace Chukei.Scenarios.Population;

/// <summary>People sharing a family name, an address and, for employees' dependants, the head's card.</summary>
internal sealed class Household(Municipal home, string address)
{
    public Municipal Home { get; set; } = home;
    public string Address { get; set; } = address;
    public List<Member> Members { get; } = [];
    public Member Head => Members[0];

    /// <summary>The head's employee card, shared by dependants under their own branch numbers.</summary>
    public string? Symbol { get; set; }

    public string? Number { get; set; }
    public int NextBranch { get; set; } = 1;
}

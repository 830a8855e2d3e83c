using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// Which requirement each row of <see cref="SealMutations.All"/> exercises: a refusal belongs to the check whose code
/// step ④ gives (its <see cref="Contracts.Problems.ProblemCode.RequirementId"/>); a seal that must be accepted belongs
/// to the check whose boundary or allowance it probes, listed here. A new accepted row must be placed here, or the
/// suite's self-test fails.
/// </summary>
public static class SealCaseGroups
{
    private static readonly Dictionary<string, string> Accepted = new(StringComparer.Ordinal)
    {
        ["valid"] = "INS-040",
        ["valid-hand-assembled"] = "INS-040",
        ["jwe-kid-retired-target-key"] = "INS-014",
        ["retired-relay-key"] = "INS-020",
        ["expired-within-skew"] = "INS-025",
        ["iat-future-at-skew-limit"] = "INS-026",
        ["relay-presents-routed-seal"] = "INS-029",
    };

    /// <summary>The time-window checks, whose boundary cases are sent at the start of a second (see <see cref="SealChecks"/>).</summary>
    public static IReadOnlySet<string> TimeWindow { get; } = new HashSet<string>(StringComparer.Ordinal) { "INS-025", "INS-026", "INS-027" };

    /// <summary>Refused rows with two flaws, which test the order of the checks (INS-010) rather than the check whose code they expect.</summary>
    private static readonly HashSet<string> Ordering = new(StringComparer.Ordinal)
    {
        "expired-and-presented-by-another-insurer",
        "aud-other-insurer-and-expired",
    };

    /// <summary>
    /// The rows presented over HTTP. A row whose HTTP verdict is another check's (an unknown or empty item list is
    /// INS-002's <c>invalid-field</c> before step ④ runs) stays in the vectors only: filed under INS-031 it could never
    /// catch an INS-031 fault, and INS-002's own malformed-body cases send the same bodies.
    /// </summary>
    public static IReadOnlyList<SealMutation> OverHttp { get; } = SealMutations.All.Where(m => m.ExpectedCodeOverHttp == m.ExpectedCode).ToList();

    public static string RequirementOf(SealMutation mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        if (Ordering.Contains(mutation.Name)) return "INS-010";
        if (mutation.ExpectedCode is { } code) return code.RequirementId;
        return Accepted.TryGetValue(mutation.Name, out var id)
            ? id
            : throw new InvalidOperationException($"the accepted seal mutation '{mutation.Name}' is not placed under a requirement in {nameof(SealCaseGroups)}");
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>One version of a qualification the insurer under test must hold: what it says, when it was notified, when registered (null: notified, not yet registered).</summary>
public sealed record QualificationVersion(DateOnly QualificationDate, DateOnly? DisqualificationDate, string? ReasonOfLoss, DateTimeOffset NotifiedAt, DateTimeOffset? RegisteredAt);

/// <summary>A person the insurer under test must hold under kenpo-a's insurer number, with the history a lag case needs.</summary>
public sealed record InsurerPerson(string Case, string Symbol, string Number, string Branch, IReadOnlyList<QualificationVersion> Versions, string Meaning)
{
    /// <summary>When the insurer last registered a change for the person: what asOf must say (ELG-003).</summary>
    public DateTimeOffset LastRegistered => Versions.Where(v => v.RegisteredAt is not null).Max(v => v.RegisteredAt!.Value);
}

/// <summary>
/// The people the lag cases (ELG-*) ask about, published as <see cref="DocumentPath"/> for vendors to load into their
/// insurer: a loss registered in April 2026, a loss notified in October 2026 and never registered (a change pending),
/// and a number nobody holds. Dates are fixed, so the answers for them are too.
/// </summary>
public static class InsurerPeople
{
    public const string DocumentPath = "docs/test-vectors/insurer-people.json";

    public static InsurerPerson Lost { get; } = new("lost", "12", "5001", "01",
    [
        new(new DateOnly(2019, 4, 1), null, null, At(2019, 4, 2), At(2019, 4, 5)),
        new(new DateOnly(2019, 4, 1), new DateOnly(2026, 4, 1), "03", At(2026, 4, 2), At(2026, 4, 5)),
    ], "Insured from 2019-04-01; lost on 2026-04-01 (reason 03: other insurance acquired), registered 2026-04-05.");

    public static InsurerPerson Pending { get; } = new("pending", "12", "5002", "01",
    [
        new(new DateOnly(2020, 4, 1), null, null, At(2020, 4, 2), At(2020, 4, 3)),
        new(new DateOnly(2020, 4, 1), new DateOnly(2026, 10, 1), "03", At(2026, 10, 1), null),
    ], "Insured from 2020-04-01; a loss on 2026-10-01 was notified on 2026-10-01 and is not registered: a change pending.");

    /// <summary>A number the insurer holds no record under.</summary>
    public static InsurerPerson Absent { get; } = new("absent", "12", "5999", "01", [], "No record: the insurer must answer no-qualification.");

    public static IReadOnlyList<InsurerPerson> All { get; } = [Lost, Pending, Absent];

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The published file.</summary>
    public static string Render() => JsonSerializer.Serialize(new
    {
        description = "People the insurer under test must hold under kenpo-a's insurer number for the lag cases (ELG-*) of the insurer suite, " +
            "besides symbol 12 number 3456 branch 01 (conformance/README.md). Each version is one state of the qualification: load the " +
            "versions with registeredAt as registered at that instant, and a version with registeredAt null as notified at notifiedAt and not registered.",
        people = All.Select(p => new { @case = p.Case, p.Symbol, p.Number, p.Branch, p.Meaning, versions = p.Versions }),
    }, Options) + "\n";

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Chukei.Conformance.Relay.Kit;

/// <summary>A person the relay under test must hold before the suite runs (RLY-032: people are registered out of band).</summary>
public sealed record ProvisionedPerson(string PersonId, string BasicPensionNumber);

/// <summary>
/// The people a vendor provisions in their relay for the suite, published as <see cref="DocumentPath"/>: each case
/// that needs a person takes one nobody else in the run uses, registers enrolments for it under fresh numbers through
/// <c>POST /v1/enrolments</c>, and registers their loss when it ends, so cases do not share state and a second run
/// against the same relay starts clean.
/// </summary>
public static class ProvisionedPeople
{
    public const int Count = 240;

    public const string DocumentPath = "docs/test-vectors/relay-people.json";

    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static IReadOnlyList<ProvisionedPerson> All { get; } =
        [.. Enumerable.Range(1, Count).Select(i => new ProvisionedPerson(PersonId(i), "9900" + i.ToString("D6", CultureInfo.InvariantCulture)))];

    /// <summary>The published file: what a vendor loads into their relay.</summary>
    public static string Render() => JsonSerializer.Serialize(new
    {
        description = "People the relay under test must hold before the relay suite runs (conformance/README.md). " +
            "Register each with exactly this person identifier and basic pension number, and no enrolments.",
        people = All.Select(p => new { personId = p.PersonId, basicPensionNumber = p.BasicPensionNumber }),
    }, Indented) + "\n";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>ID-010: 'P' and 20 base32 characters, derived from a published label so everyone gets the same ids.</summary>
    private static string PersonId(int index)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("chukei-relay-suite/person/" + index.ToString(CultureInfo.InvariantCulture)));
        var id = new StringBuilder("P", 21);
        for (var i = 0; i < 20; i++) id.Append(Base32[bytes[i] % 32]);
        return id.ToString();
    }
}

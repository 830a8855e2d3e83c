namespace Chukei.Contracts.Tests;

/// <summary>
/// Vectors whose verdict the current code gets wrong. The expected verdict stays what the protocol requires; the case is
/// ignored with the bug's description until the code is fixed, then the entry is deleted. Seal mutations are keyed by
/// name; the other vector files by "file/name" (their names may repeat a seal mutation's).
/// </summary>
internal static class KnownBugs
{
    // (JoseCompact's 4k+1-character header part was one, fixed in 5891d22.)
    private static readonly Dictionary<string, string> Bugs = new(StringComparer.Ordinal)
    {
        [EnvelopeKey("oversized")] = "AUTH-001 limits an envelope to 16 384 characters, but EnvelopeVerifier.CheckHeader splits a request " +
            "with the limit ProtocolConstants.MaxBodyBytes (65 536), so a signed request of 16 385 to 65 536 characters is accepted",
        [EnvelopeKey("claims-body-not-object")] = "AUTH-001 requires body to be a JSON object, but EnvelopeClaims.Body is a JsonElement " +
            "(any JSON value deserializes into it), so EnvelopeVerifier accepts a body that is a string",
        [IdentifierKey("symbol-empty")] = "ID-006 makes a present symbol 1 to 20 characters, but IdentifierRules.CardSymbol treats \"\" as absent and accepts it",
        [IdentifierKey("symbol-trailing-newline")] = TrailingNewline,
        [IdentifierKey("number-trailing-newline")] = TrailingNewline,
        [IdentifierKey("party-trailing-newline")] = TrailingNewline,
    };

    private const string TrailingNewline = "IdentifierRules' CardAlphabet and PartyIdPattern end in '$', which in .NET also matches before a final " +
        "line feed, so CardSymbol, CardNumber and PartyId accept a valid value followed by \"\\n\" (ID-006, ID-008); '\\z' would not";

    public static string EnvelopeKey(string name) => "envelopes/" + name;

    public static string IdentifierKey(string name) => "identifiers/" + name;

    public static TestCaseData Apply(TestCaseData data, string key) =>
        Bugs.TryGetValue(key, out var bug) ? data.Ignore("bug: " + bug) : data;
}

namespace Chukei.Contracts.Tests;

/// <summary>
/// Mutations whose verdict the current verifier gets wrong. The expected verdict stays what the protocol requires;
/// the case is ignored with the bug's description until the verifier is fixed, then the entry is deleted.
/// </summary>
internal static class KnownBugs
{
    private static readonly Dictionary<string, string> Bugs = new(StringComparer.Ordinal)
    {
        // JoseCompact.ParseHeader catches only FormatException, but Jose.Base64Url.Decode throws
        // ArgumentOutOfRangeException for a part of 4k+1 characters: Verify throws instead of returning a verdict.
        ["header-impossible-base64url-length"] = "INS-011: SealVerifier.Verify throws ArgumentOutOfRangeException (JoseCompact.ParseHeader, JWE header of 4k+1 chars) instead of returning seal-malformed",
        ["inner-header-impossible-base64url-length"] = "INS-016: SealVerifier.Verify throws ArgumentOutOfRangeException (JoseCompact.ParseHeader, inner JWS header of 4k+1 chars) instead of returning seal-not-nested",
    };

    public static TestCaseData Apply(TestCaseData data, string mutationName) =>
        Bugs.TryGetValue(mutationName, out var bug) ? data.Ignore("bug: " + bug) : data;
}

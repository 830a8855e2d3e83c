using System.Text.Json.Nodes;

namespace Chukei.Contracts.Tests;

/// <summary>One entry of docs/test-vectors/vectors.json, as an implementer would read it.</summary>
public sealed record VectorCase(
    string Name,
    long Now,
    string Caller,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> PresentedBefore,
    string Token,
    string Verdict,
    string? Requirement,
    JsonNode? Claims)
{
    public static VectorCase From(JsonNode v)
    {
        var expected = v["expected"]!;
        return new VectorCase(
            (string)v["name"]!,
            (long)v["now"]!,
            (string)v["caller"]!,
            [.. v["items"]!.AsArray().Select(i => (string)i!)],
            [.. v["presentedBefore"]!.AsArray().Select(i => (string)i!)],
            (string)v["token"]!,
            (string)expected["verdict"]!,
            (string?)expected["requirement"],
            expected["claims"]?.DeepClone());
    }

    /// <summary>What must agree between the committed file and a fresh rendering (tokens are randomized).</summary>
    public string Signature => $"{Name} now={Now} caller={Caller} items=[{string.Join(',', Items)}] before=[{string.Join(',', PresentedBefore)}] " +
        $"-> {Verdict} {Requirement} {Claims?.ToJsonString()}";

    public override string ToString() => Name;
}

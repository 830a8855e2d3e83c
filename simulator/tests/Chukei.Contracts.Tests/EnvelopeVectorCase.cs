using System.Text.Json.Nodes;

namespace Chukei.Contracts.Tests;

/// <summary>One entry of docs/test-vectors/envelopes.json, as an implementer would read it.</summary>
public sealed record EnvelopeVectorCase(
    string Name,
    string Kind,
    long Now,
    string Receiver,
    string? Method,
    string? Path,
    string? CalledParty,
    string? RequestJti,
    IReadOnlyList<EnvelopeVectorCase.Earlier> PresentedBefore,
    string Token,
    string Verdict,
    string? Requirement,
    string? Sender,
    JsonNode? Claims)
{
    /// <summary>A request presented before the vector's own, with the verdict it must get.</summary>
    public sealed record Earlier(string Token, string Method, string Path, string Verdict);

    public bool IsResponse => Kind == "response";

    public static EnvelopeVectorCase From(JsonNode v)
    {
        var expected = v["expected"]!;
        return new EnvelopeVectorCase(
            (string)v["name"]!,
            (string)v["kind"]!,
            (long)v["now"]!,
            (string)v["receiver"]!,
            (string?)v["method"],
            (string?)v["path"],
            (string?)v["calledParty"],
            (string?)v["requestJti"],
            [.. (v["presentedBefore"]?.AsArray() ?? []).Select(p => new Earlier((string)p!["token"]!, (string)p["method"]!, (string)p["path"]!, (string)p["expected"]!["verdict"]!))],
            (string)v["token"]!,
            (string)expected["verdict"]!,
            (string?)expected["requirement"],
            (string?)expected["sender"],
            expected["claims"]?.DeepClone());
    }

    /// <summary>What must agree between the committed file and a fresh rendering (tokens are randomized).</summary>
    public string Signature => $"{Name} {Kind} now={Now} at={Receiver} {Method} {Path} called={CalledParty} request={RequestJti} " +
        $"before=[{string.Join(',', PresentedBefore.Select(p => $"{p.Method} {p.Path} -> {p.Verdict}"))}] -> {Verdict} {Requirement} {Sender} {Claims?.ToJsonString()}";

    public override string ToString() => Name;
}

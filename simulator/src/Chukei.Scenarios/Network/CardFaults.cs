using System.Globalization;
using System.Security.Cryptography;
using Chukei.Card.Faults;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Scenarios.Network;

/// <summary>
/// The card faults of a card-check step (docs/scenarios.md "Card faults") as the card's fault-injecting channel takes
/// them: the names the language uses for the fault kinds, the commands (by INS) and the JPKI files (by EF id).
/// </summary>
public static class CardFaults
{
    public static readonly IReadOnlyDictionary<string, CardFaultKind> Kinds = new Dictionary<string, CardFaultKind>(StringComparer.Ordinal)
    {
        ["remove-before-response"] = CardFaultKind.RemoveBeforeResponse,
        ["remove-after-response"] = CardFaultKind.RemoveAfterResponse,
        ["reset-before-command"] = CardFaultKind.ResetBeforeCommand,
        ["status-word"] = CardFaultKind.ForceStatusWord,
        ["latency"] = CardFaultKind.Latency,
        ["wrong-key-signature"] = CardFaultKind.WrongKeySignature,
        ["corrupt-data"] = CardFaultKind.CorruptData,
    };

    public static readonly IReadOnlyDictionary<string, byte> Commands = new Dictionary<string, byte>(StringComparer.Ordinal)
    {
        ["select"] = 0xA4,
        ["read-binary"] = 0xB0,
        ["verify"] = 0x20,
        ["change-reference-data"] = 0x24,
        ["sign"] = 0x2A,
        ["get-response"] = 0xC0,
    };

    /// <summary>The JPKI application's files (anchors-virtual-card §3.2), as the card carries them.</summary>
    public static readonly IReadOnlyDictionary<string, ushort> Files = new Dictionary<string, ushort>(StringComparer.Ordinal)
    {
        ["token"] = 0x0006,
        ["auth-certificate"] = 0x000A,
        ["auth-ca-certificate"] = 0x000B,
        ["auth-pin"] = 0x0018,
        ["auth-key"] = 0x0017,
        ["sign-certificate"] = 0x0001,
        ["sign-ca-certificate"] = 0x0002,
        ["sign-password"] = 0x001B,
        ["sign-key"] = 0x001A,
    };

    /// <summary>
    /// The channel's fault for a validated spec. <paramref name="wrongKey"/> gives the key a wrong-key signature is made
    /// with; the caller owns and disposes it.
    /// </summary>
    public static CardFault ToCardFault(CardFaultSpec spec, Func<RSA> wrongKey)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(wrongKey);
        var kind = Kinds[spec.Kind];
        return new CardFault
        {
            Kind = kind,
            Ins = spec.Command is null ? null : Commands[spec.Command],
            FileId = spec.File is null ? null : Files[spec.File],
            Occurrence = spec.Occurrence,
            StatusWord = spec.StatusWord is null ? (ushort)0 : ParseStatusWord(spec.StatusWord)!.Value,
            Latency = spec.Latency is null ? TimeSpan.Zero : ScenarioValidator.ParseDuration(spec.Latency)!.Value,
            WrongKey = kind == CardFaultKind.WrongKeySignature ? wrongKey() : null,
            CorruptAt = spec.At,
        };
    }

    /// <summary>Four hex digits, as status words are written (6F00, 6581); null when it is not one.</summary>
    public static ushort? ParseStatusWord(string text) =>
        text is { Length: 4 } && ushort.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var sw) ? sw : null;

    /// <summary>How the step prints a fault: "the card …".</summary>
    public static string Describe(CardFaultSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var occurrence = spec.Occurrence == 0 ? "every" : "the " + Ordinal(spec.Occurrence);
        var command = $"{occurrence} {(spec.Command ?? "command").ToUpperInvariant().Replace('-', ' ')}{(spec.File is null ? "" : " of " + spec.File)}";
        return spec.Kind switch
        {
            "remove-before-response" => $"is pulled out before it processes {command}",
            "remove-after-response" => $"is pulled out after it processes {command}, before the reader gets the answer",
            "reset-before-command" => $"is warm-reset just before {command} reaches it",
            "status-word" => $"answers {spec.StatusWord} to {command} without processing it",
            "latency" => $"takes {spec.Latency} longer to answer {command}",
            "wrong-key-signature" => $"answers {command} with a signature by another key",
            _ => $"answers {command} with one data byte flipped",
        };
    }

    /// <summary>The language's name of a fault kind, for the line printed when it fires.</summary>
    public static string NameOf(CardFaultKind kind) => Kinds.First(k => k.Value == kind).Key;

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}

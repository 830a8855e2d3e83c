using System.Globalization;
using BenchmarkDotNet.Reports;

namespace Chukei.Benchmarks;

/// <summary>The summary the benchmarks exist for: how far the seal and the flow are from the primitives they are built of.</summary>
internal static class RatioTable
{
    private sealed record Ratio(string Name, string Numerator, string[] Denominator, string Meaning, bool Efficiency);

    private static readonly Ratio[] Ratios =
    [
        new("Seal: % of primitive bound", nameof(PrimitiveBenchmarks.BoundSeal), [nameof(SealBenchmarks.Seal)],
            "bound_time / seal_time; 100% = the seal costs no more than sign + ephemeral ECDH + AES-GCM", Efficiency: true),
        new("Seal: % of complete bound", nameof(PrimitiveBenchmarks.BoundSealComplete), [nameof(SealBenchmarks.Seal)],
            "as above, with epk export, Concat KDF and AES key wrap in the bound", Efficiency: true),
        new("Open+check: % of primitive bound", nameof(PrimitiveBenchmarks.BoundOpenCheck), [nameof(SealBenchmarks.OpenCheck)],
            "bound_time / verify_time; bound = static ECDH + AES-GCM decrypt + ECDSA verify", Efficiency: true),
        new("Open+check: % of complete bound", nameof(PrimitiveBenchmarks.BoundOpenCheckComplete), [nameof(SealBenchmarks.OpenCheck)],
            "as above, with epk import (validation), Concat KDF and AES key unwrap in the bound", Efficiency: true),
        new("Seal with one-schedule key wrap: % of primitive bound", nameof(PrimitiveBenchmarks.BoundSeal), [nameof(SealBenchmarks.SealOneScheduleKeyWrap)],
            "the seal if JoseCompact.StrictSettings registered OneScheduleEcdhEsA256Kw (prototype in this project)", Efficiency: true),
        new("Flow in-process / (seal + open)", nameof(FlowBenchmarks.FlowInProcess), [nameof(SealBenchmarks.Seal), nameof(SealBenchmarks.OpenCheck)],
            "×; what lookup, access log, evaluation and the signed answer add to the seal's own cost", Efficiency: false),
        new("Relay lookup / seal", nameof(FlowBenchmarks.RelayLookup), [nameof(SealBenchmarks.Seal)],
            "×; the relay's step ①② (SQLite resolve, access-log append, seal) against the seal alone", Efficiency: false),
        new("Flow in-process full / (seal + open)", nameof(FlowBenchmarks.FlowInProcessFull), [nameof(SealBenchmarks.Seal), nameof(SealBenchmarks.OpenCheck)],
            "×; as above with all three signed calls (request + response envelopes) and the log report", Efficiency: false),
        new("Flow HTTP / flow in-process full", nameof(FlowBenchmarks.FlowHttp), [nameof(FlowBenchmarks.FlowInProcessFull)],
            "×; the loopback transport's share (same calls, same crypto)", Efficiency: false),
        new("Flow HTTP / flow in-process", nameof(FlowBenchmarks.FlowHttp), [nameof(FlowBenchmarks.FlowInProcess)],
            "×; transport plus the request envelopes and the report call", Efficiency: false),
    ];

    public static void Write(IReadOnlyList<Summary> summaries, TextWriter output)
    {
        var means = summaries.SelectMany(s => s.Reports)
            .Where(r => r.Success && r.ResultStatistics is not null)
            .GroupBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ResultStatistics!.Mean, StringComparer.Ordinal);

        output.WriteLine();
        output.WriteLine("Ratios (from the means above, same run)");
        output.WriteLine();
        output.WriteLine("| Ratio | Value | Numerator | Denominator | Meaning |");
        output.WriteLine("|---|---:|---:|---:|---|");
        foreach (var r in Ratios)
        {
            if (!means.TryGetValue(r.Numerator, out var top) || !r.Denominator.All(means.ContainsKey))
            {
                output.WriteLine($"| {r.Name} | n/a | | | not all of {r.Numerator}, {string.Join(", ", r.Denominator)} ran |");
                continue;
            }
            var bottom = r.Denominator.Sum(d => means[d]);
            var value = r.Efficiency ? Format($"{100 * top / bottom:F0}%") : Format($"{top / bottom:F2}×");
            output.WriteLine($"| {r.Name} | {value} | {r.Numerator} {Micro(top)} | {string.Join(" + ", r.Denominator)} {Micro(bottom)} | {r.Meaning} |");
        }

        // SealVerifier's settings cannot be swapped from outside, so the open with the prototype key wrap is projected.
        string[] open = [nameof(PrimitiveBenchmarks.BoundOpenCheck), nameof(SealBenchmarks.OpenCheck), nameof(SealBenchmarks.OpenDecrypt), nameof(SealBenchmarks.OpenDecryptOneScheduleKeyWrap)];
        if (open.All(means.ContainsKey))
        {
            var bound = means[open[0]];
            var projected = means[open[1]] - means[open[2]] + means[open[3]];
            output.WriteLine($"| Open+check with one-schedule key wrap: % of primitive bound (projected) | {Format($"{100 * bound / projected:F0}%")} | BoundOpenCheck {Micro(bound)} | OpenCheck − OpenDecrypt + OpenDecryptOneScheduleKeyWrap {Micro(projected)} | the open if SealVerifier's settings used the same key wrap |");
        }

        WriteBreakdowns(means, output);
    }

    /// <summary>Where the seal's and the open's time goes, from the component benchmarks (an estimate: the parts are measured apart).</summary>
    private static void WriteBreakdowns(Dictionary<string, double> m, TextWriter output)
    {
        double? Get(string name) => m.TryGetValue(name, out var v) ? v : null;
        var seal = Get(nameof(SealBenchmarks.Seal));
        var sign = Get(nameof(SealBenchmarks.SealSignInner));
        var encrypt = Get(nameof(SealBenchmarks.SealEncrypt));
        var ecdh = Get(nameof(PrimitiveBenchmarks.EcdhEphemeralKeygenDerive));
        var joseWrap = Get(nameof(PrimitiveBenchmarks.JoseAesKeyWrap));
        var export = Get(nameof(PrimitiveBenchmarks.EcPublicExport)) * 2;
        var gcm = Get(nameof(PrimitiveBenchmarks.AesGcmEncrypt1K));
        WriteTable(output, "Seal breakdown (estimate from component benchmarks)", seal,
        [
            ("Seal (measured)", seal),
            ("  inner JWS, jose-jwt ES256 (SealSignInner)", sign),
            ("    raw SHA-256 + ECDSA SignHash", Get(nameof(PrimitiveBenchmarks.EcdsaSign))),
            ("  outer JWE, jose-jwt ECDH-ES+A256KW/A256GCM (SealEncrypt)", encrypt),
            ("    ephemeral keygen + ECDH derive (raw)", ecdh),
            ("    AES key wrap, jose-jwt (new Aes + CryptoStream per block)", joseWrap),
            ("    AES key wrap, RFC 3394 with one key schedule (for comparison)", Get(nameof(PrimitiveBenchmarks.AesKeyWrapRfc3394))),
            ("    2 × ExportParameters(false) of a P-256 key", export),
            ("    AES-256-GCM of ~1 KiB", gcm),
            ("    remainder: KDF hash, JSON headers, base64url, dictionaries", encrypt - ecdh - joseWrap - export - gcm),
            ("  claims serialisation and the rest of Seal", seal - sign - encrypt),
            ("Seal with one-schedule key wrap (measured, for comparison)", Get(nameof(SealBenchmarks.SealOneScheduleKeyWrap))),
        ]);

        var open = Get(nameof(SealBenchmarks.OpenCheck));
        var decrypt = Get(nameof(SealBenchmarks.OpenDecrypt));
        var verify = Get(nameof(SealBenchmarks.OpenVerifyInner));
        var import = Get(nameof(PrimitiveBenchmarks.EcdhPublicImport));
        var derive = Get(nameof(PrimitiveBenchmarks.EcdhStaticDerive));
        var joseUnwrap = Get(nameof(PrimitiveBenchmarks.JoseAesKeyUnwrap));
        var gcmDecrypt = Get(nameof(PrimitiveBenchmarks.AesGcmDecrypt1K));
        WriteTable(output, "Open+check breakdown (estimate from component benchmarks)", open,
        [
            ("OpenCheck (measured)", open),
            ("  JWE decrypt, jose-jwt (OpenDecrypt)", decrypt),
            ("    import of the epk into a new ECDiffieHellman (validated)", import),
            ("    static ECDH derive (raw)", derive),
            ("    AES key unwrap, jose-jwt", joseUnwrap),
            ("    AES key unwrap, RFC 3394 with one key schedule (for comparison)", Get(nameof(PrimitiveBenchmarks.AesKeyUnwrapRfc3394))),
            ("    AES-256-GCM decrypt of ~1 KiB", gcmDecrypt),
            ("    remainder: KDF hash, JSON header, base64url", decrypt - import - derive - joseUnwrap - gcmDecrypt),
            ("  JWS verify, jose-jwt (OpenVerifyInner)", verify),
            ("    raw SHA-256 + ECDSA VerifyHash", Get(nameof(PrimitiveBenchmarks.EcdsaVerify))),
            ("  header checks, claims parsing and INS-011 … INS-031", open - decrypt - verify),
            ("JWE decrypt with one-schedule key wrap (measured, for comparison)", Get(nameof(SealBenchmarks.OpenDecryptOneScheduleKeyWrap))),
        ]);
    }

    private static void WriteTable(TextWriter output, string title, double? total, IReadOnlyList<(string Part, double? Time)> rows)
    {
        if (total is not { } t || rows.Any(r => r.Time is null)) return;
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine();
        output.WriteLine("| Part | Time | Share |");
        output.WriteLine("|---|---:|---:|");
        foreach (var (part, time) in rows)
            output.WriteLine($"| {part} | {Micro(time!.Value)} | {Format($"{100 * time.Value / t:F0}%")} |");
    }

    private static string Micro(double nanoseconds) => Format($"{nanoseconds / 1000:F1} µs");

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

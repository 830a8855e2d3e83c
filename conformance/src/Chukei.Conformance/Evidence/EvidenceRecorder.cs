using System.Text;
using Chukei.Contracts.Client;

namespace Chukei.Conformance.Evidence;

/// <summary>
/// Collects what one test exchanged with the target: every HTTP call the kit made (hand
/// <see cref="Record"/> to <see cref="PartyClient.Exchanges"/>) and what the target sent to the kit's own endpoints.
/// <see cref="Attach"/> writes it under the test's work directory and attaches it to the result.
/// </summary>
public sealed class EvidenceRecorder
{
    private readonly Lock _gate = new();
    private readonly List<EvidenceItem> _items = [];

    public IReadOnlyList<EvidenceItem> Items
    {
        get { lock (_gate) return _items.ToList(); }
    }

    /// <summary>Records a call the kit made to the target.</summary>
    public void Record(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        Add(new EvidenceItem("kit → target", exchange));
    }

    /// <summary>Records a call the target made to one of the kit's endpoints (e.g. an access-log report).</summary>
    public void RecordInbound(RecordedExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        Add(new EvidenceItem("target → kit", exchange));
    }

    public string Format()
    {
        var items = Items;
        if (items.Count == 0) return "(no exchanges recorded)";
        var text = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            var (direction, e) = items[i];
            text.Append('#').Append(i + 1).Append(' ').Append(direction).Append(": ").Append(e.Method).Append(' ').AppendLine(e.Url);
            AppendBody(text, "request", e.RequestBody);
            text.Append("  status ").Append(e.Status).AppendLine();
            AppendBody(text, "response", e.ResponseBody);
        }
        return text.ToString();
    }

    /// <summary>Writes the evidence to <c>chukei-evidence/{test}.txt</c> in the test's work directory and attaches it; returns the path.</summary>
    public string? Attach()
    {
        if (Items.Count == 0) return null;
        var context = TestContext.CurrentContext;
        var folder = Path.Combine(context.WorkDirectory, "chukei-evidence");
        Directory.CreateDirectory(folder);
        // The test name, shortened, plus a hash of the full name: unique per test and within file-name limits.
        var name = string.Concat(context.Test.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(context.Test.FullName)))[..8];
        var path = Path.Combine(folder, (name.Length > 100 ? name[..100] : name) + "-" + hash + ".txt");
        File.WriteAllText(path, Format());
        TestContext.AddTestAttachment(path, "HTTP exchanges of this test");
        return path;
    }

    private void Add(EvidenceItem item)
    {
        lock (_gate) _items.Add(item);
    }

    private static void AppendBody(StringBuilder text, string label, string body)
    {
        text.Append("  ").Append(label).Append(": ").AppendLine(body.Length > 4000 ? body[..4000] + "…" : body);
        if (JwsText.TryDecodePayload(body) is { } payload)
            text.Append("  ").Append(label).Append(" payload: ").AppendLine(payload.Length > 4000 ? payload[..4000] + "…" : payload);
    }
}

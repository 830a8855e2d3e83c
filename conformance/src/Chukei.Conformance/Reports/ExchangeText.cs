using Chukei.Conformance.Evidence;

namespace Chukei.Conformance.Reports;

/// <summary>The exchanges of a case as text, numbered, the same way the NUnit evidence shows them.</summary>
internal static class ExchangeText
{
    public static string Format(IReadOnlyList<EvidenceItem> items)
    {
        var recorder = new EvidenceRecorder();
        foreach (var item in items)
        {
            if (item.Direction == "target → kit") recorder.RecordInbound(item.Exchange);
            else recorder.Record(item.Exchange);
        }
        return recorder.Format();
    }
}

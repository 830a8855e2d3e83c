using Chukei.Card.Logging;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Client;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>Runs one check of the clinic under test and records, as evidence, the card's log of it and the verdict.</summary>
internal static class Observed
{
    /// <summary>The clinic's verdict and the commands that reached the card during the check.</summary>
    public static async Task<(ClinicVerdict Verdict, IReadOnlyList<ReadOnlyMemory<byte>> Commands)> CheckAsync(ClinicSession session, CheckContext check,
        CardUnderTest card, string pin = ClinicKitWorld.Pin, Uri? relayUrl = null)
    {
        var mark = card.Mark();
        var verdict = await session.CheckAsync(card, pin, relayUrl);
        var log = card.Log.Skip(mark).ToList();
        // The channel masks VERIFY data itself, so this evidence never carries a PIN.
        var apdus = string.Join(Environment.NewLine, log.Select(e => e.Direction == ApduDirection.Control ? e.Text : $"{e.Direction}: {e.Text}"));
        check.Evidence.Record(new RecordedExchange("CHECK", (relayUrl ?? session.World.RelayUrl).ToString(), apdus, 0, verdict.ToString()));
        return (verdict, log.Where(e => e.Direction == ApduDirection.Command).Select(e => e.Bytes).ToList());
    }

    /// <summary>Fails the check unless the clinic concluded <paramref name="expected"/>.</summary>
    public static void MustConclude(this CheckContext check, ClinicVerdict verdict, ClinicVerdictKind expected, string why) =>
        check.Must(verdict.Kind == expected, $"{why}: expected {expected}, the clinic concluded {verdict}");
}

using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>
/// ELG-021: after a valid check, the insurer registers a loss on the service date and tells the clinic through the
/// relay; the clinic picks the notice up, finds its record of the check by correlationId and relayLogEntryId, holds
/// it as superseded with the new status and loss date, and holds a notice delivered again as the same notice.
/// </summary>
internal static class NoticeChecks
{
    /// <summary>The notice about a valid check supersedes that check's record, once, with the status and loss date it carries.</summary>
    public static async Task SupersededAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, RelayProxyBehaviour.Watches, session.World.Time);
        var entry = await ValidCheckAsync(session, check, ClinicKitWorld.Cards.LossNotified, relay);
        await LossNotifiedAsync(session, check, "noa");

        var held = (await session.PickUpNoticesAsync(check, relay.Url)).Where(n => n.RelayLogEntryId == entry).ToList();
        check.Must(held.Count == 1,
            $"the insurer told the clinic, through the relay, that the valid answer of check {entry} no longer holds; after a pickup the clinic must hold " +
            $"that notice once against its record of the check, and holds {held.Count}");
        var notice = held[0];
        check.Must(notice.Status == EligibilityStatus.Invalid && notice.DisqualificationDate == session.World.Today && notice.ServiceDate == session.World.Today,
            $"the notice supersedes the check of {session.World.Today} by invalid from {session.World.Today}; the clinic holds it as {notice.Status} from " +
            $"{notice.DisqualificationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(no date)"} for {notice.ServiceDate:yyyy-MM-dd}");
    }

    /// <summary>A relay that delivers a notice again (it lost the acknowledgement) does not give the clinic a second notice.</summary>
    public static async Task DeliveredTwiceAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, session.World.Forged.RedeliveringNotices(), session.World.Time,
            Chukei.Clinic.Notices.NoticePickup.Path);
        var entry = await ValidCheckAsync(session, check, ClinicKitWorld.Cards.LossNotifiedTwice, relay);
        await LossNotifiedAsync(session, check, "sora");

        // One notice about the check is what the clinic must hold after any pickup: none, or several, fails here too.
        var first = (await session.PickUpNoticesAsync(check, relay.Url)).Count(n => n.RelayLogEntryId == entry);
        check.Must(first == 1,
            $"the insurer told the clinic, through the relay, that the valid answer of check {entry} no longer holds; after the first pickup the clinic must hold " +
            $"that notice once against its record of the check, and holds {first}");
        var again = (await session.PickUpNoticesAsync(check, relay.Url)).Count(n => n.RelayLogEntryId == entry);
        check.Must(again == 1,
            $"the relay delivered the notice about check {entry} again under the same logEntryId; it is the same notice, yet the clinic now holds {again}");
    }

    /// <summary>
    /// A notice naming the check's correlationId but another relayLogEntryId is not about that check: the clinic must not
    /// hold it against the check's record (it may hold it unmatched, or drop it).
    /// </summary>
    public static async Task NamingAnotherLogEntryAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, session.World.Forged.NoticesNamingAnotherLogEntry, session.World.Time,
            Chukei.Clinic.Notices.NoticePickup.Path);
        var entry = await ValidCheckAsync(session, check, ClinicKitWorld.Cards.LossNotifiedForAnotherEntry, relay);
        await LossNotifiedAsync(session, check, "mio");

        var held = await PickedUpAsync(session, check, relay);
        if (relay.RewrittenAnswersDelivered == 0) throw check.Unreachable("the clinic's pickup was never handed a notice (the one naming another relayLogEntryId)");
        var matched = held.Count(n => n.RelayLogEntryId == entry);
        check.Must(matched == 0,
            $"the only notice delivered named the correlationId of check {entry} but another relayLogEntryId; a notice finds its record by both, yet the clinic holds {matched} notice(s) against check {entry}");
    }

    /// <summary>AUTH-014: a pickup answer whose signature does not verify is not used: the clinic holds none of its notices.</summary>
    public static async Task PickupAnswerForgedAsync(ClinicSession session, CheckContext check)
    {
        await using var relay = await TamperingRelayProxy.StartAsync(session.World.RelayUrl, ForgedRelayAnswers.NoticesUnderBrokenSignature, session.World.Time,
            Chukei.Clinic.Notices.NoticePickup.Path);
        var entry = await ValidCheckAsync(session, check, ClinicKitWorld.Cards.LossNotifiedUnderBrokenSignature, relay);
        await LossNotifiedAsync(session, check, "ren");

        var held = await PickedUpAsync(session, check, relay);
        if (relay.RewrittenAnswersDelivered == 0) throw check.Unreachable("the clinic's pickup was never handed the pickup answer carrying the notice (the one with the broken signature)");
        var used = held.Count(n => n.RelayLogEntryId == entry);
        check.Must(used == 0,
            $"the only pickup answer carrying a notice about check {entry} had a broken signature, yet the clinic holds {used} notice(s) from it against that check");
    }

    /// <summary>One pickup through <paramref name="relay"/>, the notices held afterwards recorded as evidence.</summary>
    private static async Task<IReadOnlyList<Contracts.ClinicDriver.ClinicHeldNotice>> PickedUpAsync(ClinicSession session, CheckContext check, TamperingRelayProxy relay)
    {
        var held = await session.PickUpNoticesAsync(check, relay.Url);
        check.Evidence.Record(new Contracts.Client.RecordedExchange("PICKUP", relay.Url.ToString(), "", 0,
            held.Count == 0 ? "(no notices held)" : string.Join(Environment.NewLine, held.Select(n => $"{n.NoticeLogEntryId}: {n.CorrelationId} {n.RelayLogEntryId} {n.Status}"))));
        return held;
    }

    private static async Task<string> ValidCheckAsync(ClinicSession session, CheckContext check, Chukei.Card.Pki.CardCredentials card, TamperingRelayProxy relay)
    {
        var (verdict, _) = await Observed.CheckAsync(session, check, session.World.Card(card), relay: relay);
        if (!verdict.IsEligible) throw check.Unreachable($"the check of an insured person concluded {verdict}, not eligible (CLN-037 covers that)");
        return relay.AnswerLogEntryIds.Count == 1 ? relay.AnswerLogEntryIds[0]
            : throw check.Unreachable($"expected one answered card-eligibility request, the relay answered {relay.AnswerLogEntryIds.Count}");
    }

    private static async Task LossNotifiedAsync(ClinicSession session, CheckContext check, string personId)
    {
        var accepted = await session.World.RegisterLossAsync(personId);
        if (accepted != 1) throw check.Unreachable($"the kit's insurer could not have the relay accept its retroactive-change notice ({accepted} accepted)");
    }
}

using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Chukei.Relay.Lookups;

namespace Chukei.Relay.Routing;

/// <summary>
/// The relay-routed alternative (RLY-020 … RLY-024): the relay looks up, seals with <c>routed: true</c>, forwards
/// the inquiry under its own signature, and hands back the target's signed answer untouched.
/// </summary>
public sealed class RoutedInquiryService(RelayNode relay, LookupService lookups)
{
    public async Task<RoutedInquiryAnswer> InquireAsync(PartyDescriptor caller, RoutedInquiryRequest request, CancellationToken ct)
    {
        var r = lookups.ResolveOrLogRefusal(caller, request.Subject, request.TargetKind, request.Purpose, request.CorrelationId, AccessAction.RoutedInquiry, request.Items);
        if (r.Outcome != LookupOutcome.Found)
        {
            var missed = relay.Log.Append(lookups.Draft(caller, r, request.Purpose, request.CorrelationId, AccessAction.RoutedInquiry, items: request.Items));
            return new RoutedInquiryAnswer { Outcome = r.Outcome, LogEntryId = missed.EntryId, CorrelationId = request.CorrelationId };
        }

        // The entry id must exist before sealing (it goes into the seal), so the entry is written first and a
        // failure to forward is recorded as a second, refused entry rather than by rewriting the first.
        var entry = relay.Log.Append(lookups.Draft(caller, r, request.Purpose, request.CorrelationId, AccessAction.RoutedInquiry, items: request.Items));
        if (relay.Defects.LogsRoutedInquiriesAsLookupsToo) relay.Log.Append(lookups.Draft(caller, r, request.Purpose, request.CorrelationId, AccessAction.Lookup));
        var seal = lookups.Seal(caller.Id, r, request.Purpose, entry.EntryId, routed: true);
        var inquiry = new InquiryRequest { Seal = seal, Items = request.Items, ServiceDate = request.ServiceDate, CorrelationId = request.CorrelationId };
        var target = r.TargetParty!;
        var url = new Uri(new Uri(target.BaseUrl!.TrimEnd('/') + "/"), "v1/inquiries");
        var (token, id) = relay.Self.Signer.SignRequest(target.Id, "POST", url.AbsolutePath, inquiry);

        (int Status, string Body) raw;
        try
        {
            raw = await relay.Client.SendAsync(url, token, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Refuse(caller, r, request, entry.EntryId, ProblemCodes.TargetUnavailable.Code);
            throw new ProtocolException(ProblemCodes.TargetUnavailable, $"{target.Id} did not answer");
        }
        if (raw.Status != 200 && Contracts.Client.PartyClient.ReadProblem(raw.Body)?.Code is { } code && !relay.Defects.HidesTargetRefusals)
        {
            // The target logged and reported its own refusal; the relay only passes the code on (RLY-022).
            throw new ProtocolException(ProblemCodes.TargetRefused, code);
        }

        // RLY-024: the answer must be the target's, for the original requester, answering this very request;
        // anything else (including a non-problem error status) counts as no answer (RLY-021).
        var forRequester = new EnvelopeVerifier(caller.Id, relay.Self.Directory, new MemoryReplayCache(relay.Self.Time), relay.Self.Time);
        VerifiedEnvelope? answer;
        try
        {
            if (raw.Status != 200) throw new ProtocolException(ProblemCodes.TargetUnavailable, $"HTTP {raw.Status} without a problem document");
            answer = relay.Defects.ForwardsUnverifiedAnswers ? null : forRequester.VerifyResponse(raw.Body, target.Id, id);
        }
        catch (ProtocolException ex)
        {
            Refuse(caller, r, request, entry.EntryId, ProblemCodes.TargetUnavailable.Code);
            throw new ProtocolException(ProblemCodes.TargetUnavailable, $"{target.Id} answered with something that does not verify: {ex.Detail}");
        }
        return new RoutedInquiryAnswer
        {
            Outcome = LookupOutcome.Found,
            Target = LookupService.Target(r),
            AsOf = r.Target!.RegisteredAt,
            TargetAnswer = relay.Defects.ResignsRoutedAnswers ? relay.Self.Signer.SignResponse(caller.Id, id, answer!.Claims.Body) : raw.Body,
            LogEntryId = entry.EntryId,
            CorrelationId = request.CorrelationId,
        };
    }

    private void Refuse(PartyDescriptor caller, LookupService.Resolution r, RoutedInquiryRequest request, string related, string code) =>
        relay.Log.Append(lookups.Draft(caller, r, request.Purpose, request.CorrelationId, AccessAction.RoutedInquiry,
            AccessOutcome.Refused, code, request.Items) with { RelatedEntryId = related });
}

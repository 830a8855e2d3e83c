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
        var r = lookups.Resolve(caller, request.Subject, request.TargetKind);
        if (r.Outcome != LookupOutcome.Found)
        {
            var missed = relay.Log.Append(lookups.Draft(caller, r, request.Purpose, request.CorrelationId, AccessAction.RoutedInquiry, items: request.Items));
            return new RoutedInquiryAnswer { Outcome = r.Outcome, LogEntryId = missed.EntryId, CorrelationId = request.CorrelationId };
        }

        // The entry id must exist before sealing (it goes into the seal), so the entry is written first and a
        // failure to forward is recorded as a second, refused entry rather than by rewriting the first.
        var entry = relay.Log.Append(lookups.Draft(caller, r, request.Purpose, request.CorrelationId, AccessAction.RoutedInquiry, items: request.Items));
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
        if (raw.Status != 200)
        {
            var code = Contracts.Client.PartyClient.ReadProblem(raw.Body)?.Code ?? $"http-{raw.Status}";
            Refuse(caller, r, request, entry.EntryId, code);
            throw new ProtocolException(ProblemCodes.TargetRefused, $"{target.Id} refused the inquiry with '{code}'");
        }

        // RLY-023: the answer must be the target's, for the original requester, answering this very request.
        var forRequester = new EnvelopeVerifier(caller.Id, relay.Self.Directory, new MemoryReplayCache(relay.Self.Time), relay.Self.Time);
        try
        {
            forRequester.VerifyResponse(raw.Body, target.Id, id);
        }
        catch (ProtocolException ex)
        {
            Refuse(caller, r, request, entry.EntryId, ex.Code.Code);
            throw new ProtocolException(ProblemCodes.TargetRefused, $"{target.Id} answered with an envelope that does not verify: {ex.Detail}");
        }
        return new RoutedInquiryAnswer
        {
            Outcome = LookupOutcome.Found,
            Target = LookupService.Target(r),
            AsOf = r.Target!.RegisteredAt,
            TargetAnswer = raw.Body,
            LogEntryId = entry.EntryId,
            CorrelationId = request.CorrelationId,
        };
    }

    private void Refuse(PartyDescriptor caller, LookupService.Resolution r, RoutedInquiryRequest request, string related, string code) =>
        relay.Log.Append(lookups.Draft(caller, r, request.Purpose, request.CorrelationId, AccessAction.RoutedInquiry,
            AccessOutcome.Refused, code, request.Items) with { RelatedEntryId = related });
}

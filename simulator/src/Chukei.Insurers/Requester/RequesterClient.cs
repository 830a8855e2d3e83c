using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Wire;

namespace Chukei.Insurers.Requester;

/// <summary>
/// The requesting side ("A" in figure 5): ① lookup at the relay, ③ inquiry at the target with the seal, ⑤ the
/// target's signed answer verified — or the routed alternative. Every step is kept in a <see cref="FlowTrace"/>.
/// </summary>
public sealed class RequesterClient(PartyClient client, EnvelopeVerifier verifier, string relayId)
{
    public Task<PartyResponse<LookupAnswer>> LookupAsync(LookupRequest request, CancellationToken ct = default) =>
        client.PostAsync<LookupRequest, LookupAnswer>(relayId, "/v1/lookups", request, ct);

    public Task<PartyResponse<InquiryAnswer>> InquireAsync(string targetId, InquiryRequest request, CancellationToken ct = default) =>
        client.PostAsync<InquiryRequest, InquiryAnswer>(targetId, "/v1/inquiries", request, ct);

    /// <summary>Runs ①–⑤ directly (A talks to B itself).</summary>
    public async Task<FlowTrace> RunDirectAsync(LookupRequest lookup, IReadOnlyList<string> items, DateOnly? serviceDate, CancellationToken ct = default)
    {
        var trace = new FlowTrace();
        var l = await LookupAsync(lookup, ct);
        trace.Lookup = l;
        if (!l.IsSuccess || l.Answer!.Outcome != LookupOutcome.Found) return trace;
        var inquiry = new InquiryRequest { Seal = l.Answer.Seal!, Items = items, ServiceDate = serviceDate, CorrelationId = lookup.CorrelationId };
        trace.Inquiry = await InquireAsync(l.Answer.Target!.PartyId, inquiry, ct);
        return trace;
    }

    /// <summary>The routed alternative: the relay forwards; A verifies B's own signature on the forwarded answer.</summary>
    public async Task<FlowTrace> RunRoutedAsync(RoutedInquiryRequest request, CancellationToken ct = default)
    {
        var trace = new FlowTrace();
        var r = await client.PostAsync<RoutedInquiryRequest, RoutedInquiryAnswer>(relayId, "/v1/routed-inquiries", request, ct);
        trace.Routed = r;
        if (r.IsSuccess && r.Answer!.TargetAnswer is { } forwarded)
        {
            var envelope = verifier.VerifyForwardedResponse(forwarded, r.Answer.Target!.PartyId);
            var answer = ProtocolJson.Deserialize<InquiryAnswer>(envelope.Claims.Body, "forwarded answer");
            trace.Inquiry = new PartyResponse<InquiryAnswer>(200, answer, null, forwarded);
        }
        return trace;
    }
}

/// <summary>What happened at each step of one flow.</summary>
public sealed class FlowTrace
{
    public PartyResponse<LookupAnswer>? Lookup { get; set; }
    public PartyResponse<RoutedInquiryAnswer>? Routed { get; set; }
    public PartyResponse<InquiryAnswer>? Inquiry { get; set; }
}

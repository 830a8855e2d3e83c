using Chukei.Conformance.Evidence;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>
/// The parties the kit plays, all with the published test-vector keys (docs/test-vectors/): the relay (it seals and
/// receives reports) and the requesting insurers kaigo-b and kenpo-c. Its directory is the published one with two
/// base URLs filled in: the target's and the relay stand-in's.
/// </summary>
public sealed class KitWorld : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, PartyKeySet> _keys;

    public KitWorld(InsurerTarget target, Uri relayUrl)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.PartyId != TargetId)
            throw new TargetConfigurationException($"the kit's published test keys are those of {TargetId}; the target is configured as '{target.PartyId}'");
        Target = target;
        var fixture = NewFixture();
        Directory = new PartyDirectory(RelayId);
        Directory.Replace(fixture.Parties.Select(p => p.Id switch
        {
            TargetId => p with { BaseUrl = target.Target.BaseUrl.ToString().TrimEnd('/') },
            RelayId => p with { BaseUrl = relayUrl.ToString().TrimEnd('/') },
            _ => p,
        }));
        // The portal and the clinic only call to be refused (INS-001), with their published keys.
        _keys = new[] { RelayId, RequesterId, OtherInsurerId, PortalId, ClinicId }.ToDictionary(id => id, fixture.KeySet, StringComparer.Ordinal);
    }

    public InsurerTarget Target { get; }

    /// <summary>The kit's view of the directory (the published one, with the target's and the relay's base URLs).</summary>
    public PartyDirectory Directory { get; }

    public Uri InquiryUrl => Target.Target.Endpoint("v1/inquiries");

    /// <summary>A seal fixture whose "now" is the kit's clock now, so time-window cases are relative to the present.</summary>
    public SealFixture NewFixture() => new(Target.Time.GetUtcNow());

    public PartyKeySet KeysOf(string partyId) => _keys[partyId];

    /// <summary>
    /// A client for a party the kit plays whose every exchange lands in <paramref name="evidence"/>; it signs with the
    /// party's published keys, or with <paramref name="keys"/> (a rotated key the directory cases publish).
    /// </summary>
    public PartyClient ClientFor(string partyId, EvidenceRecorder evidence, PartyKeySet? keys = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var signer = new EnvelopeSigner(partyId, keys ?? _keys[partyId], Target.Time);
        return new PartyClient(_http, signer, VerifierFor(partyId), Directory) { Exchanges = evidence.Record };
    }

    /// <summary>Verifies what the target sends to <paramref name="partyId"/> (answers are addressed to it).</summary>
    public EnvelopeVerifier VerifierFor(string partyId) => new(partyId, Directory, new MemoryReplayCache(Target.Time), Target.Time);

    /// <summary>
    /// A request to the target as raw HTTP (<paramref name="method"/>, <paramref name="body"/> as <paramref name="mediaType"/>,
    /// none for a GET), for the cases about what the target does with a wrong media type, method or path; recorded as
    /// evidence. The answer's status, media type and body.
    /// </summary>
    public async Task<(int Status, string? ContentType, string Body)> SendRawAsync(HttpMethod method, Uri url, string? body, string? mediaType, EvidenceRecorder evidence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(evidence);
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.ASCII);
            request.Content.Headers.ContentType = mediaType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }
        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        evidence.Record(new RecordedExchange(method.Method, url.ToString(), body ?? "", (int)response.StatusCode, text));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    public void Dispose() => _http.Dispose();
}

using Chukei.Conformance.Evidence;
using Chukei.Conformance.Targets;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Kit;

/// <summary>
/// The parties the kit plays against a relay, all with the published test-vector keys (docs/test-vectors/): the LTC
/// insurer kaigo-b (the requester), the medical insurers kenpo-a (the usual target) and kenpo-c, the portal and the
/// clinic. Its directory is the published one with the relay's base URL set to the target's and the two medical
/// insurers' set to the kit's stand-in, which is what the vendor configures their relay with.
/// </summary>
public sealed class RelayKitWorld : IDisposable
{
    /// <summary>The parties whose requests the kit signs.</summary>
    public static IReadOnlyList<string> KitParties { get; } = [TargetId, RequesterId, OtherInsurerId, PortalId, ClinicId, SecondClinicId];

    /// <summary>The insurers the stand-in answers for.</summary>
    public static IReadOnlyList<string> StandInParties { get; } = [TargetId, OtherInsurerId];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, PartyKeySet> _keys;

    public RelayKitWorld(RelayTarget target, Uri standInUrl)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.PartyId != RelayId)
            throw new TargetConfigurationException($"the kit's published test keys are those of {RelayId}; the target is configured as '{target.PartyId}'");
        Target = target;
        Fixture = new SealFixture(target.Time.GetUtcNow());
        Directory = new PartyDirectory(RelayId);
        Directory.Replace(Fixture.Parties.Select(p => p.Id switch
        {
            RelayId => p with { BaseUrl = target.Target.BaseUrl.ToString().TrimEnd('/') },
            _ when StandInParties.Contains(p.Id) => p with { BaseUrl = StandInBaseUrl(standInUrl, p.Id) },
            _ => p,
        }));
        _keys = KitParties.ToDictionary(id => id, Fixture.KeySet, StringComparer.Ordinal);
    }

    public RelayTarget Target { get; }

    /// <summary>The published keys and parties, with "now" the kit's clock at session start.</summary>
    public SealFixture Fixture { get; }

    /// <summary>The kit's directory: the published one with the relay's and the stand-in insurers' base URLs.</summary>
    public PartyDirectory Directory { get; }

    /// <summary>Where the vendor's relay must send a stand-in insurer's inquiries: {stand-in}/{party id}.</summary>
    public static string StandInBaseUrl(Uri standInUrl, string partyId)
    {
        ArgumentNullException.ThrowIfNull(standInUrl);
        return standInUrl.ToString().TrimEnd('/') + "/" + partyId;
    }

    public Uri Endpoint(string path) => Target.Target.Endpoint(path);

    public PartyKeySet KeysOf(string partyId) => _keys[partyId];

    /// <summary>A caller for a party the kit plays whose every exchange lands in <paramref name="evidence"/>.</summary>
    public RelayCaller CallerFor(string partyId, EvidenceRecorder evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new RelayCaller(this, partyId, new EnvelopeSigner(partyId, _keys[partyId], Target.Time), evidence);
    }

    /// <summary>Verifies what the relay sends to <paramref name="partyId"/>.</summary>
    public EnvelopeVerifier VerifierFor(string partyId) => new(partyId, Directory, new MemoryReplayCache(Target.Time), Target.Time);

    /// <summary>A GET of one of the relay's published documents, recorded as evidence.</summary>
    public async Task<(int Status, string? ContentType, string Body)> GetAsync(string path, EvidenceRecorder evidence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var url = Endpoint(path);
        using var response = await _http.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        evidence.Record(new RecordedExchange("GET", url.ToString(), "", (int)response.StatusCode, body));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>A POST of <paramref name="body"/> as <paramref name="mediaType"/>, recorded as evidence; the answer's status, media type and body.</summary>
    public async Task<(int Status, string? ContentType, string Body)> PostRawAsync(string path, string body, string mediaType, EvidenceRecorder evidence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var url = Endpoint(path);
        using var content = new StringContent(body, System.Text.Encoding.ASCII);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        using var response = await _http.PostAsync(url, content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        evidence.Record(new RecordedExchange("POST", url.ToString(), body.Length > 4096 ? body[..200] + $"… ({body.Length} characters)" : body, (int)response.StatusCode, text));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
    }

    public void Dispose() => _http.Dispose();
}

using Chukei.Conformance.Evidence;
using Chukei.Contracts;
using Chukei.Contracts.Envelopes;

namespace Chukei.Conformance.Relay.Kit;

/// <summary>Calls the relay's endpoints as one of the parties the kit plays, every exchange recorded as evidence.</summary>
public sealed class RelayCaller(RelayKitWorld world, string callerId, EnvelopeSigner signer, EvidenceRecorder evidence)
{
    public string CallerId => callerId;

    public EnvelopeSigner Signer => signer;

    /// <summary>Signs <paramref name="body"/> for the relay's <paramref name="path"/> as the caller does (AUTH-012) and posts it.</summary>
    public Task<RelayExchange> PostAsync<T>(string path, T body, CancellationToken ct = default)
    {
        var url = world.Endpoint(path);
        var (token, id) = signer.SignRequest(world.Target.PartyId, "POST", url.AbsolutePath, body);
        return SendAsync(path, token, id, ct);
    }

    /// <summary>Posts an already built token (for oversized or crafted requests).</summary>
    public async Task<RelayExchange> SendAsync(string path, string token, string requestJti, CancellationToken ct = default)
    {
        var (status, contentType, body) = await world.PostRawAsync(path, token, ProtocolConstants.JoseMediaType, evidence, ct);
        return new RelayExchange(callerId, path, requestJti, status, contentType, body, world.Target.Time.GetUtcNow());
    }
}

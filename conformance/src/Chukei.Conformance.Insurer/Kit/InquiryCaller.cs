using Chukei.Conformance.Evidence;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>Presents seals to the target's inquiry endpoint as one of the parties the kit plays, recording evidence.</summary>
public sealed class InquiryCaller(KitWorld world, EvidenceRecorder evidence)
{
    public async Task<InquiryExchange> PresentAsync(string callerId, string seal, IReadOnlyList<string> items, string correlationId, DateOnly? serviceDate = null, PartyKeySet? signingKeys = null, CancellationToken ct = default)
    {
        var request = new InquiryRequest { Seal = seal, Items = items, CorrelationId = correlationId, ServiceDate = serviceDate };
        var client = world.ClientFor(callerId, evidence, signingKeys);
        var url = world.InquiryUrl;
        var (token, id) = client.Signer.SignRequest(world.Target.PartyId, "POST", url.AbsolutePath, request);
        var (status, body) = await client.SendAsync(url, token, ct);
        return new InquiryExchange(callerId, request, id, status, body, TimeProvider.System.GetUtcNow());
    }

    /// <summary>A fresh correlation id naming the case, so each test's records are its own.</summary>
    public static string NewCorrelationId(string caseName) =>
        "chukei-" + (caseName.Length > 40 ? caseName[..40] : caseName) + "-" + Contracts.Envelopes.EnvelopeSigner.NewId()[..12];
}

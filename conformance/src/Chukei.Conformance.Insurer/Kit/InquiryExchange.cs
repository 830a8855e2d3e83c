using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Client;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;

namespace Chukei.Conformance.Insurer.Kit;

/// <summary>One inquiry the kit sent and what the target answered, raw: the checks decide what is right.</summary>
public sealed record InquiryExchange(string CallerId, InquiryRequest Request, string RequestJti, int Status, string Body, DateTimeOffset AnsweredAt)
{
    /// <summary>The requirement a 200 answer breaks when its body is not an InquiryAnswer.</summary>
    public const string AnswerRequirement = "INS-040";

    /// <summary>The requirement a 200 answer breaks when it is not a valid response envelope for its addressee: whichever case reads it, the failure names this rule.</summary>
    public const string EnvelopeRequirement = "AUTH-010";

    /// <summary>The problem document of a refusal, or null when the body is none.</summary>
    public Problem? Problem => Status == 200 ? null : PartyClient.ReadProblem(Body);

    /// <summary>"200", or "403 seal-audience: detail": how the target answered, for messages.</summary>
    public string Summary => Status == 200 ? "200" : $"{Status} {Problem?.Code ?? "(no problem document)"}: {Problem?.Detail}";

    /// <summary>
    /// Verifies the 200 answer as its addressee must (AUTH-014): a response envelope signed by the target's directory
    /// key, aud = <paramref name="audience"/>, inResponseTo = the request's jti, whose body is an InquiryAnswer.
    /// A broken envelope violates AUTH-010, a body that is not an InquiryAnswer INS-040.
    /// </summary>
    public InquiryAnswer ReadAnswer(Kit.KitWorld world, string audience)
    {
        ArgumentNullException.ThrowIfNull(world);
        Contracts.Envelopes.VerifiedEnvelope envelope;
        try
        {
            envelope = world.VerifierFor(audience).VerifyResponse(Body, world.Target.PartyId, RequestJti);
        }
        catch (ProtocolException ex)
        {
            CheckContext.Must(EnvelopeRequirement, false,
                $"the 200 answer is not a valid response envelope for {audience} answering request {RequestJti}: {ex.Code.Code}: {ex.Detail}");
            throw;
        }
        try
        {
            return ProtocolJson.Deserialize<InquiryAnswer>(envelope.Claims.Body, "answer");
        }
        catch (ProtocolException ex)
        {
            CheckContext.Must(AnswerRequirement, false, $"the answer's body is not an InquiryAnswer: {ex.Code.Code}: {ex.Detail}");
            throw;
        }
    }
}

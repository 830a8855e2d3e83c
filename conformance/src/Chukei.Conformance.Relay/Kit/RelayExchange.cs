using Chukei.Conformance.Outcomes;
using Chukei.Contracts.Client;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;

namespace Chukei.Conformance.Relay.Kit;

/// <summary>One call the kit made to the relay and what it answered, raw: the checks decide what is right.</summary>
public sealed record RelayExchange(string CallerId, string Path, string RequestJti, int Status, string? ContentType, string Body, DateTimeOffset AnsweredAt)
{
    /// <summary>The requirement a 200 answer that does not verify breaks.</summary>
    public const string AnswerRequirement = "AUTH-010";

    /// <summary>The problem document of a refusal, or null when the body is none.</summary>
    public Problem? Problem => Status == 200 ? null : PartyClient.ReadProblem(Body);

    /// <summary>"200", or "403 subject-not-owned: detail": how the relay answered, for messages.</summary>
    public string Summary => Status == 200 ? "200" : $"{Status} {Problem?.Code ?? "(no problem document)"}: {Problem?.Detail}";

    public bool IsRefusal(ProblemCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Status == code.Status && Problem?.Code == code.Code;
    }

    /// <summary>
    /// Verifies the 200 answer as its addressee must (AUTH-014): a response envelope signed by the relay, aud = the
    /// caller, inResponseTo = the request's jti, whose body is a <typeparamref name="T"/>. Any failure violates AUTH-010.
    /// </summary>
    public T Read<T>(RelayKitWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        CheckContext.Must(AnswerRequirement, Status == 200, $"expected a 200 answer from {Path}, got {Summary}");
        try
        {
            var envelope = world.VerifierFor(CallerId).VerifyResponse(Body, world.Target.PartyId, RequestJti);
            return ProtocolJson.Deserialize<T>(envelope.Claims.Body, "answer");
        }
        catch (ProtocolException ex)
        {
            CheckContext.Must(AnswerRequirement, false,
                $"the 200 answer from {Path} is not a valid response envelope for {CallerId} answering request {RequestJti}: {ex.Code.Code}: {ex.Detail}");
            throw;
        }
    }
}

namespace Chukei.Conformance.Relay.Kit;

/// <summary>How the kit's stand-in insurer answers one routed inquiry (chosen per correlation id by the case).</summary>
public enum StandInBehaviour
{
    /// <summary>Checks the envelope and the seal as a correct insurer does and answers a signed eligibility answer.</summary>
    Correct,

    /// <summary>Refuses with a problem document (seal-requester-mismatch, 403) as if its step ④ failed.</summary>
    Refuses,

    /// <summary>Fails with a problem document (internal-error, 500), as an insurer whose own processing broke; RLY-022 makes it target-refused.</summary>
    FailsWithProblem,

    /// <summary>Closes the connection without a response (WireMock fault EMPTY_RESPONSE).</summary>
    DropsConnection,

    /// <summary>Answers 200 with a body that is not a JWS.</summary>
    AnswersGarbage,

    /// <summary>Answers 500 with a plain-text body, no problem document.</summary>
    FailsWithoutProblem,

    /// <summary>A correct answer, but signed by kenpo-c's key with iss kenpo-c.</summary>
    SignsAsAnotherInsurer,

    /// <summary>A correct answer whose inResponseTo names another request.</summary>
    AnswersAnotherRequest,

    /// <summary>A correct answer addressed to the relay instead of the sealed requester (breaks INS-041, so RLY-024 applies).</summary>
    AddressesTheRelay,
}

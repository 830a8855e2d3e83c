using Chukei.Contracts.Envelopes;

namespace Chukei.Conformance.Envelopes;

/// <summary>
/// How a suite sees that its receiver accepted an envelope: a row that must be accepted carries a real request for the
/// row's issuer (<see cref="WithBody"/>), and its answer is judged as that request's answer (<see cref="Judge"/>). So
/// acceptance is observed, a verified answer to that very request, and never read into the absence of an auth-* refusal:
/// a target that answers 404, or an empty 200, to everything accepts nothing.
/// </summary>
/// <param name="WithBody">Puts a real request of the claims' issuer into the claims' body.</param>
/// <param name="Judge">
/// The claims sent, and the answer's status and body: null when the answer is the protocol's answer to that request
/// (a verified response envelope for the caller answering its jti, or the one refusal the endpoint's own rules give),
/// otherwise what the kit saw instead.
/// </param>
public sealed record EnvelopeAcceptance(Func<EnvelopeClaims, EnvelopeClaims> WithBody, Func<EnvelopeClaims, int, string, string?> Judge);

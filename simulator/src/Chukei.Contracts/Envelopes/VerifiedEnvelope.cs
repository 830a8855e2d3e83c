using Chukei.Contracts.Directory;

namespace Chukei.Contracts.Envelopes;

/// <summary>An envelope whose signature, sender, audience, time and target all checked out.</summary>
public sealed record VerifiedEnvelope(PartyDescriptor Sender, EnvelopeClaims Claims);

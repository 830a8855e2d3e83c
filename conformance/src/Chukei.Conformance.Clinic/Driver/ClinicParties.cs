using Chukei.Contracts.Directory;
using Chukei.Contracts.Keys;

namespace Chukei.Conformance.Clinic.Driver;

/// <summary>
/// What the kit publishes to the clinic under test before the first check: the clinic's party id and its test keys
/// (registered in the kit relay's directory), the signed parties' directory (the relay's and the insurers' keys) and
/// the kit's clock, which the clinic's must agree with within the protocol's 60 s skew.
/// </summary>
public sealed record ClinicParties(string ClinicId, PartyKeySet ClinicKeys, PartyDirectory Directory, TimeProvider Time);

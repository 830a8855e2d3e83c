using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Fixtures;

namespace Chukei.Conformance.Clinic.Configured;

/// <summary>
/// What `dotnet test` on the suite project itself shows: every test skipped (Ignored) with the way to plug a clinic in.
/// A clinic is driven through code (<see cref="IClinicDriver"/>), not found by a URL, so there is nothing to configure
/// here yet; an HTTP or command driver configured by settings will take this place.
/// </summary>
[TestFixture]
public sealed class UnconfiguredClinicConformance : ClinicConformance
{
    protected override string? NotConfiguredReason =>
        "no clinic to test: implement IClinicDriver in an adapter project and subclass ClinicConformance; see conformance/README.md, 'The clinic suite'";

    protected override ValueTask<IClinicDriver> CreateDriverAsync(ClinicParties parties) =>
        throw new InvalidOperationException(NotConfiguredReason);
}

using Chukei.Clinic.Reception;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Fixtures;
using Chukei.Conformance.References;

namespace Chukei.Conformance.SelfTests.Reference;

/// <summary>The whole clinic suite, as NUnit runs it for a vendor, against the reference clinic: every test passes.</summary>
[TestFixture]
public sealed class ReferenceClinicConformance : ClinicConformance
{
    protected override ValueTask<IClinicDriver> CreateDriverAsync(ClinicParties parties) =>
        ValueTask.FromResult<IClinicDriver>(new ReferenceClinicDriver(parties, ClinicDefects.None));
}

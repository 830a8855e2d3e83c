using Chukei.Conformance.References;
using Chukei.Conformance.Insurer;
using Chukei.Conformance.Insurer.Fixtures;
using Chukei.Insurers;

namespace Chukei.Conformance.SelfTests.Reference;

/// <summary>The whole insurer suite, as NUnit runs it for a vendor, against the reference insurer: every test passes.</summary>
[TestFixture]
public sealed class ReferenceInsurerConformance : InsurerConformance
{
    protected override async ValueTask<InsurerTarget> CreateTargetAsync() => await ReferenceInsurer.StartAsync(RelayUrl, InsurerDefects.None);
}

using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Chukei.Conformance.Insurer.Checks;
using Chukei.Conformance.Insurer.Fixtures;
using Chukei.Conformance.Relay.Checks;
using Chukei.Conformance.Relay.Fixtures;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Requirements;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Conformance.SelfTests.Catalogue;

/// <summary>The suite's tests, its cases and the requirement catalogue agree.</summary>
public sealed class SuiteCatalogueTests
{
    private static readonly IReadOnlyList<RequirementAttribute> TestRequirements = typeof(InsurerConformance)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Select(m => m.GetCustomAttribute<RequirementAttribute>())
        .OfType<RequirementAttribute>()
        .ToList();

    [Test]
    public void InsurerSuite_HasOneTestPerRequirementWithCases()
    {
        // Act
        var tested = TestRequirements.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.That(tested, Is.EqualTo(InsurerCases.Requirements), "each requirement with cases has exactly one test method, and no test method lacks cases");
    }

    [Test]
    public void InsurerSuite_RequirementsAreInsurerOrAnyPartyRequirementsOfTheCatalogue()
    {
        // Act
        var actors = TestRequirements.Select(r => RequirementCatalogue.Get(r.Id).Actor).Distinct().ToList();

        // Assert
        Assert.That(actors, Is.SubsetOf(new[] { "insurer", "any" }));
    }

    [Test]
    public void InsurerSuite_PresentsEverySealMutationWhoseHttpVerdictIsItsOwn()
    {
        // Act: every mutation of the table, as a case of the requirement its group names.
        var cases = InsurerCases.All.Select(c => (c.RequirementId, c.Name)).ToHashSet();
        var missing = SealMutations.All.Where(m => m.ExpectedCodeOverHttp == m.ExpectedCode)
            .Where(m => !cases.Contains((SealCaseGroups.RequirementOf(m), m.Name))).Select(m => m.Name);

        // Assert
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void InsurerSuite_FilesNoCaseUnderARequirementWhoseCodeItDoesNotExpect()
    {
        // Act: a case under INS-031 that expects INS-002's invalid-field could never catch an INS-031 fault (issue 21 §3).
        var misfiled = SealCaseGroups.OverHttp
            .Where(m => m.ExpectedCodeOverHttp is { } code && SealCaseGroups.RequirementOf(m) != "INS-010" && code.RequirementId != SealCaseGroups.RequirementOf(m))
            .Select(m => m.Name);

        // Assert
        Assert.That(misfiled, Is.Empty);
    }

    [Test]
    public Task InsurerPeopleDocument_IsCurrent() => PublishedDocument.AssertCurrentAsync(Insurer.Kit.InsurerPeople.DocumentPath, Insurer.Kit.InsurerPeople.Render());

    [Test]
    public void RequirementAttribute_CarriesTheLevelAsCategory()
    {
        // Arrange
        var attribute = new RequirementAttribute("LOG-010");

        // Assert
        Assert.That(attribute.Properties.Get("Requirement"), Is.EqualTo("LOG-010"));
        Assert.That(attribute.Properties.Get("Category"), Is.EqualTo("MUST"));
    }
}

/// <summary>The relay suite's tests, its cases, the catalogue and the published people agree.</summary>
public sealed class RelaySuiteCatalogueTests
{
    private static readonly IReadOnlyList<RequirementAttribute> TestRequirements = typeof(RelayConformance)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Select(m => m.GetCustomAttribute<RequirementAttribute>())
        .OfType<RequirementAttribute>()
        .ToList();

    [Test]
    public void RelaySuite_HasOneTestPerRequirementWithCases()
    {
        // Act
        var tested = TestRequirements.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.That(tested, Is.EqualTo(RelayCases.Requirements), "each requirement with cases has exactly one test method, and no test method lacks cases");
    }

    [Test]
    public void RelaySuite_RequirementsAreRelayOrAnyPartyRequirementsOfTheCatalogue()
    {
        // Act
        var actors = TestRequirements.Select(r => RequirementCatalogue.Get(r.Id).Actor).Distinct().ToList();

        // Assert
        Assert.That(actors, Is.SubsetOf(new[] { "relay", "any" }));
    }

    [Test]
    public void RelaySuite_CaseNamesAreUniquePerRequirement()
    {
        // Act
        var names = RelayCases.All.Select(c => c.ToString()).ToList();

        // Assert
        Assert.That(names, Is.Unique);
    }

    [Test]
    public void RelaySuite_TakesNoMoreProvisionedPeopleThanPublished()
    {
        // Assert: a case other than an envelope row or one marked as taking nobody takes at most two people (LOG-016), so twice those cases must fit.
        var takingPeople = RelayCases.All.Count(c => !c.TakesNoPerson) - Envelopes.EnvelopeAttacks.Presentable.Count;
        Assert.That(takingPeople * 2, Is.LessThanOrEqualTo(ProvisionedPeople.Count));
    }

    [Test]
    public Task ProvisionedPeopleDocument_IsCurrent() => PublishedDocument.AssertCurrentAsync(ProvisionedPeople.DocumentPath, ProvisionedPeople.Render());

    [Test]
    public void ProvisionedPeople_HaveValidDistinctIdentifiers()
    {
        // Assert
        Assert.That(ProvisionedPeople.All.Select(p => p.PersonId), Is.Unique.And.All.Match("^P[A-Z2-7]{20}$"));
        Assert.That(ProvisionedPeople.All.Select(p => p.BasicPensionNumber), Is.Unique.And.All.Match("^[0-9]{10}$"));
    }

    [Test]
    public Task ProvisionedCardsDocument_IsCurrent() => PublishedDocument.AssertCurrentAsync(ProvisionedCards.DocumentPath, ProvisionedCards.Render());

    [Test]
    public void ProvisionedCards_ChainToThePublishedAuthorityUnderDistinctSerials()
    {
        // Arrange
        using var authority = X509CertificateLoader.LoadCertificate(ProvisionedCards.Authority.CertificateDer.Span);
        var now = TimeProvider.System.GetUtcNow();
        var card = ProvisionedCards.All[0];

        // Act
        using var issued = X509CertificateLoader.LoadCertificate(ProvisionedCards.Certificate(card.SerialNumber, now.AddDays(-1), now.AddYears(5)));

        // Assert
        var serials = ProvisionedCards.All.SelectMany(c => new[] { c.SerialNumber, c.RevokedSerialNumber }).ToList();
        Assert.That(serials, Is.Unique.And.All.Match("^[0-9A-F]{32}$"));
        Assert.That(serials, Has.Count.EqualTo(2 * ProvisionedPeople.Count));
        Assert.That(issued.SerialNumber, Is.EqualTo(card.SerialNumber));
        Assert.That(issued.IssuerName.Name, Is.EqualTo(authority.SubjectName.Name));
        Assert.That(issued.IssuerName.Name, Is.EqualTo(ProvisionedCards.Issuer.Name));
        Assert.That(VerifiesUnder(issued, authority), Is.True, "the issued card certificate does not verify under the published CA certificate");
        Assert.That(authority.NotAfter, Is.GreaterThan(now.AddYears(10).UtcDateTime), "the published card CA expires within ten years");
    }

    /// <summary>The certificate's signature under the CA's key, by building a chain that trusts only the CA.</summary>
    private static bool VerifiesUnder(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(certificate);
    }
}

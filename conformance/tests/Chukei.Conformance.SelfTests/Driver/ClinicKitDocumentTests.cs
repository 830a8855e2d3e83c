using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Chukei.Conformance.Clinic.Checks;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Clinic.Running;
using Chukei.Conformance.Runs;
using Chukei.Conformance.References;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>
/// docs/test-vectors/clinic-kit.json is current, and a clinic configured from it alone (keys and directory read from
/// the JSON, not derived from the seed) passes the clinic suite.
/// </summary>
[TestFixture]
public sealed class ClinicKitDocumentTests
{
    private static string DocumentFile => Path.Combine(RepositoryRoot.Path, ClinicKitDocument.DocumentPath);

    [Test]
    public async Task ClinicKitDocument_IsCurrent()
    {
        // Arrange
        if (Environment.GetEnvironmentVariable("CHUKEI_UPDATE_DOCS") == "1") await File.WriteAllTextAsync(DocumentFile, ClinicKitDocument.Render());

        // Act
        var actual = File.Exists(DocumentFile) ? await File.ReadAllTextAsync(DocumentFile) : "";

        // Assert
        Assert.That(actual, Is.EqualTo(ClinicKitDocument.Render()), $"{ClinicKitDocument.DocumentPath} is stale; regenerate it with CHUKEI_UPDATE_DOCS=1");
    }

    [Test]
    public async Task ClinicKitDocument_SaysTestKeysOnlyAndHoldsThePublishedParties()
    {
        // Arrange
        var published = ClinicKitWorld.PublishedParties(TimeProvider.System);

        // Act
        var text = await File.ReadAllTextAsync(DocumentFile);
        var loaded = Load(text);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That((string?)JsonNode.Parse(text)!["warning"], Does.StartWith("TEST KEYS ONLY"));
            Assert.That(loaded.ClinicId, Is.EqualTo(published.ClinicId));
            Assert.That(ProtocolJson.Serialize(loaded.ClinicKeys.PublicKeys()), Is.EqualTo(ProtocolJson.Serialize(published.ClinicKeys.PublicKeys())));
            Assert.That(loaded.Directory.RelayId, Is.EqualTo(published.Directory.RelayId));
            Assert.That(ProtocolJson.Serialize(loaded.Directory.Parties), Is.EqualTo(ProtocolJson.Serialize(published.Directory.Parties)));
        });
    }

    [Test]
    public async Task ClinicConfiguredFromTheDocumentOnly_PassesTheClinicSuite()
    {
        // Arrange: the kit's own parties are ignored; the clinic knows only what the file says.
        var fromFile = Load(await File.ReadAllTextAsync(DocumentFile));
        var session = await ClinicSession.StartAsync(_ => ValueTask.FromResult<IClinicDriver?>(new ReferenceClinicDriver(fromFile)))
            ?? throw new InvalidOperationException("the clinic kit did not start");

        // Act
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await ClinicSuiteRunner.RunAsync(session, ClinicCases.All);
        }

        // Assert
        Assert.That(results.Where(r => r.Outcome != CaseOutcome.Passed).Select(r => $"{r.FullName}: {r.Outcome} {r.Reason}"), Is.Empty);
        Assert.That(results.Select(r => r.FullName), Does.Contain("CLN-037 eligible"));
    }

    [Test]
    public async Task ClinicWithOtherKeysThanTheDocument_IsNotEligibleThroughTheKit()
    {
        // Arrange: the same directory, but keys the file does not give: the kit's relay must refuse the clinic, which
        // shows the passing run above depends on the file's keys. Refused at its challenge request, the clinic never
        // gets as far as a card-eligibility request, so the case has no answer to judge it on.
        var fromFile = Load(await File.ReadAllTextAsync(DocumentFile));
        var impostor = fromFile with { ClinicKeys = PartyKeySet.Generate(fromFile.ClinicId) };
        var session = await ClinicSession.StartAsync(_ => ValueTask.FromResult<IClinicDriver?>(new ReferenceClinicDriver(impostor)))
            ?? throw new InvalidOperationException("the clinic kit did not start");

        // Act
        IReadOnlyList<CaseResult> results;
        await using (session)
        {
            results = await ClinicSuiteRunner.RunAsync(session, ClinicSuiteRunner.Select("CLN-037"));
        }

        // Assert
        var eligible = results.Single(r => r.CaseName == "eligible");
        Assert.That(eligible.Outcome, Is.EqualTo(CaseOutcome.Inconclusive), eligible.Reason);
        Assert.That(eligible.Reason, Does.Contain("the clinic never sent the card-eligibility request"));
    }

    /// <summary>Reads the file as a clinic in another language would: JWKs with their private <c>d</c>, and the directory document.</summary>
    private static ClinicParties Load(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var clinic = root["clinic"]!.AsObject();
        var keys = new PartyKeySet();
        foreach (var entry in clinic["keys"]!.AsArray())
        {
            var jwk = entry!["jwk"]!.AsObject();
            var parameters = new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Jose.Base64Url.Decode((string)jwk["x"]!), Y = Jose.Base64Url.Decode((string)jwk["y"]!) },
                D = Jose.Base64Url.Decode((string)jwk["d"]!),
            };
            var kid = (string)jwk["kid"]!;
            var status = Enum.Parse<KeyStatus>((string)entry["status"]!, ignoreCase: true);
            if ((string)jwk["use"]! == PublicJwk.UseSignature) keys.AddSigningKey(kid, ECDsa.Create(parameters), status);
            else keys.AddEncryptionKey(kid, ECDiffieHellman.Create(parameters), status);
        }
        var document = ProtocolJson.Deserialize<DirectoryDocument>(System.Text.Encoding.UTF8.GetBytes(root["directory"]!.ToJsonString()), "clinic-kit directory");
        var directory = new PartyDirectory(document.Relay);
        directory.ReplaceAll(document.Parties);
        return new ClinicParties((string)clinic["partyId"]!, keys, directory, TimeProvider.System);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

/// <summary>
/// Reads docs/test-vectors the way an implementer without this code would: keys from keys.json, parties from
/// directory.json, vectors from vectors.json and envelopes.json. Nothing here comes from <see cref="SealFixture"/>.
/// </summary>
internal sealed class TestVectorFiles
{
    private TestVectorFiles(string folder)
    {
        Folder = folder;
        KeysJson = Read(TestVectorWriter.KeysFile);
        DirectoryJson = Read(TestVectorWriter.DirectoryFile);
        SignedDirectory = Read(TestVectorWriter.SignedDirectoryFile).Trim();
        VectorsJson = Read(TestVectorWriter.VectorsFile);
        EnvelopesJson = Read(TestVectorWriter.EnvelopesFile);
        AccessLogChainJson = Read(TestVectorWriter.AccessLogChainFile);
        IdentifiersJson = Read(TestVectorWriter.IdentifiersFile);
        Envelopes = [.. JsonNode.Parse(EnvelopesJson)!["vectors"]!.AsArray().Select(v => EnvelopeVectorCase.From(v!))];
        var vectors = JsonNode.Parse(VectorsJson)!;
        Target = (string)vectors["target"]!;
        Vectors = [.. vectors["vectors"]!.AsArray().Select(v => VectorCase.From(v!))];
        var document = ProtocolJson.Deserialize<DirectoryDocument>(Encoding.UTF8.GetBytes(DirectoryJson), "directory.json");
        Directory = new PartyDirectory(document.Relay);
        Directory.Replace(document.Parties);
        TargetKeys = KeySet(Target);
    }

    /// <summary>The committed files, read once.</summary>
    public static TestVectorFiles Committed { get; } = new(RepositoryRoot.TestVectors);

    public string Folder { get; }
    public string KeysJson { get; }
    public string DirectoryJson { get; }
    public string SignedDirectory { get; }
    public string VectorsJson { get; }
    public string EnvelopesJson { get; }
    public string AccessLogChainJson { get; }
    public string IdentifiersJson { get; }
    public string Target { get; }
    public IReadOnlyList<VectorCase> Vectors { get; }
    public IReadOnlyList<EnvelopeVectorCase> Envelopes { get; }
    public PartyDirectory Directory { get; }
    public PartyKeySet TargetKeys { get; }

    /// <summary>A party's private keys from keys.json, with the status keys.json states.</summary>
    public PartyKeySet KeySet(string partyId)
    {
        var set = new PartyKeySet();
        foreach (var k in JsonNode.Parse(KeysJson)!["keys"]!.AsArray().Where(k => (string)k!["owner"]! == partyId))
        {
            var jwk = k!["jwk"]!;
            var parameters = new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = Jose.Base64Url.Decode((string)jwk["d"]!),
                Q = new ECPoint { X = Jose.Base64Url.Decode((string)jwk["x"]!), Y = Jose.Base64Url.Decode((string)jwk["y"]!) },
            };
            var status = Enum.Parse<KeyStatus>((string)k["status"]!, ignoreCase: true);
            if ((string)k["use"]! == PublicJwk.UseSignature) set.AddSigningKey((string)k["kid"]!, ECDsa.Create(parameters), status);
            else set.AddEncryptionKey((string)k["kid"]!, ECDiffieHellman.Create(parameters), status);
        }
        return set;
    }

    private string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));
}

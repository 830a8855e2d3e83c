using System.Net;
using System.Security.Cryptography;
using System.Text;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using Microsoft.Extensions.Time.Testing;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Contracts.Tests;

/// <summary>DIR-009 … DIR-013 as <see cref="DirectoryRefresher"/> applies them, on a fake clock and a fake relay.</summary>
public sealed class DirectoryRefresherTests
{
    private static readonly Uri RelayUrl = new("http://relay.test/");

    private FakeTimeProvider _time = null!;
    private SealFixture _fixture = null!;
    private PartyDirectory _directory = null!;
    private ServedDirectory _served = null!;
    private HttpClient _http = null!;
    private DirectoryRefresher _refresher = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(DefaultNow);
        _fixture = new SealFixture(DefaultNow);
        _directory = new PartyDirectory(RelayId);
        _directory.Replace(_fixture.Parties);
        _served = new ServedDirectory();
        _http = new HttpClient(_served);
        var verifier = new EnvelopeVerifier(TargetId, _directory, new MemoryReplayCache(_time), _time);
        _refresher = new DirectoryRefresher(_http, RelayUrl, _directory, verifier, _time, acceptedIssuedAt: DefaultNow);
    }

    [TearDown]
    public void TearDown()
    {
        _refresher.Dispose();
        _http.Dispose();
    }

    [Test]
    public async Task RefreshAsync_DirectorySignedByTheRelaysKey_TakesUpTheRotatedKey()
    {
        // Arrange: kaigo-b rotates (DIR-008): a new active key first, the old one retired.
        var (key, _) = NewKey(RequesterId);
        _served.Token = Sign(Document(DefaultNow.AddMinutes(1), Rotated(RequesterId, key)), RelaySigningKid);

        // Act
        var accepted = await _refresher.RefreshAsync(CancellationToken.None);

        // Assert
        Assert.That(accepted, Is.True, _refresher.LastRefusal);
        Assert.That(_directory.FindKey(key.Kid)?.Party.Id, Is.EqualTo(RequesterId));
        Assert.That(_directory.FindKey(RequesterSigningKid)?.Key.Status, Is.EqualTo(KeyStatus.Retired));
        Assert.That(_refresher.AcceptedIssuedAt, Is.EqualTo(DefaultNow.AddMinutes(1)));
    }

    [Test]
    public async Task RefreshAsync_DirectorySignedByAKeyItIntroducesItself_IsRefusedAndTheViewKept()
    {
        // Arrange (DIR-011): a new relay key vouches for the directory that lists it.
        var (relayKey, relaySigner) = NewKey(RelayId);
        var (key, _) = NewKey(RequesterId);
        var parties = Rotated(RequesterId, key).Select(p => p.Id == RelayId ? p with { Keys = [relayKey, .. p.Keys] } : p).ToList();
        _served.Token = KitSign(Document(DefaultNow.AddMinutes(1), parties), relayKey.Kid, relaySigner);

        // Act
        var accepted = await _refresher.RefreshAsync(CancellationToken.None);

        // Assert
        Assert.That(accepted, Is.False);
        Assert.That(_refresher.LastRefusal, Does.Contain(relayKey.Kid));
        Assert.That(_directory.FindKey(key.Kid), Is.Null);
        Assert.That(_directory.FindKey(relayKey.Kid), Is.Null);
    }

    [TestCase("none")]
    [TestCase("revoked-key")]
    [TestCase("insurer-key")]
    [TestCase("typ-JWT")]
    public async Task RefreshAsync_DirectoryNotSignedByACurrentRelayKey_IsRefused(string forgery)
    {
        // Arrange (DIR-010)
        var (key, _) = NewKey(RequesterId);
        var document = Document(DefaultNow.AddMinutes(1), Rotated(RequesterId, key));
        _served.Token = forgery switch
        {
            "none" => JwsCrafter.SigningInput(JwsCrafter.SealHeader("none", ProtocolConstants.DirectoryType, RelaySigningKid), ProtocolJson.Serialize(document)) + ".",
            "revoked-key" => Sign(document, RelayRevokedKid),
            "insurer-key" => Sign(document, OtherSigningKid),
            _ => KitSign(document, RelaySigningKid, _fixture.Signer(RelaySigningKid), "JWT"),
        };

        // Act
        var accepted = await _refresher.RefreshAsync(CancellationToken.None);

        // Assert
        Assert.That(accepted, Is.False);
        Assert.That(_refresher.LastRefusal, Is.Not.Null);
        Assert.That(_directory.FindKey(key.Kid), Is.Null);
    }

    [Test]
    public async Task RefreshAsync_DirectoryOlderThanTheOneHeld_IsRefused()
    {
        // Arrange (DIR-013): a correctly signed directory, issued before the one held.
        var (key, _) = NewKey(RequesterId);
        _served.Token = Sign(Document(DefaultNow.AddHours(-1), Rotated(RequesterId, key)), RelaySigningKid);

        // Act
        var accepted = await _refresher.RefreshAsync(CancellationToken.None);

        // Assert
        Assert.That(accepted, Is.False);
        Assert.That(_refresher.LastRefusal, Does.Contain("before the one held"));
        Assert.That(_directory.FindKey(key.Kid), Is.Null);
    }

    [Test]
    public async Task RefreshForUnknownKidAsync_WithinTenSeconds_FetchesOnce()
    {
        // Arrange
        _served.Token = Sign(Document(DefaultNow.AddMinutes(1), _fixture.Parties), RelaySigningKid);

        // Act: two unknown kids in the same second, then one 10 s later.
        var first = await _refresher.RefreshForUnknownKidAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(9));
        await _refresher.RefreshForUnknownKidAsync(CancellationToken.None);
        var fetchesWithinTheLimit = _served.Fetches;
        _time.Advance(TimeSpan.FromSeconds(1));
        await _refresher.RefreshForUnknownKidAsync(CancellationToken.None);

        // Assert
        Assert.That(first, Is.True);
        Assert.That(fetchesWithinTheLimit, Is.EqualTo(1));
        Assert.That(_served.Fetches, Is.EqualTo(2));
    }

    [Test]
    public void Start_EveryFiveMinutes_Fetches()
    {
        // Arrange
        _served.Token = Sign(Document(DefaultNow.AddMinutes(1), _fixture.Parties), RelaySigningKid);

        // Act
        _refresher.Start();
        _time.Advance(TimeSpan.FromMinutes(4));
        var before = _served.Fetches;
        _time.Advance(TimeSpan.FromMinutes(6));

        // Assert
        Assert.That(before, Is.Zero);
        Assert.That(_served.Fetches, Is.EqualTo(2));
    }

    [Test]
    public async Task RefreshAsync_RelayAnswersAnError_KeepsTheViewAndSaysWhy()
    {
        // Arrange
        _served.Token = null;

        // Act
        var accepted = await _refresher.RefreshAsync(CancellationToken.None);

        // Assert
        Assert.That(accepted, Is.False);
        Assert.That(_refresher.LastRefusal, Does.Contain("503"));
        Assert.That(_directory.FindKey(RequesterSigningKid), Is.Not.Null);
    }

    [Test]
    public void ReplaceAll_TwoPartiesShareAKid_ChangesNothing()
    {
        // Arrange (DIR-004)
        var clash = _fixture.Parties.Select(p => p.Id == OtherInsurerId ? p with { Keys = [.. p.Keys, _directory.FindKey(RequesterSigningKid)!.Value.Key] } : p).ToList();

        // Act + Assert
        Assert.That(() => _directory.ReplaceAll(clash), Throws.InvalidOperationException.With.Message.Contain(RequesterSigningKid));
        Assert.That(_directory.FindKey(RequesterSigningKid)?.Party.Id, Is.EqualTo(RequesterId));
    }

    [Test]
    public void ReplaceAll_PartyNoLongerListed_IsDropped()
    {
        // Act
        _directory.ReplaceAll(_fixture.Parties.Where(p => p.Id != OtherInsurerId).ToList());

        // Assert
        Assert.That(_directory.Find(OtherInsurerId), Is.Null);
        Assert.That(_directory.FindKey(OtherSigningKid), Is.Null);
        Assert.That(_directory.Find(RequesterId), Is.Not.Null);
    }

    private List<PartyDescriptor> Rotated(string partyId, PublicJwk key) =>
        _fixture.Parties.Select(p => p.Id != partyId ? p : p with
        {
            Keys = [key, .. p.Keys.Select(k => k.Use == PublicJwk.UseSignature && k.Status == KeyStatus.Active ? k with { Status = KeyStatus.Retired } : k)],
        }).ToList();

    private static DirectoryDocument Document(DateTimeOffset issuedAt, IReadOnlyList<PartyDescriptor> parties) =>
        new() { Relay = RelayId, IssuedAt = issuedAt, Parties = parties };

    private string Sign(DirectoryDocument document, string kid) => KitSign(document, kid, _fixture.Signer(kid));

    private static string KitSign(DirectoryDocument document, string kid, ECDsa key, string typ = ProtocolConstants.DirectoryType) =>
        JwsCrafter.Ecdsa(JwsCrafter.SealHeader(ProtocolConstants.SignatureAlgorithm, typ, kid), ProtocolJson.Serialize(document), key);

    private static (PublicJwk Public, ECDsa Private) NewKey(string partyId)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (PublicJwk.From(key.ExportParameters(false), partyId + "-sig-new", PublicJwk.UseSignature, KeyStatus.Active), key);
    }

    /// <summary>The relay's <c>GET /v1/directory</c>: serves <see cref="Token"/>, or 503 while it is null, and counts fetches.</summary>
    private sealed class ServedDirectory : HttpMessageHandler
    {
        private int _fetches;

        public string? Token { get; set; }

        public int Fetches => Volatile.Read(ref _fetches);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _fetches);
            Assert.That(request.RequestUri?.AbsolutePath, Is.EqualTo("/v1/directory"));
            return Task.FromResult(Token is null
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Token, Encoding.ASCII, ProtocolConstants.JoseMediaType) });
        }
    }
}

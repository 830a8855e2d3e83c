using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chukei.Contracts;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Envelopes;

namespace Chukei.Relay.Tests.Endpoints;

/// <summary>Bad input gets problem+json naming where and why (ERR-001 … ERR-007), never a 500 or a stack trace.</summary>
public sealed class BadInputTests : NetworkTest
{
    private readonly HttpClient _http = new();

    [OneTimeTearDown]
    public void DisposeClient() => _http.Dispose();

    private string Url(string path) => Network.RelayUrl + path;

    private async Task<(int Status, JsonElement Problem, string Raw)> PostAsync(string path, string body, string contentType = ProtocolConstants.JoseMediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await _http.PostAsync(Url(path), content);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProtocolConstants.ProblemMediaType), raw);
        Assert.That(raw, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
        return ((int)response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    private string Signed(object body, string path = "/v1/lookups", string from = "ltc-chiyoda") =>
        Network.Insurers[from].Self.Signer.SignRequest("relay.chukei.test", "POST", path, body).Token;

    private static object Lookup(object? targetKind = null, string insurerNumber = "131011", bool withPurpose = true) => withPurpose
        ? new { subject = new { ltc = new { insurerNumber, insuredNumber = "0000012345" } }, targetKind = targetKind ?? "medical", purpose = "ltc-medical-combined", correlationId = "c" }
        : new { subject = new { ltc = new { insurerNumber, insuredNumber = "0000012345" } }, targetKind = targetKind ?? "medical", correlationId = "c" };

    [Test]
    public async Task Post_PlainJsonBody_Is415UnsupportedMediaType()
    {
        var (status, problem, _) = await PostAsync("/v1/lookups", "{}", "application/json");

        Assert.That(status, Is.EqualTo(415));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("unsupported-media-type"));
    }

    [TestCase("garbage")]
    [TestCase("a.b")]
    [TestCase("eyJhbGciOiJub25lIn0.e30.")]
    [TestCase("%%%.%%%.%%%")]
    public async Task Post_GarbageToken_IsRefusedAsUnauthenticated(string token)
    {
        var (status, problem, _) = await PostAsync("/v1/lookups", token);

        Assert.That(status, Is.EqualTo(401));
        Assert.That(problem.GetProperty("code").GetString(), Does.StartWith("auth-"));
    }

    [Test]
    public async Task Post_OversizeBody_Is413()
    {
        var (status, problem, _) = await PostAsync("/v1/lookups", new string('a', ProtocolConstants.MaxBodyBytes + 10));

        Assert.That(status, Is.EqualTo(413));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("body-too-large"));
    }

    [Test]
    public async Task Post_MemberOfWrongType_NamesTheMember()
    {
        var (status, problem, _) = await PostAsync("/v1/lookups", Signed(Lookup(targetKind: 5)));

        Assert.That(status, Is.EqualTo(400));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("invalid-field"));
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("/targetKind"));
    }

    [Test]
    public async Task Post_MissingMember_NamesTheMember()
    {
        var (_, problem, _) = await PostAsync("/v1/lookups", Signed(Lookup(withPurpose: false)));

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("invalid-field"));
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("/purpose"));
    }

    [Test]
    public async Task Post_InsurerNumberWithWrongCheckDigit_NamesTheMemberAndTheReason()
    {
        var (_, problem, _) = await PostAsync("/v1/lookups", Signed(Lookup(insurerNumber: "131012")));

        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("/subject/ltc/insurerNumber"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("check digit"));
    }

    [Test]
    public async Task Post_EnvelopeFromAPartyNotInTheDirectory_IsAuthKeyUnknown()
    {
        var stranger = new EnvelopeSigner("stranger", PartyKeySet.Generate("stranger"), Clock);
        var token = stranger.SignRequest("relay.chukei.test", "POST", "/v1/lookups", Lookup()).Token;

        var (status, problem, _) = await PostAsync("/v1/lookups", token);

        Assert.That(status, Is.EqualTo(401));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("auth-key-unknown"));
    }

    [Test]
    public async Task Post_EnvelopeSignedForAnotherPath_IsAuthTargetMismatch()
    {
        var (_, problem, _) = await PostAsync("/v1/lookups", Signed(Lookup(), path: "/v1/enrolments"));

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("auth-target-mismatch"));
    }

    [Test]
    public async Task Post_EnvelopeOlderThanItsLifetimePlusSkew_IsAuthExpired()
    {
        var token = Signed(Lookup());
        Clock.Advance(ProtocolConstants.MaxEnvelopeLifetime + ProtocolConstants.ClockSkew);

        var (_, problem, _) = await PostAsync("/v1/lookups", token);

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("auth-expired"));
    }

    [Test]
    public async Task Post_SameEnvelopeTwice_IsAuthReplayed()
    {
        var token = Signed(Lookup());
        using var content = new StringContent(token, Encoding.ASCII, ProtocolConstants.JoseMediaType);
        using var first = await _http.PostAsync(Url("/v1/lookups"), content);
        Assert.That((int)first.StatusCode, Is.EqualTo(200));

        var (_, problem, _) = await PostAsync("/v1/lookups", token);

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("auth-replayed"));
    }

    [Test]
    public async Task Get_UnknownRoute_IsProblemNotFound()
    {
        using var response = await _http.GetAsync(Url("/v1/nothing-here"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(), Is.EqualTo("not-found"));
    }
}

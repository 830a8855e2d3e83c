using System.Net;
using System.Text;
using Chukei.Conformance.Clinic.Driver.Readers;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>The kit's card reader over HTTP: one APDU per request as hex, problem+json for bad commands, removed cards and ended checks.</summary>
[TestFixture]
public sealed class CardReaderHostTests
{
    private CardReaderHost _host = null!;
    private readonly HttpClient _http = new();

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await CardReaderHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body, string? Type)> PostAsync(Uri url, string body)
    {
        using var response = await _http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Test]
    public async Task Transmit_HexApdu_ReachesTheCardAndAnswersHex()
    {
        // Arrange
        var card = new FakeCard();
        using var lease = _host.Lend(card, out var reader);

        // Act
        var (status, body, _) = await PostAsync(new Uri(reader, "transmit"), """{"apdu":"00a4040c0ad392f000260100000001"}""");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Does.Contain("\"response\": \"9000\""));
            Assert.That(Convert.ToHexString(card.Commands.Single()), Is.EqualTo("00A4040C0AD392F000260100000001"));
        });
    }

    [TestCase("""{"apdu":"00A4X"}""", "even number of hex digits")]
    [TestCase("""{"apdu":"00A4"}""", "4 to 65544 bytes; this one has 2")]
    [TestCase("""{"command":"00A40000"}""", "the body must be")]
    [TestCase("not json", "the body must be")]
    public async Task Transmit_BadCommand_Is400ProblemAndReachesNoCard(string body, string expected)
    {
        // Arrange
        var card = new FakeCard();
        using var lease = _host.Lend(card, out var reader);

        // Act
        var (status, answer, type) = await PostAsync(new Uri(reader, "transmit"), body);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(type, Is.EqualTo("application/problem+json"));
            Assert.That(answer, Does.Contain("\"code\":\"invalid-command\"").And.Contain(expected));
            Assert.That(card.Commands, Is.Empty);
        });
    }

    [Test]
    public async Task Transmit_CardRemoved_Is409CardRemoved()
    {
        // Arrange
        using var lease = _host.Lend(new FakeCard { Removed = true }, out var reader);

        // Act
        var (status, answer, _) = await PostAsync(new Uri(reader, "transmit"), """{"apdu":"00A40000"}""");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(answer, Does.Contain("\"code\":\"card-removed\""));
        });
    }

    [Test]
    public async Task Transmit_AfterTheCheckEnded_Is404AndReachesNoCard()
    {
        // Arrange
        var card = new FakeCard();
        Uri reader;
        using (_host.Lend(card, out reader)) { }

        // Act
        var (status, answer, _) = await PostAsync(new Uri(reader, "transmit"), """{"apdu":"00A40000"}""");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(answer, Does.Contain("\"code\":\"no-such-reader\""));
            Assert.That(card.Commands, Is.Empty);
        });
    }

    [Test]
    public void Client_CardRemoved_IsATransportError()
    {
        // Arrange
        using var lease = _host.Lend(new FakeCard { Removed = true }, out var reader);
        var client = new CardReaderClient(_http, reader);

        // Act + Assert
        Assert.That(() => client.Transmit([0x00, 0xA4, 0x00, 0x00]), Throws.TypeOf<IOException>().With.Message.Contains("HTTP 409"));
        Assert.That(client.IsPowered, Is.False);
    }

    [Test]
    public void Client_PowerOffAndOn_ReachTheCard()
    {
        // Arrange
        var card = new FakeCard();
        using var lease = _host.Lend(card, out var reader);
        var client = new CardReaderClient(_http, reader);

        // Act
        client.PowerOff();
        var off = card.IsPowered;
        client.PowerOn();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(off, Is.False);
            Assert.That(card.IsPowered, Is.True);
            Assert.That(client.Atr.ToArray(), Is.EqualTo(new byte[] { 0x3B, 0x8A }));
        });
    }
}

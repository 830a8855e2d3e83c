using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Driver.External;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Runs;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Chukei.Conformance.SelfTests.Driver;

/// <summary>What the HTTP driver makes of a clinic driver that answers badly, or not at all (conformance/README.md, "Bad driver answers").</summary>
[TestFixture]
public sealed class HttpClinicDriverTests
{
    private static readonly DateOnly ServiceDate = new(2026, 8, 3);
    private static readonly Uri RelayUrl = new("http://127.0.0.1:9/");
    private WireMockServer _clinic = null!;

    [SetUp]
    public void StartClinic() => _clinic = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    [TearDown]
    public void StopClinic() => _clinic.Dispose();

    private void Answers(int status, string body, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        if (delay is { } d) response = response.WithDelay(d);
        _clinic.Given(Request.Create().WithPath("/checks").UsingPost()).RespondWith(response);
    }

    [Test]
    public async Task CheckEligibility_VerdictAnswered_ReturnsItAndPostsTheCheck()
    {
        // Arrange
        Answers(200, """{"conclusion":"card-problem","reason":"pin-wrong","pinTriesLeft":2,"log":["VERIFY → 63C2"]}""");
        await using var driver = await HttpClinicDriver.StartAsync(new Uri(_clinic.Url!));

        // Act
        var verdict = await driver.CheckEligibilityAsync(new FakeCard(), "9999", ServiceDate, RelayUrl, CancellationToken.None);

        // Assert
        var posted = _clinic.LogEntries.Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(verdict, Is.EqualTo(new ClinicVerdict(ClinicVerdictKind.CardProblem, "pin-wrong", 2) { Log = verdict.Log }));
            Assert.That(verdict.Log, Is.EqualTo(new[] { "VERIFY → 63C2" }));
            Assert.That(posted.Body!, Does.Contain("\"pin\":\"9999\"").And.Contain("\"serviceDate\":\"2026-08-03\"").And.Contain("\"relayUrl\":\"http://127.0.0.1:9/\""));
            Assert.That(posted.Body!, Does.Match("\"readerUrl\":\"http://127\\.0\\.0\\.1:\\d+/readers/[0-9a-f]{32}/\""));
        });
    }

    [TestCase(200, "this is not json", "not a verdict")]
    [TestCase(200, """{"conclusion":"eligible-maybe"}""", "not a verdict")]
    [TestCase(200, """{"reason":"pin-wrong"}""", "not a verdict")]
    [TestCase(200, """{"conclusion":"card-problem","pinTriesLeft":99}""", "pinTriesLeft 99")]
    [TestCase(500, """{"title":"boom"}""", "HTTP 500 instead of 200")]
    [TestCase(404, "", "HTTP 404 instead of 200")]
    public async Task CheckEligibility_AnswerIsNotAVerdict_FailsCln037NamingTheDriver(int status, string body, string expected)
    {
        // Arrange
        Answers(status, body);
        await using var driver = await HttpClinicDriver.StartAsync(new Uri(_clinic.Url!));

        // Act
        var failure = await Assert.CatchAsync<RequirementViolationException>(() => driver.CheckEligibilityAsync(new FakeCard(), "1234", ServiceDate, RelayUrl, CancellationToken.None));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(failure!.RequirementId, Is.EqualTo("CLN-037"));
            Assert.That(failure.Message, Does.StartWith("CLN-037 (MUST) violated: the clinic reached no conclusion: its driver POST " + _clinic.Url + "/checks"));
            Assert.That(failure.Message, Does.Contain(expected));
        });
    }

    [Test]
    public async Task CheckEligibility_AnswerQuotesThePin_MasksItInTheFailure()
    {
        // Arrange
        Answers(500, "could not verify PIN 4321");
        await using var driver = await HttpClinicDriver.StartAsync(new Uri(_clinic.Url!));

        // Act
        var failure = await Assert.CatchAsync<RequirementViolationException>(() => driver.CheckEligibilityAsync(new FakeCard(), "4321", ServiceDate, RelayUrl, CancellationToken.None));

        // Assert
        Assert.That(failure!.Message, Does.Contain("PIN ****").And.Not.Contain("4321"));
    }

    [Test]
    public async Task CheckEligibility_DriverSlowerThanTheTimeout_IsNoAnswer()
    {
        // Arrange
        Answers(200, """{"conclusion":"eligible"}""", TimeSpan.FromMinutes(5));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-08-03T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var driver = await HttpClinicDriver.StartAsync(new Uri(_clinic.Url!), time, TimeSpan.FromSeconds(30));

        // Act
        var check = driver.CheckEligibilityAsync(new FakeCard(), "1234", ServiceDate, RelayUrl, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        var failure = await Assert.CatchAsync<TargetUnreachableException>(() => check);

        // Assert
        Assert.That(failure!.Message, Is.EqualTo($"the clinic's driver POST {_clinic.Url}/checks did not answer within 30 s"));
    }

    [TestCase(404, "", typeof(NotSupportedException))]
    [TestCase(500, "database down", typeof(RequirementViolationException))]
    [TestCase(200, """{"held":[]}""", typeof(RequirementViolationException))]
    public async Task PickUpNotices_AnswerThatIsNotTheNotices_IsNotClaimedOrFailsElg021(int status, string body, Type expected)
    {
        // Arrange: 404 is a clinic that does not pick up notices; anything else but the notices is a failed duty.
        _clinic.Given(Request.Create().WithPath("/notice-pickups").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
        await using var driver = await HttpClinicDriver.StartAsync(new Uri(_clinic.Url!));

        // Act
        var failure = await Assert.CatchAsync(() => driver.PickUpNoticesAsync(RelayUrl, CancellationToken.None));

        // Assert
        Assert.That(failure, Is.TypeOf(expected));
        if (failure is RequirementViolationException violation) Assert.That(violation.RequirementId, Is.EqualTo("ELG-021"));
    }

    [Test]
    public async Task PickUpNotices_NoticesAnswered_ReturnsThemAndPostsTheRelayUrl()
    {
        // Arrange
        _clinic.Given(Request.Create().WithPath("/notice-pickups").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """{"notices":[{"noticeLogEntryId":"R-1","correlationId":"rcpt-1","relayLogEntryId":"L-1","serviceDate":"2026-08-03","status":"invalid","disqualificationDate":"2026-08-03"}]}"""));
        await using var driver = await HttpClinicDriver.StartAsync(new Uri(_clinic.Url!));

        // Act
        var held = await driver.PickUpNoticesAsync(RelayUrl, CancellationToken.None);

        // Assert
        Assert.That(held.Select(h => (h.NoticeLogEntryId, h.RelayLogEntryId, h.Status)), Is.EqualTo(new[] { ("R-1", "L-1", Contracts.Wire.EligibilityStatus.Invalid) }));
        Assert.That(_clinic.LogEntries.Single().RequestMessage!.Body, Does.Contain($"\"relayUrl\":\"{RelayUrl}\""));
    }

    [Test]
    public async Task CheckEligibility_NothingListens_IsNoAnswer()
    {
        // Arrange
        var url = new Uri(_clinic.Url!);
        _clinic.Stop();
        await using var driver = await HttpClinicDriver.StartAsync(url);

        // Act
        var failure = await Assert.CatchAsync<TargetUnreachableException>(() => driver.CheckEligibilityAsync(new FakeCard(), "1234", ServiceDate, RelayUrl, CancellationToken.None));

        // Assert
        Assert.That(failure!.Message, Does.StartWith($"the clinic's driver POST {url.ToString().TrimEnd('/')}/checks could not be reached"));
    }

    [Test]
    public async Task CaseRunner_DriverGivesNoAnswer_CaseIsInconclusiveAndMarkedUnreachable()
    {
        // Act
        var result = await CaseRunner.RunAsync("CLN-030", "pin-not-four-digits", _ => throw DriverAnswers.NoAnswer("command 'x'", "did not finish within 30 s and was stopped"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(CaseOutcome.Inconclusive));
            Assert.That(result.TargetUnreachable, Is.True);
            Assert.That(result.Reason, Is.EqualTo("CLN-030: not checked: the clinic's driver command 'x' did not finish within 30 s and was stopped"));
        });
    }
}

using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Network;
using Microsoft.Extensions.Time.Testing;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Insurers.Tests.Inquiries;

/// <summary>
/// Every row of the seal attack table, presented over real HTTP to the reference insurer running with the published
/// test-vector keys: each check of step ④ refuses its negative cases with its code, accepts the valid ones, and logs
/// every inquiry either way.
/// </summary>
public sealed class SealMutationsOverHttpTests
{
    private SimulatedNetwork _network = null!;
    private SealFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var clock = new FakeTimeProvider(DefaultNow);
        _fixture = new SealFixture(DefaultNow);
        var yaml = $$"""
            chukei: 1
            id: seal-mutations
            title: Seal mutations over HTTP
            clock: { start: "{{DefaultNow:O}}" }
            relay: { id: {{RelayId}} }
            insurers:
              - { id: {{TargetId}}, kind: health-insurance-society, name: Target, number: "{{TargetInsurerNumber}}" }
              - { id: {{RequesterId}}, kind: ltc, name: Requester, number: "{{RequesterInsurerNumber}}" }
              - { id: {{OtherInsurerId}}, kind: health-insurance-society, name: Other, number: "{{OtherInsurerNumber}}" }
            people:
              - id: p
                name: 試験 太郎
                basicPensionNumber: "1234567890"
                enrolments:
                  - { insurer: {{TargetId}}, symbol: "12", number: "3456", branch: "01", from: 2018-04-01 }
            steps:
              - { id: noop, action: verify-log }
            """;
        var keys = new[] { RelayId, TargetId, RequesterId, OtherInsurerId }.ToDictionary(id => id, _fixture.KeySet);
        _network = await SimulatedNetwork.StartAsync(ScenarioLoader.Load(yaml, "seal-mutations.yaml"), clock, new NetworkOptions { Keys = keys });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _network.DisposeAsync();

    private static IEnumerable<TestCaseData> Mutations() =>
        SealMutations.All.Select(m => new TestCaseData(m.Name).SetName($"Inquiry_{m.Name}_{m.ExpectedVerdict}"));

    [TestCaseSource(nameof(Mutations))]
    public async Task Inquiry_SealMutationOverHttp_GetsTheVerdictOfStep4(string name)
    {
        // Arrange: a fresh jti, so no case replays another.
        var mutation = SealMutations.Find(name);
        var built = mutation.Build(_fixture, EnvelopeSigner.NewId());
        var correlation = "mut-" + EnvelopeSigner.NewId()[..12];
        foreach (var first in mutation.PresentedBefore)
            Assert.That((await PresentAsync(first, built.Token, mutation.Items, correlation + "-first")).Status, Is.EqualTo(200), "the first presentation is accepted");

        // Act
        var response = await PresentAsync(mutation.Caller, built.Token, mutation.Items, correlation);

        // Assert
        var log = _network.Insurers[TargetId].AccessLog.Where(e => e.CorrelationId == correlation).ToList();
        if (mutation.ExpectAccepted)
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Problem?.Detail);
            Assert.That(response.Answer!.Status, Is.EqualTo(EligibilityStatus.Valid));
            Assert.That(log.Single().Outcome, Is.EqualTo(AccessOutcome.Answered));
        }
        else
        {
            var expected = mutation.ExpectedCodeOverHttp!;
            Assert.That(response.Problem?.Code, Is.EqualTo(expected.Code), response.Problem?.Detail);
            Assert.That(response.Status, Is.EqualTo(expected.Status));
            Assert.That(response.Problem!.Requirement, Is.EqualTo(expected.RequirementId));
            Assert.That(log.Single().Outcome, Is.EqualTo(AccessOutcome.Refused), "refusals are logged too");
            Assert.That(log.Single().Code, Is.EqualTo(expected.Code));
        }
    }

    private async Task<PartyResponse<InquiryAnswer>> PresentAsync(string caller, string seal, IReadOnlyList<string> items, string correlation)
    {
        var request = new InquiryRequest { Seal = seal, Items = items, CorrelationId = correlation };
        if (caller != RelayId)
            return await _network.Insurers[caller].Client.PostAsync<InquiryRequest, InquiryAnswer>(TargetId, "/v1/inquiries", request);

        // The relay forwarding a routed seal: the answer is addressed to the seal's requester (INS-041), who verifies it.
        var url = new Uri(_network.Directory.Find(TargetId)!.BaseUrl + "/v1/inquiries");
        var (token, id) = _network.Relay.Self.Signer.SignRequest(TargetId, "POST", url.AbsolutePath, request);
        var (status, body) = await _network.Relay.Client.SendAsync(url, token);
        if (status != 200) return new PartyResponse<InquiryAnswer>(status, null, PartyClient.ReadProblem(body), null);
        var envelope = _network.Insurers[RequesterId].Self.Verifier.VerifyResponse(body, TargetId, id);
        return new PartyResponse<InquiryAnswer>(status, Contracts.Json.ProtocolJson.Deserialize<InquiryAnswer>(envelope.Claims.Body, "answer"), null, body);
    }
}

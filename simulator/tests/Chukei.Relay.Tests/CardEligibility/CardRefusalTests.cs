using System.Buffers.Text;
using System.Security.Cryptography;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Wire;

namespace Chukei.Relay.Tests.CardEligibility;

/// <summary>Every refusal of §13.4, each with its own code, logged as a refused routed inquiry (CLN-002, CLN-010 … CLN-019, CLN-023).</summary>
public sealed class CardRefusalTests
{
    private CardEligibilityNetwork _net = null!;

    [SetUp]
    public async Task StartAsync() => _net = await CardEligibilityNetwork.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _net.DisposeAsync();

    private void AssertRefused(PartyResponse<CardEligibilityAnswer> response, string code, int status, string? person)
    {
        var entry = _net.LastEntry();
        Assert.Multiple(() =>
        {
            Assert.That(response.Problem?.Code, Is.EqualTo(code));
            Assert.That(response.Status, Is.EqualTo(status));
            Assert.That(response.Problem?.CorrelationId, Is.EqualTo("card-check-1"));
            Assert.That(entry.Outcome, Is.EqualTo(AccessOutcome.Refused));
            Assert.That(entry.Code, Is.EqualTo(code));
            Assert.That(entry.Requester, Is.EqualTo(CardEligibilityNetwork.ClinicId));
            Assert.That(entry.Purpose, Is.EqualTo(Purposes.EligibilityCheck));
            Assert.That(entry.PersonId, Is.EqualTo(person is null ? null : _net.Network.PersonIds[person]));
        });
    }

    [Test]
    public async Task Check_ChallengeNeverIssued_IsCardChallengeUnknown()
    {
        var response = await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), _net.Today));

        AssertRefused(response, "card-challenge-unknown", 403, null);
    }

    [Test]
    public async Task Check_ChallengeIssuedToAnotherClinic_IsCardChallengeUnknown()
    {
        // Arrange: the other clinic's challenge, signed by the card for this clinic.
        var challenge = await _net.ChallengeAsync(_net.OtherClinic);

        var response = await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, challenge, _net.Today));

        AssertRefused(response, "card-challenge-unknown", 403, null);
    }

    [Test]
    public async Task Check_ChallengeAfterSixtySeconds_IsCardChallengeExpired()
    {
        var request = CardEligibilityNetwork.Request(TestCards.Valid, await _net.ChallengeAsync(), _net.Today);
        _net.Clock.Advance(TimeSpan.FromSeconds(60));

        var response = await _net.CheckAsync(request);

        AssertRefused(response, "card-challenge-expired", 403, null);
    }

    [Test]
    public async Task Check_ChallengeJustBeforeExpiry_IsAccepted()
    {
        var request = CardEligibilityNetwork.Request(TestCards.Valid, await _net.ChallengeAsync(), _net.Today);
        _net.Clock.Advance(TimeSpan.FromSeconds(59));

        var response = await _net.CheckAsync(request);

        Assert.That(response.IsSuccess, Is.True, response.Problem?.Code);
    }

    [Test]
    public async Task Check_SameChallengeTwice_IsCardChallengeReplayed()
    {
        var request = CardEligibilityNetwork.Request(TestCards.Valid, await _net.ChallengeAsync(), _net.Today);
        var first = await _net.CheckAsync(request);

        var second = await _net.CheckAsync(request);

        Assert.That(first.IsSuccess, Is.True, first.Problem?.Code);
        AssertRefused(second, "card-challenge-replayed", 403, null);
    }

    [Test]
    public async Task Check_ChallengeUsedByARefusedAttempt_CannotBeRetried()
    {
        // Arrange: the first attempt fails on the signature, which uses the challenge up all the same (CLN-012).
        var challenge = await _net.ChallengeAsync();
        await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, challenge, _net.Today, signature: Base64Url.EncodeToString(new byte[256])));

        var retry = await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, challenge, _net.Today));

        AssertRefused(retry, "card-challenge-replayed", 403, null);
    }

    [Test]
    public async Task Check_CertificateNotDer_IsCardCertificateMalformed()
    {
        var request = CardEligibilityNetwork.Request(TestCards.Valid, await _net.ChallengeAsync(), _net.Today) with { Certificate = Base64Url.EncodeToString("not a certificate"u8) };

        var response = await _net.CheckAsync(request);

        AssertRefused(response, "card-certificate-malformed", 400, null);
    }

    [Test]
    public async Task Check_CertificateWithA1024BitKey_IsCardCertificateMalformed()
    {
        using var weak = TestCards.Authority.IssueCard("山田 花子", Chukei.Card.Pki.CertificateProfile.Valid, RSA.Create(1024), RSA.Create(2048));

        var response = await _net.CheckWithAsync(weak);

        AssertRefused(response, "card-certificate-malformed", 400, null);
    }

    [Test]
    public async Task Check_CertificateFromACaWithTheSameNameButAnotherKey_IsCardCaUnknown()
    {
        var response = await _net.CheckWithAsync(TestCards.ForeignAuthority);

        AssertRefused(response, "card-ca-unknown", 403, null);
    }

    [Test]
    public async Task Check_SignatureForAnotherServiceDate_IsCardSignatureInvalid()
    {
        var challenge = await _net.ChallengeAsync();
        var signedForYesterday = CardEligibilityNetwork.Sign(TestCards.Valid, challenge, CardEligibilityNetwork.ClinicId, _net.Today.AddDays(-1));

        var response = await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, challenge, _net.Today, signature: signedForYesterday));

        AssertRefused(response, "card-signature-invalid", 403, null);
    }

    [Test]
    public async Task Check_SignatureMadeForAnotherClinic_IsCardSignatureInvalid()
    {
        var challenge = await _net.ChallengeAsync();

        var response = await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, challenge, _net.Today, clinicId: CardEligibilityNetwork.OtherClinicId));

        AssertRefused(response, "card-signature-invalid", 403, null);
    }

    [Test]
    public async Task Check_SignatureByAnotherCardsKey_IsCardSignatureInvalid()
    {
        var challenge = await _net.ChallengeAsync();
        var byOtherKey = CardEligibilityNetwork.Sign(TestCards.OtherPerson, challenge, CardEligibilityNetwork.ClinicId, _net.Today);

        var response = await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, challenge, _net.Today, signature: byOtherKey));

        AssertRefused(response, "card-signature-invalid", 403, null);
    }

    [Test]
    public async Task Check_CertificateNotYetValid_IsRefusedAndShownToTheHolder()
    {
        var response = await _net.CheckWithAsync(TestCards.NotYetValid);

        AssertRefused(response, "card-certificate-not-yet-valid", 403, "hanako");
    }

    [Test]
    public async Task Check_CertificateExpiredBeyondGrace_IsRefusedAndShownToTheHolder()
    {
        var response = await _net.CheckWithAsync(TestCards.Expired);

        AssertRefused(response, "card-certificate-expired", 403, "hanako");
    }

    [Test]
    public async Task Check_GraceCardAfterThreeMonthsMore_IsCardCertificateExpired()
    {
        // Arrange: the grace card expired 30 days ago; three calendar months after its notAfter it is refused.
        var notAfter = (await _net.CheckWithAsync(TestCards.WithinGrace)).Answer!.CertificateNotAfter;
        _net.Clock.SetUtcNow(notAfter.AddMonths(3));

        var response = await _net.CheckWithAsync(TestCards.WithinGrace, new DateOnly(2026, 8, 3));

        AssertRefused(response, "card-certificate-expired", 403, "hanako");
    }

    [Test]
    public async Task Check_RevokedCertificate_IsCardCertificateRevokedAndShownToTheHolder()
    {
        var response = await _net.CheckWithAsync(TestCards.Revoked);

        AssertRefused(response, "card-certificate-revoked", 403, "hanako");
    }

    [Test]
    public async Task Check_CardRegisteredToNobody_IsCardHolderUnknown()
    {
        var response = await _net.CheckWithAsync(TestCards.Unregistered);

        AssertRefused(response, "card-holder-unknown", 404, null);
    }

    [Test]
    public async Task Check_ServiceDateInTheFuture_IsInvalidFieldAndNotLogged()
    {
        var before = _net.Network.Relay.Store.WholeLog().Count();

        var response = await _net.CheckWithAsync(TestCards.Valid, _net.Today.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(response.Problem?.Code, Is.EqualTo("invalid-field"));
            Assert.That(response.Problem?.Field, Is.EqualTo("/serviceDate"));
            Assert.That(_net.Network.Relay.Store.WholeLog().Count(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Check_ChallengeNotBase64Url_IsInvalidField()
    {
        var response = await _net.CheckAsync(CardEligibilityNetwork.Request(TestCards.Valid, new string('*', 43), _net.Today));

        Assert.That(response.Problem?.Field, Is.EqualTo("/challenge"));
    }

    [Test]
    public async Task Challenge_RequestedByAnInsurer_IsRoleNotAllowed()
    {
        var insurer = _net.Network.Insurers["kenpo-chukei"];

        var response = await insurer.Client.PostAsync<CardChallengeRequest, CardChallenge>(_net.Network.Directory.RelayId, "/v1/card-challenges", new CardChallengeRequest { CorrelationId = "x" });

        Assert.That(response.Problem?.Code, Is.EqualTo("role-not-allowed"));
    }

    [Test]
    public async Task Challenge_RequestedByAnInsurer_RefusalCarriesTheRequestsCorrelationId()
    {
        // ID-013: the role is judged after the envelope verified, so the body, and its correlationId, could be read.
        var insurer = _net.Network.Insurers["kenpo-chukei"];

        var response = await insurer.Client.PostAsync<CardChallengeRequest, CardChallenge>(_net.Network.Directory.RelayId, "/v1/card-challenges", new CardChallengeRequest { CorrelationId = "role-refused-1" });

        Assert.That(response.Problem?.CorrelationId, Is.EqualTo("role-refused-1"));
    }
}

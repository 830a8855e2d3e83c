using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Chukei.Card.Pki;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Relay.Kit;
using Chukei.Conformance.Targets;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Relay.Checks;

/// <summary>
/// The reception eligibility check with the card at the relay (docs/protocol.md §13, CLN-001 … CLN-023). The kit plays
/// the clinic and its patients' cards: it issues each card's authentication certificate at run time, under a serial the
/// relay was provisioned with (docs/test-vectors/relay-cards.json) and with the validity the case needs, and signs the
/// challenge as the card would. The relay's checks run in the order of §13.4, so a card registered to nobody is
/// refused card-holder-unknown only after every check before it passed: the refusal cases use such cards, and a relay
/// that skips the check under test answers card-holder-unknown instead of the code the case expects.
/// </summary>
public static partial class CardChecks
{
    public const string ChallengePath = "v1/card-challenges";
    public const string CheckPath = "v1/card-eligibility";

    /// <summary>A clinic that is not the caller, for a signature bound to the wrong clinic (CLN-015).</summary>
    private const string AnotherClinicId = "clinic-other.chukei.test";

    /// <summary>How a case's card certificate stands against the kit's clock.</summary>
    public enum Validity
    {
        Valid,
        ExpiredWithinGrace,
        ExpiredBeyondGrace,
        NotYetValid,

        /// <summary>notBefore 15 seconds ahead: inside the 60-second allowance of CLN-016.</summary>
        NotBeforeWithinSkew,
    }

    /// <summary>A card the kit presents: its authentication certificate (DER), the key that signs, and the certificate's notAfter.</summary>
    private sealed record KitCard(byte[] Certificate, RSA Key, DateTimeOffset NotAfter, string SerialNumber);

    // CLN-001

    /// <summary>Two challenges: 43 base64url characters each (32 bytes), different, expiring 60 seconds after the answer was signed.</summary>
    public static async Task FreshChallengesAsync(RelaySession session, CheckContext check)
    {
        var first = await ChallengeExchangeAsync(session, check, "fresh-challenges-1");
        var second = await ChallengeExchangeAsync(session, check, "fresh-challenges-2");
        foreach (var (exchange, challenge) in new[] { first, second })
        {
            check.Must(Base64Url43().IsMatch(challenge.Challenge) && Base64Url.IsValid(challenge.Challenge, out var length) && length == 32,
                $"the challenge '{challenge.Challenge}' is not 32 bytes in base64url without padding (43 characters)");
            // The answer's iat is the relay's own clock at the answer, so the lifetime is judged without trusting ours.
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(session.World.VerifierFor(ClinicId).VerifyResponse(exchange.Body, RelayId, exchange.RequestJti).Claims.IssuedAt);
            var lifetime = challenge.ExpiresAt - issuedAt;
            check.Must(lifetime >= TimeSpan.FromSeconds(59) && lifetime <= TimeSpan.FromSeconds(61),
                $"expiresAt {ProtocolText.Time(challenge.ExpiresAt)} is {lifetime.TotalSeconds:0.#} s after the answer's iat {ProtocolText.Time(issuedAt)}; it must be the time of issue + 60 seconds");
        }
        check.Must(first.Challenge.Challenge != second.Challenge.Challenge, $"two requests got the same challenge '{first.Challenge.Challenge}'");
    }

    /// <summary>A portal asking for a challenge is refused role-not-allowed: challenges are for clinics only.</summary>
    public static async Task PortalAsksForAChallengeAsync(RelaySession session, CheckContext check)
    {
        var exchange = await session.World.CallerFor(PortalId, check.Evidence)
            .PostAsync(ChallengePath, new CardChallengeRequest { CorrelationId = Calls.NewCorrelationId("portal-challenge") });
        check.Must(exchange.IsRefusal(ProblemCodes.RoleNotAllowed), $"the portal may not ask for a card challenge; the relay must refuse with role-not-allowed (403), but answered {exchange.Summary}");
    }

    // CLN-002

    public static IReadOnlyList<string> InvalidFieldCases { get; } =
        ["challenge-of-42-characters", "certificate-not-base64url", "service-date-tomorrow"];

    /// <summary>A body with one malformed member, every other member fine, is refused invalid-field.</summary>
    public static async Task InvalidFieldAsync(RelaySession session, CheckContext check, string caseName)
    {
        var challenge = await ChallengeAsync(session, check, caseName);
        var card = Unregistered(session);
        var today = Today(session);
        var request = caseName switch
        {
            "challenge-of-42-characters" => Request(challenge, card, today, caseName) with { Challenge = challenge[..42] },
            "certificate-not-base64url" => Request(challenge, card, today, caseName) with { Certificate = "MIIB+/not=base64url" },
            "service-date-tomorrow" => Request(challenge, card, today.AddDays(1), caseName),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var exchange = await PresentAsync(session, check, request);
        check.Must(exchange.IsRefusal(ProblemCodes.InvalidField), $"{Describe(caseName)}; the relay must refuse with invalid-field (400), but answered {exchange.Summary}");
    }

    /// <summary>An insurer presenting a card check is refused role-not-allowed: the check is for clinics only.</summary>
    public static async Task InsurerChecksACardAsync(RelaySession session, CheckContext check)
    {
        var card = Unregistered(session);
        var challenge = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var request = Request(challenge, card, Today(session), "insurer-checks-a-card");
        var exchange = await PresentAsync(session, check, request, RequesterId);
        check.Must(exchange.IsRefusal(ProblemCodes.RoleNotAllowed), $"{RequesterId} may not present a card check; the relay must refuse with role-not-allowed (403), but answered {exchange.Summary}");
    }

    /// <summary>A well-formed check of an unregistered card against a challenge never issued: a body only the role can refuse (AUTH-011's table).</summary>
    public static CardEligibilityRequest UnregisteredCardRequest(RelaySession session, string caseName) =>
        Request(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), Unregistered(session), Today(session), caseName);

    // CLN-010

    public static async Task ChallengeNeverIssuedAsync(RelaySession session, CheckContext check)
    {
        var challenge = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var exchange = await PresentAsync(session, check, Request(challenge, Unregistered(session), Today(session), "challenge-never-issued"));
        check.Must(exchange.IsRefusal(ProblemCodes.CardChallengeUnknown),
            $"the challenge was never issued; the relay must refuse with card-challenge-unknown (403), but answered {exchange.Summary}");
    }

    /// <summary>
    /// A challenge the relay issued to the clinic, presented by a second clinic of the directory with a card signature
    /// bound to that second clinic: only the challenge's owner is wrong, so the relay must refuse card-challenge-unknown
    /// (a relay that only looks the challenge up reaches the card checks and answers card-holder-unknown).
    /// </summary>
    public static async Task ChallengeIssuedToAnotherClinicAsync(RelaySession session, CheckContext check)
    {
        const string caseName = "challenge-issued-to-another-clinic";
        var challenge = await ChallengeAsync(session, check, caseName);
        var card = Unregistered(session);
        var today = Today(session);
        var request = Request(challenge, card, today, caseName, ProvisionedCards.Sign(challenge, SecondClinicId, today, card.Key));
        var exchange = await PresentAsync(session, check, request, SecondClinicId);
        check.Must(exchange.IsRefusal(ProblemCodes.CardChallengeUnknown),
            $"the challenge was issued to {ClinicId} and presented by {SecondClinicId}; the relay must refuse with card-challenge-unknown (403), but answered {exchange.Summary}");
    }

    // CLN-011

    /// <summary>A challenge presented after its 60 seconds, waited out on the relay's clock (moved, for a target on an <see cref="AdvancingClock"/>).</summary>
    public static async Task ExpiredChallengeAsync(RelaySession session, CheckContext check)
    {
        var wait = session.Target.ChallengeWait;
        if (wait <= TimeSpan.Zero)
            throw check.NotClaimed("not run: the case waits 61 s on the relay's clock, and the challenge wait is 0 (challengeWaitSeconds, --challenge-wait)");
        var challenge = await ChallengeAsync(session, check, "expired-challenge");
        await AdvancingClock.WaitAsync(session.Target.Time, wait);

        var exchange = await PresentAsync(session, check, Request(challenge, Unregistered(session), Today(session), "expired-challenge"));
        check.Must(exchange.IsRefusal(ProblemCodes.CardChallengeExpired),
            $"the challenge was presented {wait.TotalSeconds:0} s after it was issued, past its 60-second lifetime; the relay must refuse with card-challenge-expired (403), but answered {exchange.Summary}");
    }

    // CLN-012

    /// <summary>A check that was answered, presented again with the same challenge and signature.</summary>
    public static async Task AnsweredChallengeAgainAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var card = Registered(session, person.Person);
        var request = Request(await ChallengeAsync(session, check, "answered-again"), card, Today(session), "answered-again");
        var first = await PresentAsync(session, check, request);
        if (first.Status != 200) throw check.Unreachable($"the first check with a valid registered card was answered {first.Summary} (CLN-021 covers that)");

        var again = await PresentAsync(session, check, request);
        check.Must(again.IsRefusal(ProblemCodes.CardChallengeReplayed),
            $"the challenge was already presented and answered; the relay must refuse with card-challenge-replayed (403), but answered {again.Summary}");
    }

    /// <summary>A check that was refused (an unregistered card), presented again: the refused attempt used the challenge up.</summary>
    public static async Task RefusedChallengeAgainAsync(RelaySession session, CheckContext check)
    {
        var request = Request(await ChallengeAsync(session, check, "refused-again"), Unregistered(session), Today(session), "refused-again");
        var first = await PresentAsync(session, check, request);
        if (!first.IsRefusal(ProblemCodes.CardHolderUnknown))
            throw check.Unreachable($"the first check with an unregistered card was answered {first.Summary} (CLN-019 covers that)");

        var again = await PresentAsync(session, check, request);
        check.Must(again.IsRefusal(ProblemCodes.CardChallengeReplayed),
            $"the challenge was already presented (and refused card-holder-unknown); it is used up whatever the outcome, so the relay must refuse with card-challenge-replayed (403), but answered {again.Summary}");
    }

    // CLN-013

    public static async Task NotDerAsync(RelaySession session, CheckContext check)
    {
        var card = Unregistered(session) with { Certificate = Encoding.ASCII.GetBytes("this is not a DER certificate") };
        var exchange = await PresentAsync(session, check, Request(await ChallengeAsync(session, check, "not-der"), card, Today(session), "not-der"));
        check.Must(exchange.IsRefusal(ProblemCodes.CardCertificateMalformed),
            $"the certificate is not DER X.509; the relay must refuse with card-certificate-malformed (400), but answered {exchange.Summary}");
    }

    public static async Task ShortKeyAsync(RelaySession session, CheckContext check)
    {
        using var shortKey = RSA.Create(1024);
        var serial = ProvisionedCards.UnregisteredSerial();
        var now = session.Target.Time.GetUtcNow();
        var card = new KitCard(ProvisionedCards.Certificate(serial, now.AddDays(-1), now.AddYears(5), key: shortKey), shortKey, now.AddYears(5), serial);
        var exchange = await PresentAsync(session, check, Request(await ChallengeAsync(session, check, "rsa-1024"), card, Today(session), "rsa-1024"));
        check.Must(exchange.IsRefusal(ProblemCodes.CardCertificateMalformed),
            $"the certificate, from the trusted CA, carries an RSA key of 1024 bits; the relay must refuse with card-certificate-malformed (400), but answered {exchange.Summary}");
    }

    // CLN-014

    public static async Task SameNameOtherKeyAsync(RelaySession session, CheckContext check)
    {
        var card = Unregistered(session, by: ProvisionedCards.Impostor);
        var exchange = await PresentAsync(session, check, Request(await ChallengeAsync(session, check, "impostor-ca"), card, Today(session), "impostor-ca"));
        check.Must(exchange.IsRefusal(ProblemCodes.CardCaUnknown),
            $"the certificate was signed by a CA with the trusted CA's name ({ProvisionedCards.Issuer.Name}) and another key; the relay must refuse with card-ca-unknown (403), but answered {exchange.Summary}");
    }

    // CLN-003, CLN-015

    /// <summary>CLN-003: signatures over the right bytes by the card's key, but not as RSA PKCS#1 v1.5 with SHA-256.</summary>
    public static IReadOnlyList<string> OtherSchemeCases { get; } = ["signed-with-pss", "signed-over-sha1"];

    public static IReadOnlyList<string> BadSignatureCases { get; } =
        ["signed-for-another-clinic", "signed-over-another-challenge", "signed-for-another-service-date", "signature-tampered"];

    public static async Task BadSignatureAsync(RelaySession session, CheckContext check, string caseName)
    {
        var card = Unregistered(session);
        var challenge = await ChallengeAsync(session, check, caseName);
        var today = Today(session);
        var request = caseName switch
        {
            "signed-for-another-clinic" => Request(challenge, card, today, caseName, signature: ProvisionedCards.Sign(challenge, AnotherClinicId, today, card.Key)),
            "signed-over-another-challenge" => Request(challenge, card, today, caseName,
                signature: ProvisionedCards.Sign(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), ClinicId, today, card.Key)),
            // The card signed for today; the request asks about yesterday (a past service date is allowed).
            "signed-for-another-service-date" => Request(challenge, card, today.AddDays(-1), caseName, signature: ProvisionedCards.Sign(challenge, ClinicId, today, card.Key)),
            "signature-tampered" => Request(challenge, card, today, caseName, signature: Tampered(ProvisionedCards.Sign(challenge, ClinicId, today, card.Key))),
            "signed-with-pss" => Request(challenge, card, today, caseName,
                signature: ProvisionedCards.Sign(challenge, ClinicId, today, card.Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)),
            "signed-over-sha1" => Request(challenge, card, today, caseName,
                signature: ProvisionedCards.Sign(challenge, ClinicId, today, card.Key, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)),
            _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such case"),
        };
        var exchange = await PresentAsync(session, check, request);
        check.Must(exchange.IsRefusal(ProblemCodes.CardSignatureInvalid),
            $"{Describe(caseName)}; the relay must refuse with card-signature-invalid (403), but answered {exchange.Summary}");
    }

    // CLN-016, CLN-017, CLN-019

    /// <summary>An unregistered card whose only flaw is its validity is refused with <paramref name="expected"/>.</summary>
    public static async Task ValidityRefusedAsync(RelaySession session, CheckContext check, Validity validity, ProblemCode expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var card = Unregistered(session, validity);
        var exchange = await PresentAsync(session, check, Request(await ChallengeAsync(session, check, expected.Code), card, Today(session), expected.Code));
        check.Must(exchange.IsRefusal(expected), $"the card's certificate is {Describe(validity)}; the relay must refuse with {expected.Code} ({expected.Status}), but answered {exchange.Summary}");
    }

    /// <summary>notBefore 15 seconds ahead is within the allowance: the check goes on to the holder, who is nobody.</summary>
    public static async Task NotBeforeWithinSkewAsync(RelaySession session, CheckContext check)
    {
        var card = Unregistered(session, Validity.NotBeforeWithinSkew);
        var exchange = await PresentAsync(session, check, Request(await ChallengeAsync(session, check, "within-skew"), card, Today(session), "within-skew"));
        check.Must(exchange.IsRefusal(ProblemCodes.CardHolderUnknown),
            $"the certificate's notBefore is 15 seconds ahead, within the 60-second allowance, so the check must go on to the holder (registered to nobody: card-holder-unknown, 404); the relay answered {exchange.Summary}");
    }

    // CLN-018

    public static async Task RevokedAsync(RelaySession session, CheckContext check)
    {
        var person = session.TakePerson();
        var card = Registered(session, person, revoked: true);
        var exchange = await PresentAsync(session, check, Request(await ChallengeAsync(session, check, "revoked"), card, Today(session), "revoked"));
        check.Must(exchange.IsRefusal(ProblemCodes.CardCertificateRevoked),
            $"the card (serial {card.SerialNumber}, valid dates) is on the revocation list of {ProvisionedCards.DocumentPath}; the relay must refuse with card-certificate-revoked (403), but answered {exchange.Summary}");
    }

    // CLN-020

    public static async Task ExpiredWithinGraceAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var card = Registered(session, person.Person, validity: Validity.ExpiredWithinGrace);
        var (exchange, request) = await CheckAsync(session, check, card, "within-grace");
        if (session.StandIn.Received(request.CorrelationId)?.Refusal is { } refusal)
            throw check.Unreachable($"the stand-in could not accept what the relay forwarded ({refusal}), so the answer says nothing of the grace period (RLY-020 and SEAL-001 cover that)");

        check.Must(exchange.Status == 200, $"the card expired 30 days ago, within the three-month grace; the relay must answer the eligibility check, but answered {exchange.Summary}");
        var answer = exchange.Read<CardEligibilityAnswer>(session.World);
        check.Must(answer.CertificateStatus == CardCertificateStatus.ExpiredWithinGrace, $"certificateStatus is {answer.CertificateStatus}; the card expired at {ProtocolText.Time(card.NotAfter)}");
        check.Must(answer.CertificateNotAfter == card.NotAfter, $"certificateNotAfter is {ProtocolText.Time(answer.CertificateNotAfter)}, the certificate's notAfter {ProtocolText.Time(card.NotAfter)}");
        var seal = session.StandIn.Received(request.CorrelationId)?.Seal;
        check.Must(seal is not null, $"the relay answered {answer.Outcome} but forwarded nothing to {TargetId} for correlationId '{request.CorrelationId}'");
        check.Must(seal.Purpose == Purposes.EligibilityCheck, $"the forwarded seal's purpose is '{seal.Purpose}'; a card within grace allows eligibility-check only");
    }

    // CLN-021

    public static async Task FoundAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await CheckAsync(session, check, Registered(session, person.Person), "card-found");
        var answer = ReadAnswer(session, check, exchange, "a valid registered card of a person enrolled at " + TargetId);

        check.Must(answer.Outcome == LookupOutcome.Found, $"the holder has one current medical enrolment, at {TargetId}; the outcome is {answer.Outcome}");
        check.Must(answer.Target?.PartyId == TargetId, $"the answer's target is '{answer.Target?.PartyId}', the holder is enrolled at {TargetId}");
        var received = session.StandIn.Received(request.CorrelationId);
        check.Must(received?.Seal is not null, $"nothing reached {TargetId} at the kit's stand-in for correlationId '{request.CorrelationId}'");
        check.Must(received.Refusal is null, $"{TargetId} refused what the relay forwarded: {received.Refusal}");
        var seal = received.Seal;
        check.Must(seal.Routed, "the forwarded seal does not say routed: true");
        check.Must(seal.Requester == ClinicId, $"the forwarded seal's requester is '{seal.Requester}'; it must be the clinic, {ClinicId}");
        check.Must(seal.Purpose == Purposes.EligibilityCheck, $"the forwarded seal's purpose is '{seal.Purpose}', not eligibility-check");
        check.Must(seal.LogEntryId == answer.LogEntryId, $"the forwarded seal's txn is '{seal.LogEntryId}', the answer's logEntryId '{answer.LogEntryId}'");
        check.Must(seal.Insured.Number == person.Medical.Number && seal.Insured.InsurerNumber == person.Medical.InsurerNumber,
            "the forwarded seal is not for the holder's registered medical number");
        var inquiry = InquiryAnswerOf(session, check, answer);
        check.Must(inquiry.ServiceDate == request.ServiceDate, $"the insurer was asked about {inquiry.ServiceDate}, the clinic about {request.ServiceDate}");
    }

    public static async Task NoMedicalEnrolmentAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var (exchange, request) = await CheckAsync(session, check, Registered(session, person.Person), "card-no-coverage");
        var answer = ReadAnswer(session, check, exchange, "a valid registered card of a person with no medical enrolment");

        check.Must(answer.Outcome == LookupOutcome.NoCurrentCoverage, $"the holder has no medical enrolment; the outcome must be no-current-coverage, not {answer.Outcome}");
        check.Must(answer.TargetAnswer is null && answer.Target is null, "a no-current-coverage answer names a target or carries a targetAnswer");
        check.Must(session.StandIn.JournaledCount(request.CorrelationId) == 0, "the relay forwarded an inquiry although the holder has no medical enrolment");
    }

    public static async Task TwoMedicalEnrolmentsAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        await person.AcquireAsync(check, OtherInsurerId, medical: new MedicalInsured
        {
            InsurerNumber = OtherInsurerNumber, Symbol = person.Medical.Symbol, Number = person.Medical.Number + "9", Branch = "01",
        });
        var (exchange, request) = await CheckAsync(session, check, Registered(session, person.Person), "card-two-enrolments");
        var answer = ReadAnswer(session, check, exchange, "a valid registered card of a person with two current medical enrolments");

        check.Must(answer.Outcome == LookupOutcome.MultipleMatches, $"the holder has two current medical enrolments; the outcome must be multiple-matches, not {answer.Outcome}");
        check.Must(session.StandIn.JournaledCount(request.CorrelationId) == 0, "the relay forwarded an inquiry, choosing one of the two enrolments (RLY-008)");
    }

    /// <summary>
    /// The holder was enrolled five days ago: a check for twenty days ago finds no coverage, one for today finds it.
    /// (The kit voids every enrolment it registered when a case ends, so earlier runs leave no past coverage behind.)
    /// </summary>
    public static async Task ServiceDateBeforeTheEnrolmentAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check, medical: false);
        var today = Today(session);
        await person.AcquireAsync(check, TargetId, medical: person.Medical, effective: today.AddDays(-5));
        var card = Registered(session, person.Person);

        var (past, pastRequest) = await CheckAsync(session, check, card, "card-before-enrolment", today.AddDays(-20));
        var pastAnswer = ReadAnswer(session, check, past, "a valid registered card for a service date before the enrolment");
        check.Must(pastAnswer.Outcome == LookupOutcome.NoCurrentCoverage,
            $"the holder's only medical enrolment begins {today.AddDays(-5)}; a check for {pastRequest.ServiceDate} must be no-current-coverage, not {pastAnswer.Outcome}");
        check.Must(session.StandIn.JournaledCount(pastRequest.CorrelationId) == 0, $"the relay forwarded an inquiry for {pastRequest.ServiceDate}, which no enrolment covers");

        var (current, _) = await CheckAsync(session, check, card, "card-after-enrolment");
        var currentAnswer = ReadAnswer(session, check, current, "a valid registered card for today");
        check.Must(currentAnswer.Outcome == LookupOutcome.Found, $"the holder's enrolment since {today.AddDays(-5)} covers today; the outcome must be found, not {currentAnswer.Outcome}");
    }

    public static async Task TargetRefusesAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var card = Registered(session, person.Person);
        var request = Request(await ChallengeAsync(session, check, "card-target-refuses"), card, Today(session), "card-target-refuses");
        session.StandIn.Misbehave(request.CorrelationId, StandInBehaviour.Refuses);
        var exchange = await PresentAsync(session, check, request);
        var code = session.StandIn.Received(request.CorrelationId)?.Refusal
            ?? throw check.Unreachable($"the relay did not forward the check to {TargetId}; it answered {exchange.Summary} (the found case covers that)");

        check.Must(exchange.IsRefusal(ProblemCodes.TargetRefused), $"{TargetId} refused with {code}; the relay must answer target-refused (502), not {exchange.Summary}");
    }

    // CLN-022

    public static async Task TargetAnswerUntouchedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var card = Registered(session, person.Person);
        var (exchange, request) = await CheckAsync(session, check, card, "card-untouched");
        var answer = ReadAnswer(session, check, exchange, "a valid registered card");
        var received = session.StandIn.Received(request.CorrelationId);
        if (received is null || received.Status != 200 || answer.TargetAnswer is null)
            throw check.Unreachable($"the check was not answered found with the stand-in's answer (the CLN-021 cases cover that); the relay answered {answer.Outcome}");

        check.Must(answer.TargetAnswer == received.AnswerBody, "targetAnswer is not the insurer's response envelope byte for byte");
        var verified = session.World.VerifierFor(ClinicId).VerifyForwardedResponse(answer.TargetAnswer, TargetId);
        check.Must(verified.Sender.Id == TargetId, $"targetAnswer is signed by {verified.Sender.Id}");
        var text = Calls.AnswerText(exchange);
        check.Must(!text.Contains(person.Person.PersonId, StringComparison.Ordinal), "the answer carries the holder's person identifier (ID-012)");
        check.Must(!text.Contains(card.SerialNumber, StringComparison.OrdinalIgnoreCase), "the answer carries the card certificate's serial number");
    }

    // CLN-023

    /// <summary>A check refused because the card expired beyond grace is in the holder's log, refused with the code.</summary>
    public static async Task RefusedCheckLoggedAsync(RelaySession session, CheckContext check)
    {
        var person = session.TakePerson();
        var (exchange, request) = await CheckAsync(session, check, Registered(session, person, validity: Validity.ExpiredBeyondGrace), "card-refused-logged");
        if (!exchange.IsRefusal(ProblemCodes.CardCertificateExpired))
            throw check.Unreachable($"a registered card expired four months ago was answered {exchange.Summary} (CLN-017 covers that)");

        var entry = SingleEntry(check, await Calls.PersonLogAsync(session, check, person.PersonId), request,
            "the refused check with the person's own (expired) card");
        check.Must(entry.Outcome == AccessOutcome.Refused && entry.Code == ProblemCodes.CardCertificateExpired.Code,
            $"the entry's outcome is {entry.Outcome} with code '{entry.Code}'; it must be refused with card-certificate-expired");
    }

    /// <summary>An answered check is one routed-inquiry entry in the holder's log, with the insurer as provider.</summary>
    public static async Task AnsweredCheckLoggedAsync(RelaySession session, CheckContext check)
    {
        await using var person = await EnrolledPerson.CreateAsync(session, check);
        var (exchange, request) = await CheckAsync(session, check, Registered(session, person.Person), "card-answered-logged");
        var answer = ReadAnswer(session, check, exchange, "a valid registered card");
        if (answer.Outcome != LookupOutcome.Found) throw check.Unreachable($"the check was answered {answer.Outcome} (CLN-021 covers that)");

        var entry = SingleEntry(check, await Calls.PersonLogAsync(session, check, person.Person.PersonId), request, "the answered check");
        check.Must(entry.EntryId == answer.LogEntryId, $"the entry's id is '{entry.EntryId}', the answer's logEntryId '{answer.LogEntryId}'");
        check.Must(entry.Provider == TargetId && entry.Outcome == AccessOutcome.Answered, $"the entry says provider {entry.Provider}, outcome {entry.Outcome}");
    }

    private static AccessLogEntry SingleEntry(CheckContext check, PersonAccessLogAnswer log, CardEligibilityRequest request, string what)
    {
        var entries = log.Entries.Where(e => e.CorrelationId == request.CorrelationId && e.RecordedBy == RelayId).ToList();
        check.Must(entries.Count == 1, $"the person's log holds {entries.Count} relay entries for {what} (correlationId '{request.CorrelationId}'); exactly one is required");
        var entry = entries[0];
        check.Must(entry.Action == AccessAction.RoutedInquiry, $"the entry's action is {entry.Action}; a card check is a routed-inquiry");
        check.Must(entry.Requester == ClinicId, $"the entry's requester is '{entry.Requester}', the clinic is {ClinicId}");
        check.Must(entry.Purpose == Purposes.EligibilityCheck && entry.Items.SequenceEqual([DataItems.Eligibility]),
            $"the entry says purpose {entry.Purpose}, items [{string.Join(", ", entry.Items)}]; a card check is eligibility-check of [eligibility]");
        return entry;
    }

    // The kit's clinic and cards.

    private static async Task<(RelayExchange Exchange, CardChallenge Challenge)> ChallengeExchangeAsync(RelaySession session, CheckContext check, string caseName)
    {
        var exchange = await session.World.CallerFor(ClinicId, check.Evidence)
            .PostAsync(ChallengePath, new CardChallengeRequest { CorrelationId = Calls.NewCorrelationId(caseName) });
        if (exchange.Status != 200) throw check.Unreachable($"the clinic's request for a card challenge was answered {exchange.Summary} (CLN-001 covers that)");
        return (exchange, exchange.Read<CardChallenge>(session.World));
    }

    private static async Task<string> ChallengeAsync(RelaySession session, CheckContext check, string caseName) =>
        (await ChallengeExchangeAsync(session, check, caseName)).Challenge.Challenge;

    private static CardEligibilityRequest Request(string challenge, KitCard card, DateOnly serviceDate, string caseName, string? signature = null) => new()
    {
        Challenge = challenge,
        Certificate = Base64Url.EncodeToString(card.Certificate),
        Signature = signature ?? ProvisionedCards.Sign(challenge, ClinicId, serviceDate, card.Key),
        ServiceDate = serviceDate,
        CorrelationId = Calls.NewCorrelationId(caseName),
    };

    private static async Task<RelayExchange> PresentAsync(RelaySession session, CheckContext check, CardEligibilityRequest request, string caller = ClinicId)
    {
        var exchange = await session.World.CallerFor(caller, check.Evidence).PostAsync(CheckPath, request);
        if (session.StandIn.Received(request.CorrelationId) is { } received)
            check.Evidence.RecordInbound(new RecordedExchange("POST", session.StandIn.Url + received.PartyId + "/v1/inquiries", received.RequestToken, received.Status, received.AnswerBody));
        return exchange;
    }

    /// <summary>What a well-behaved clinic does: a challenge, the card's signature over it, the check.</summary>
    private static async Task<(RelayExchange Exchange, CardEligibilityRequest Request)> CheckAsync(RelaySession session, CheckContext check, KitCard card,
        string caseName, DateOnly? serviceDate = null)
    {
        var request = Request(await ChallengeAsync(session, check, caseName), card, serviceDate ?? Today(session), caseName);
        return (await PresentAsync(session, check, request), request);
    }

    /// <summary>A 200 answer; a refusal makes the case inconclusive, since the CLN-013 … CLN-019 cases cover refusals.</summary>
    private static CardEligibilityAnswer ReadAnswer(RelaySession session, CheckContext check, RelayExchange exchange, string what)
    {
        if (exchange.Status != 200) throw check.Unreachable($"the check with {what} was refused {exchange.Summary} (the refusal cases of CLN-013 … CLN-019 cover that)");
        return exchange.Read<CardEligibilityAnswer>(session.World);
    }

    private static InquiryAnswer InquiryAnswerOf(RelaySession session, CheckContext check, CardEligibilityAnswer answer)
    {
        check.Must(answer.TargetAnswer is not null, "a found answer carries no targetAnswer");
        var envelope = session.World.VerifierFor(ClinicId).VerifyForwardedResponse(answer.TargetAnswer, TargetId);
        return Contracts.Json.ProtocolJson.Deserialize<InquiryAnswer>(envelope.Claims.Body, "targetAnswer");
    }

    private static KitCard Registered(RelaySession session, ProvisionedPerson person, bool revoked = false, Validity validity = Validity.Valid)
    {
        var card = ProvisionedCards.Of(person);
        return Issue(session, revoked ? card.RevokedSerialNumber : card.SerialNumber, validity, by: null);
    }

    private static KitCard Unregistered(RelaySession session, Validity validity = Validity.Valid, KitCertificateAuthority? by = null) =>
        Issue(session, ProvisionedCards.UnregisteredSerial(), validity, by);

    private static KitCard Issue(RelaySession session, string serial, Validity validity, KitCertificateAuthority? by)
    {
        // Certificates carry whole seconds.
        var now = DateTimeOffset.FromUnixTimeSeconds(session.Target.Time.GetUtcNow().ToUnixTimeSeconds());
        var (notBefore, notAfter) = validity switch
        {
            Validity.Valid => (now.AddDays(-1), now.AddYears(5)),
            Validity.ExpiredWithinGrace => (now.AddYears(-5), now.AddDays(-30)),
            Validity.ExpiredBeyondGrace => (now.AddYears(-5), now.AddMonths(-4)),
            Validity.NotYetValid => (now.AddDays(1), now.AddYears(5)),
            Validity.NotBeforeWithinSkew => (now.AddSeconds(15), now.AddYears(5)),
            _ => throw new ArgumentOutOfRangeException(nameof(validity), validity, "no such validity"),
        };
        return new KitCard(ProvisionedCards.Certificate(serial, notBefore, notAfter, by), ProvisionedCards.CardKey, notAfter, serial);
    }

    private static DateOnly Today(RelaySession session) =>
        DateOnly.FromDateTime(session.Target.Time.GetUtcNow().ToOffset(ProtocolConstants.JapanOffset).DateTime);

    private static string Tampered(string signature)
    {
        var bytes = Base64Url.DecodeFromChars(signature);
        bytes[^1] ^= 0x01;
        return Base64Url.EncodeToString(bytes);
    }

    private static string Describe(Validity validity) => validity switch
    {
        Validity.ExpiredBeyondGrace => "expired four months ago, beyond the three-month grace",
        Validity.NotYetValid => "valid only from tomorrow",
        Validity.Valid => "valid and from the trusted CA, but its serial is registered to nobody",
        _ => validity.ToString(),
    };

    private static string Describe(string caseName) => caseName switch
    {
        "challenge-of-42-characters" => "the challenge is 42 characters, not 43",
        "certificate-not-base64url" => "the certificate is not base64url without padding",
        "service-date-tomorrow" => "the serviceDate is tomorrow in Japan",
        "signed-for-another-clinic" => $"the card signed for the clinic {AnotherClinicId}, the caller is {ClinicId}",
        "signed-over-another-challenge" => "the card signed another challenge than the one presented",
        "signed-for-another-service-date" => "the card signed for today, the request asks about yesterday",
        "signature-tampered" => "the card's signature has one bit flipped",
        "signed-with-pss" => "the card's key signed the right bytes with RSA-PSS, not PKCS#1 v1.5 (CLN-003)",
        "signed-over-sha1" => "the card's key signed the right bytes over SHA-1, not SHA-256 (CLN-003)",
        _ => caseName,
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64Url43();
}

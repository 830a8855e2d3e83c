using System.Security.Cryptography.X509Certificates;
using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Chukei.Relay.AccessLog;
using Chukei.Relay.Lookups;

namespace Chukei.Relay.CardEligibility;

/// <summary>
/// The reception eligibility check with the card (docs/protocol.md §13): challenge, the card checks of §13.4, the
/// person from the certificate, then the routed inquiry to the person's medical insurer for the service date.
/// </summary>
public sealed class CardEligibilityService(RelayNode relay, LookupService lookups)
{
    private static readonly IReadOnlyList<string> Items = [DataItems.Eligibility];

    private readonly CardChallengeStore _challenges = new(relay.Self.Time) { Defects = relay.Defects };

    /// <summary>CLN-001.</summary>
    public CardChallenge Challenge(PartyDescriptor caller, CardChallengeRequest request)
    {
        var (challenge, expiresAt) = _challenges.Issue(caller.Id);
        return new CardChallenge { Challenge = challenge, ExpiresAt = expiresAt, CorrelationId = request.CorrelationId };
    }

    /// <summary>CLN-002 … CLN-023.</summary>
    public async Task<CardEligibilityAnswer> CheckAsync(PartyDescriptor caller, CardEligibilityRequest request, CancellationToken ct)
    {
        // A future service date is a malformed request, refused like any other bad field before anything is logged.
        if (request.ServiceDate > relay.Self.Today && !relay.Defects.AcceptsFutureServiceDates)
            throw new ProtocolException(ProblemCodes.InvalidField, "/serviceDate must not be after today in Japan", "/serviceDate");

        string? personId = null;
        try
        {
            using var certificate = CheckCard(caller, request, out var status, out personId);
            return await AnswerAsync(caller, request, certificate, status, personId, ct);
        }
        catch (ProtocolException ex) when (ex.Code != ProblemCodes.TargetUnavailable && ex.Code != ProblemCodes.TargetRefused)
        {
            // CLN-023: a refused check is an access attempt too; it is shown to the person once the card is known to
            // have taken part (the signature verified and the holder is registered).
            if (relay.Defects.FreesRefusedCardChallenges) _challenges.Free(request.Challenge);
            relay.Log.Append(new AccessLogChain.Draft(relay.Self.PartyId, Action, caller.Id, null, relay.Defects.HidesRefusedCardAttempts ? null : personId, Items,
                Purposes.EligibilityCheck, AccessOutcome.Refused, ex.Code.Code, request.CorrelationId));
            throw;
        }
    }

    /// <summary>§13.4 in order: challenge, certificate, CA, signature, validity with grace, revocation, holder.</summary>
    private X509Certificate2 CheckCard(PartyDescriptor caller, CardEligibilityRequest request, out CardCertificateStatus status, out string? personId)
    {
        personId = null;
        var now = relay.Self.Time.GetUtcNow();
        _challenges.Consume(request.Challenge, caller.Id);
        var defects = relay.Defects;
        var certificate = CardCertificateChecks.Parse(CardRequestValidation.Decode(request.Certificate), defects);
        try
        {
            CardCertificateChecks.ChainsToTrustedAuthority(certificate, relay.Cards.Authorities, now, defects);
            CardCertificateChecks.SignatureVerifies(certificate, request, caller.Id, relay.Self.Today, defects);
            personId = relay.Cards.HolderOf(certificate);
            status = CardCertificateChecks.Validity(certificate, now, defects);
            if (!defects.SkipsCardRevocationCheck) CardCertificateChecks.NotRevoked(certificate, relay.Cards);
            if (personId is null && defects.AnswersUnregisteredCardsNoCoverage) return certificate;
            if (personId is null)
                throw new ProtocolException(ProblemCodes.CardHolderUnknown, "no person is registered for this card", "/certificate");
            return certificate;
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    /// <summary>CLN-021, CLN-022: the person's medical insurer for the service date, asked as in routed mode.</summary>
    private async Task<CardEligibilityAnswer> AnswerAsync(PartyDescriptor caller, CardEligibilityRequest request, X509Certificate2 certificate,
        CardCertificateStatus status, string? personId, CancellationToken ct)
    {
        var resolution = Resolve(personId, relay.Defects.CardCheckCoversToday ? relay.Self.Today : request.ServiceDate);
        var entry = relay.Log.Append(lookups.Draft(caller, resolution, Purposes.EligibilityCheck, request.CorrelationId, Action, items: Items));
        var answer = new CardEligibilityAnswer
        {
            Outcome = resolution.Outcome,
            CertificateStatus = status,
            CertificateNotAfter = CardCertificateChecks.NotAfter(certificate),
            ServiceDate = request.ServiceDate,
            LogEntryId = entry.EntryId,
            CorrelationId = request.CorrelationId,
        };
        if (resolution.Outcome != LookupOutcome.Found) return answer;

        var targetAnswer = await ForwardAsync(caller, resolution, request, entry.EntryId, ct);
        return answer with { Target = LookupService.Target(resolution), AsOf = resolution.Target!.RegisteredAt, TargetAnswer = targetAnswer };
    }

    /// <summary>The registered medical enrolments of the person covering the service date (RLY-033; never a choice among several, RLY-008).</summary>
    private LookupService.Resolution Resolve(string? personId, DateOnly serviceDate)
    {
        if (personId is null) return new LookupService.Resolution(LookupOutcome.NoCurrentCoverage, null, null, null);
        var covering = relay.Store.EnrolmentsOf(personId).Where(e => e.Kind == InsuranceKind.Medical && e.CoversDate(serviceDate)).ToList();
        if (covering.Count == 0) return new LookupService.Resolution(LookupOutcome.NoCurrentCoverage, personId, null, null);
        if (covering.Count > 1 && !relay.Defects.CardCheckChoosesFirstEnrolment) return new LookupService.Resolution(LookupOutcome.MultipleMatches, personId, null, null);
        var party = relay.Self.Directory.Find(covering[0].PartyId);
        if (party is null || party.Revoked) return new LookupService.Resolution(LookupOutcome.NoCurrentCoverage, personId, null, null);
        return new LookupService.Resolution(LookupOutcome.Found, personId, covering[0], party);
    }

    /// <summary>RLY-020 … RLY-024 applied to the card check: seal routed for the clinic, forward, verify, pass on verbatim.</summary>
    private async Task<string> ForwardAsync(PartyDescriptor caller, LookupService.Resolution r, CardEligibilityRequest request, string entryId, CancellationToken ct)
    {
        var seal = lookups.Seal(caller.Id, r, Purposes.EligibilityCheck, entryId, routed: true);
        var inquiry = new InquiryRequest { Seal = seal, Items = Items, ServiceDate = request.ServiceDate, CorrelationId = request.CorrelationId };
        var target = r.TargetParty!;
        var url = new Uri(new Uri(target.BaseUrl!.TrimEnd('/') + "/"), "v1/inquiries");
        var (token, id) = relay.Self.Signer.SignRequest(target.Id, "POST", url.AbsolutePath, inquiry);

        (int Status, string Body) raw;
        try
        {
            raw = await relay.Client.SendAsync(url, token, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Unavailable(caller, r, request, entryId);
            throw new ProtocolException(ProblemCodes.TargetUnavailable, $"{target.Id} did not answer");
        }
        if (raw.Status != 200 && Contracts.Client.PartyClient.ReadProblem(raw.Body)?.Code is { } code)
            throw new ProtocolException(ProblemCodes.TargetRefused, code);
        try
        {
            if (raw.Status != 200) throw new ProtocolException(ProblemCodes.TargetUnavailable, $"HTTP {raw.Status} without a problem document");
            new EnvelopeVerifier(caller.Id, relay.Self.Directory, new MemoryReplayCache(relay.Self.Time), relay.Self.Time).VerifyResponse(raw.Body, target.Id, id);
        }
        catch (ProtocolException ex)
        {
            Unavailable(caller, r, request, entryId);
            throw new ProtocolException(ProblemCodes.TargetUnavailable, $"{target.Id} answered with something that does not verify: {ex.Detail}");
        }
        return relay.Defects.ResignsCardTargetAnswers
            ? relay.Self.Signer.SignResponse(caller.Id, id, new EnvelopeVerifier(caller.Id, relay.Self.Directory, new MemoryReplayCache(relay.Self.Time), relay.Self.Time).VerifyResponse(raw.Body, target.Id, id).Claims.Body)
            : raw.Body;
    }

    /// <summary>A card check is a routed inquiry (CLN-023); logged as a lookup only by a mutant.</summary>
    private AccessAction Action => relay.Defects.LogsCardChecksAsLookups ? AccessAction.Lookup : AccessAction.RoutedInquiry;

    private void Unavailable(PartyDescriptor caller, LookupService.Resolution r, CardEligibilityRequest request, string related) =>
        relay.Log.Append(lookups.Draft(caller, r, Purposes.EligibilityCheck, request.CorrelationId, AccessAction.RoutedInquiry,
            AccessOutcome.Refused, ProblemCodes.TargetUnavailable.Code, Items) with { RelatedEntryId = related });
}

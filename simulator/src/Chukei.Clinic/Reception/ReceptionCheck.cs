using System.Buffers.Text;
using Chukei.Card;
using Chukei.Clinic.CardAccess;
using Chukei.Contracts.Cards;
using Chukei.Contracts.Client;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;

namespace Chukei.Clinic.Reception;

/// <summary>
/// The reference clinic's reception eligibility check with the card (docs/protocol.md §13.5): PIN format, the card
/// session, the relay's challenge, the card's signature, the relay's answer and the insurer's, and a conclusion.
/// Holds no card state between checks, so every check — and every check after a removal — starts from SELECT and
/// VERIFY (CLN-034).
/// </summary>
public sealed class ReceptionCheck(ClinicIdentity clinic, PartyClient client, Notices.ReceptionRecords? records = null)
{
    private static readonly TimeSpan RenewalWindow = TimeSpan.FromDays(90);

    /// <summary>
    /// How long the clinic waits for the relay's card-eligibility answer: at least CLN-040's 10 seconds, with room for
    /// the relay's own wait on the insurer (RLY-021); past it, the person is not kept standing at the desk.
    /// </summary>
    public static readonly TimeSpan RelayAnswerLimit = TimeSpan.FromSeconds(20);

    // Only ever set under ClinicDefects.ReusesCardSessionAfterRemoval: the defect CLN-034 forbids.
    private byte[]? _certificateFromAnEarlierCheck;

    /// <summary>Runs one check for the PIN the person entered. Never throws for card, PIN or relay failures: it concludes.</summary>
    public async Task<ReceptionConclusion> CheckAsync(ICardChannel card, string pin, DateOnly serviceDate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        var conclusion = await CheckCardAndRelayAsync(card, pin, serviceDate, ct);
        return clinic.Defects.LogsThePin ? conclusion with { CardTrace = [.. conclusion.CardTrace, "PIN entered: " + pin] } : conclusion;
    }

    private async Task<ReceptionConclusion> CheckCardAndRelayAsync(ICardChannel card, string pin, DateOnly serviceDate, CancellationToken ct)
    {
        var baseline = new ReceptionConclusion { Kind = ConclusionKind.CardProblem, ServiceDate = serviceDate };
        // CLN-030: a PIN of the wrong format never reaches the card, so it cannot cost a try.
        if (!IsAuthPinFormat(pin) && !clinic.Defects.SkipsPinFormatCheck) return baseline with { Reason = CardFailures.PinFormat };

        var session = new JpkiSession(card) { KeepsPartialCertificate = clinic.Defects.UsesPartialCertificate };
        string challenge;
        byte[] certificate, signature;
        try
        {
            var defects = clinic.Defects;
            if (defects.ReusesCardSessionAfterRemoval && _certificateFromAnEarlierCheck is not null)
            {
                certificate = _certificateFromAnEarlierCheck;
            }
            else
            {
                session.SelectJpki();
                certificate = session.ReadAuthCertificate();
                if (defects.ReusesCardSessionAfterRemoval) _certificateFromAnEarlierCheck = certificate;
            }
            var triesLeft = session.QueryAuthPinTries();
            if (triesLeft == 0 && !defects.SendsVerifyToBlockedPin)
                return baseline with { Reason = CardFailures.PinBlocked, PinTriesLeft = 0, CardTrace = session.Trace };
            try
            {
                session.VerifyAuthPin(pin);
            }
            catch (CardFailureException wrong) when (wrong.Reason == CardFailures.PinWrong && defects.RetriesVerifyAfterWrongPin)
            {
                session.VerifyAuthPin(pin);
            }
            var issued = await client.PostAsync<CardChallengeRequest, CardChallenge>(clinic.Directory.RelayId, "/v1/card-challenges",
                new CardChallengeRequest { CorrelationId = NewCorrelationId() }, ct);
            if (!issued.IsSuccess) return Relay(baseline, issued.Problem?.Code ?? "relay-error", session);
            challenge = issued.Answer!.Challenge;
            // CLN-035: one SIGN for this challenge, over the bytes that bind it to this clinic and this date.
            signature = session.SignWithAuthKey(CardAuthentication.DigestInfo(CardAuthentication.SignedBytes(challenge, clinic.PartyId, serviceDate)));
        }
        catch (CardFailureException ex)
        {
            return baseline with { Reason = ex.Reason, PinTriesLeft = ex.TriesLeft, CardTrace = session.Trace };
        }
        // A connection the relay resets at once can surface as a bare SocketException from the connection pool, not
        // wrapped in an HttpRequestException: it is a relay that cannot be reached all the same (CLN-040).
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException)
        {
            return Relay(baseline, "relay-unreachable", session);
        }
        catch (ProtocolException ex)
        {
            // The relay's challenge did not verify (AUTH-014): nothing from it is used, and the card signs nothing.
            return Relay(baseline, ex.Code.Code, session);
        }

        return await AskRelayAsync(baseline with { CardTrace = session.Trace }, challenge, certificate, signature, serviceDate, ct);
    }

    private async Task<ReceptionConclusion> AskRelayAsync(ReceptionConclusion baseline, string challenge, byte[] certificate, byte[] signature, DateOnly serviceDate, CancellationToken ct)
    {
        var request = new CardEligibilityRequest
        {
            Challenge = challenge,
            Certificate = Base64Url.EncodeToString(certificate),
            Signature = Base64Url.EncodeToString(signature),
            ServiceDate = serviceDate,
            CorrelationId = NewCorrelationId(),
        };
        PartyResponse<CardEligibilityAnswer> response;
        try
        {
            response = await PostEligibilityAsync(request, ct);
            // CLN-040 forbids this: the mutant's automatic retry re-sends the request the relay failed.
            if (clinic.Defects.RetriesFailedRelayRequest && response.Status >= 500) response = await PostEligibilityAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Net.Sockets.SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // CLN-040: no answer in time, or none at all, is the relay's problem; nothing is repeated.
            return baseline with { Kind = ConclusionKind.RelayProblem, Reason = "relay-unreachable" };
        }
        catch (ProtocolException ex)
        {
            return baseline with { Kind = ConclusionKind.RelayProblem, Reason = ex.Code.Code };
        }
        if (!response.IsSuccess)
        {
            var code = response.Problem?.Code ?? "relay-error";
            // ERR-008: a card-* refusal means this card cannot prove eligibility today; everything else, a code this
            // clinic does not know included, is the relay's side. The title and detail are for people, never decided on.
            var kind = clinic.Defects.DecidesOnProblemTitle
                ? response.Problem?.Title.Contains("card", StringComparison.OrdinalIgnoreCase) == true ? ConclusionKind.CardProblem : ConclusionKind.RelayProblem
                : code.StartsWith("card-", StringComparison.Ordinal) ? ConclusionKind.CardProblem : ConclusionKind.RelayProblem;
            return baseline with { Kind = kind, Reason = code };
        }
        return Conclude(baseline, request, response.Answer!);
    }

    private async Task<PartyResponse<CardEligibilityAnswer>> PostEligibilityAsync(CardEligibilityRequest request, CancellationToken ct)
    {
        var limit = clinic.Defects.GivesUpOnASlowRelay ? TimeSpan.FromSeconds(1) : RelayAnswerLimit;
        using var timeout = new CancellationTokenSource(limit, clinic.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        // CLN-036 / AUTH-014: the client verifies the relay's response envelope before the answer is read.
        return await client.PostAsync<CardEligibilityRequest, CardEligibilityAnswer>(clinic.Directory.RelayId, "/v1/card-eligibility", request, linked.Token);
    }

    /// <summary>CLN-036, CLN-037, CLN-038.</summary>
    private ReceptionConclusion Conclude(ReceptionConclusion baseline, CardEligibilityRequest request, CardEligibilityAnswer answer)
    {
        var now = clinic.Time.GetUtcNow();
        var withAnswer = baseline with
        {
            Kind = ConclusionKind.NotEligible,
            RelayAnswer = answer,
            RenewalAlert = clinic.Defects.AlertsOnlyBeforeExpiry
                ? answer.CertificateNotAfter > now && answer.CertificateNotAfter - now < RenewalWindow
                : answer.CertificateStatus == CardCertificateStatus.ExpiredWithinGrace || answer.CertificateNotAfter - now < RenewalWindow,
        };
        if (answer.CorrelationId != request.CorrelationId || answer.ServiceDate != request.ServiceDate)
            return withAnswer with { Kind = ConclusionKind.RelayProblem, Reason = "answer-mismatch", RelayAnswer = null };
        if (answer.Outcome != LookupOutcome.Found)
            return withAnswer with { Reason = Wire(answer.Outcome) };
        if (answer.TargetAnswer is null || answer.Target is null)
            return withAnswer with { Kind = ConclusionKind.RelayProblem, Reason = "answer-mismatch" };

        InquiryAnswer insurer;
        try
        {
            var envelope = clinic.Verifier.VerifyForwardedResponse(answer.TargetAnswer, answer.Target.PartyId);
            insurer = ProtocolJson.Deserialize<InquiryAnswer>(envelope.Claims.Body, "forwarded answer");
        }
        catch (ProtocolException ex)
        {
            return withAnswer with { Kind = ConclusionKind.RelayProblem, Reason = ex.Code.Code };
        }
        // RLY-025: the forwarded answer must be about this very check.
        if ((insurer.CorrelationId != request.CorrelationId || insurer.RelayLogEntryId != answer.LogEntryId) && !clinic.Defects.IgnoresForwardedAnswerIds
            || insurer.ServiceDate != request.ServiceDate)
            return withAnswer with { Kind = ConclusionKind.RelayProblem, Reason = "answer-mismatch" };

        var kind = insurer.Status != EligibilityStatus.Valid ? ConclusionKind.NotEligible
            : insurer.ChangePending && !clinic.Defects.TreatsChangePendingAsFinal ? ConclusionKind.EligibleProvisional
            : ConclusionKind.Eligible;
        // ELG-021: a valid answer is kept for the claim, under the keys a later retroactive-change notice names.
        if (insurer.Status == EligibilityStatus.Valid) records?.Keep(request.CorrelationId, answer.LogEntryId, request.ServiceDate);
        return withAnswer with { Kind = kind, InsurerAnswer = insurer, Reason = kind == ConclusionKind.NotEligible ? Wire(insurer.Status) : null };
    }

    private static ReceptionConclusion Relay(ReceptionConclusion baseline, string reason, JpkiSession session) =>
        baseline with { Kind = ConclusionKind.RelayProblem, Reason = reason, CardTrace = session.Trace };

    /// <summary>CLN-030: exactly four ASCII digits.</summary>
    public static bool IsAuthPinFormat(string? pin) => pin is { Length: 4 } && pin.All(char.IsAsciiDigit);

    private string NewCorrelationId() => "rcpt-" + clinic.Ids.Next()[..32];

    private static string Wire<T>(T value) => ProtocolJson.Serialize(value).Trim('"');
}

using Chukei.Contracts;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Insurers.Records;

namespace Chukei.Insurers.Inquiries;

/// <summary>
/// Steps ④⑤ at the target: every check of the seal (SealVerifier), an entry in the insurer's log for every
/// inquiry whatever its outcome (LOG-008), reported to the relay before the answer leaves (LOG-010), and an
/// answer holding only what was asked for and allowed (INS-041).
/// </summary>
public sealed class InquiryService(InsurerNode insurer)
{
    private async Task ValidateBodyAsync(string entryId, string callerId, InquiryRequest request, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            RequestValidation.Validate(request);
        }
        catch (ProtocolException ex)
        {
            // LOG-008: an authenticated inquiry is recorded whatever happens next, a malformed one included.
            await RefuseAsync(entryId, callerId, null, "unknown", request, ex.Code.Code, now, ct);
            throw;
        }
    }

    public async Task<InquiryAnswer> AnswerAsync(SignedCall<InquiryRequest> call, CancellationToken ct)
    {
        var callerId = call.CallerId;
        var request = call.Request;
        var self = insurer.Self;
        var now = self.Time.GetUtcNow();
        var entryId = "I-" + self.Ids.Next()[..16];
        // INS-002: the body is judged before the seal.
        if (!insurer.Defects.ChecksSealBeforeBody) await ValidateBodyAsync(entryId, callerId, request, now, ct);
        var sealContext = new SealVerificationContext
        {
            SelfId = self.PartyId,
            OwnKeys = self.Keys,
            Directory = self.Directory,
            ReplayCache = self.ReplayCache,
            Time = self.Time,
            CallerId = callerId,
            RequestedItems = request.Items,
            SkippedChecks = insurer.Defects.SkippedSealChecks,
        };
        var verdict = SealVerifier.Verify(request.Seal, sealContext);
        // DIR-009: a seal under a relay key this insurer has not seen yet may follow a rotation; refresh once, then judge.
        if (verdict.Failure == ProblemCodes.SealKeyUnknown && self.DirectoryRefresher is { } refresher && await refresher.RefreshForUnknownKidAsync(ct))
            verdict = SealVerifier.Verify(request.Seal, sealContext);
        if (!verdict.IsValid)
        {
            // Tie the refusal to the relay's lookup only when the relay's signature verified and the seal was for us.
            var signed = verdict.SignedClaims;
            var related = signed is not null && signed.Audience == self.PartyId && !insurer.Defects.OmitsRelayEntryOnRefusal ? signed.LogEntryId : null;
            // LOG-018: the caller, but for the relay forwarding a routed seal the party it forwarded for, once the relay's signature proved it.
            var refusedFor = signed is { Routed: true } && callerId == self.Directory.RelayId ? signed.Requester : callerId;
            await RefuseAsync(entryId, refusedFor, related, signed?.Purpose ?? "unknown", request, verdict.Failure!.Code, now, ct);
            var detail = insurer.Defects.LeaksNumberInProblems && signed is not null ? $"{verdict.Detail} (insured {signed.Insured.Number})" : verdict.Detail!;
            throw new ProtocolException(verdict.Failure, detail, "/seal");
        }

        if (insurer.Defects.ChecksSealBeforeBody) await ValidateBodyAsync(entryId, callerId, request, now, ct);
        var claims = verdict.Claims!;
        var defects = insurer.Defects;
        var serviceDate = defects.IgnoresServiceDate ? self.Today : request.ServiceDate ?? self.Today;
        // INS-003: only the records registered under the sealed number at this insurer's own insurer number.
        var result = claims.Insured.InsurerNumber != insurer.InsurerNumber && !defects.IgnoresSealedInsurerNumber
            ? new EligibilityEvaluator.Result(EligibilityStatus.NoQualification, null, now, null)
            : EligibilityEvaluator.Evaluate(insurer.Book, claims.Insured, serviceDate, defects.AppliesUnregisteredChanges ? DateTimeOffset.MaxValue : now);
        if (defects.NeverReportsPending) result = result with { PendingSince = null };
        if (defects.CountsLossDateAsCovered && result.Fact?.DisqualificationDate == serviceDate) result = result with { Status = EligibilityStatus.Valid };
        if (defects.AnswersInvalidForUnknownNumbers && result.Status == EligibilityStatus.NoQualification) result = result with { Status = EligibilityStatus.Invalid };
        if (defects.IgnoresNewerQualifications && result.Status == EligibilityStatus.InvalidNewerQualification) result = result with { Status = EligibilityStatus.Invalid };
        if (defects.PicksFirstOfMultipleMatches && result.Status == EligibilityStatus.MultipleMatches
            && insurer.Book.RegisteredWithNumber(claims.Insured.Number, now).FirstOrDefault(f => f.Branch == claims.Insured.Branch) is { } first)
            result = result with { Status = EligibilityStatus.Valid, Fact = first };
        if (defects.AnswersInResponseToSealJti) call.InResponseTo = claims.Id;
        if (defects.AsOfIsNow || defects.AppliesUnregisteredChanges) result = result with { AsOf = now };
        // Routed mode: the relay only carries the answer; it is addressed to, and logged for, the original requester (LOG-018).
        var requester = claims.Routed ? claims.Requester : callerId;
        call.ResponseAudience = insurer.Defects.AddressesRoutedAnswersToRelay ? callerId : requester;
        insurer.Record(new InsurerAccessRecord
        {
            InsurerEntryId = entryId,
            RelayLogEntryId = claims.LogEntryId,
            Requester = requester,
            Purpose = claims.Purpose,
            Items = request.Items,
            Outcome = result.Status == EligibilityStatus.NoQualification ? AccessOutcome.NotFound : AccessOutcome.Answered,
            At = now,
            CorrelationId = request.CorrelationId,
        });
        // ELG-014: a valid answer may be relied on; remember it so a later retroactive change can be notified.
        if (result.Status == EligibilityStatus.Valid && !defects.NeverNotifies)
        {
            insurer.ValidAnswers.Remember(new Notices.ValidAnswerLedger.Watched
            {
                Requester = requester, ServiceDate = serviceDate, CorrelationId = request.CorrelationId, InsurerLogEntryId = entryId,
                RelayLogEntryId = claims.LogEntryId, Insured = claims.Insured, AnsweredAt = now,
            });
        }
        // Nothing is answered without a log entry the relay holds too (LOG-010).
        await insurer.FlushReportsAsync(ct);

        var wantsBenefits = (request.Items.Contains(DataItems.Benefits) || insurer.Defects.AnswersUnaskedBenefits) && result.Fact is not null;
        return new InquiryAnswer
        {
            Status = result.Status,
            ServiceDate = serviceDate,
            AsOf = result.AsOf,
            ChangePending = result.PendingSince is not null,
            PendingSince = result.PendingSince,
            Qualification = request.Items.Contains(DataItems.Eligibility) && result.Fact is { } f ? ToRecord(f, insurer.InsurerNumber, defects) with
            {
                LtcSecondaryInsured = LtcSecondaryInsured(f, result.Status == EligibilityStatus.Valid, serviceDate, self.Today, defects),
            } : null,
            Benefits = wantsBenefits ? BenefitPeriod(insurer.Book.BenefitsOf(result.Fact!.PersonKey), serviceDate, defects) : null,
            InsurerLogEntryId = defects.AnswersUnrelatedEntryId ? "I-" + self.Ids.Next()[..16] : entryId,
            RelayLogEntryId = claims.LogEntryId,
            CorrelationId = request.CorrelationId,
        };
    }

    private async Task RefuseAsync(string entryId, string requester, string? relatedEntryId, string purpose, InquiryRequest request, string code, DateTimeOffset now, CancellationToken ct)
    {
        if (insurer.Defects.OmitsRefusalRecords) return;
        insurer.Record(new InsurerAccessRecord
        {
            InsurerEntryId = entryId,
            RelayLogEntryId = relatedEntryId,
            Requester = requester,
            Purpose = purpose,
            // A malformed request's items are recorded only as far as they are valid report items.
            Items = request.Items is { Count: <= 8 } items ? items.Where(i => i is { Length: > 0 and <= 32 }).ToList() : [],
            Outcome = AccessOutcome.Refused,
            Code = code,
            At = now,
            CorrelationId = string.IsNullOrEmpty(request.CorrelationId) || request.CorrelationId.Length > 128 ? "invalid" : request.CorrelationId,
        });
        await insurer.FlushReportsAsync(ct);
    }

    /// <summary>ELG-012: the months of the calculation period (1 August – 31 July) that contains the service date.</summary>
    private static List<BenefitRecord> BenefitPeriod(IReadOnlyList<BenefitRecord> all, DateOnly serviceDate, InsurerDefects defects)
    {
        if (defects.AnswersEveryBenefitMonth) return all.OrderBy(b => b.Month, StringComparer.Ordinal).ToList();
        // The mutant's period is the Japanese fiscal year (April – March), a natural mistake for a period that is not one.
        var (first, last) = defects.BenefitsByFiscalYear ? (4, 3) : (8, 7);
        var startYear = serviceDate.Month >= first ? serviceDate.Year : serviceDate.Year - 1;
        var from = $"{startYear:D4}-{first:D2}";
        var to = $"{startYear + 1:D4}-{last:D2}";
        return all.Where(b => string.CompareOrdinal(b.Month, from) >= 0 && string.CompareOrdinal(b.Month, to) <= 0).OrderBy(b => b.Month, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// ELG-023: a medical record says whether the person is a secondary LTC insured on the service date: covered by it
    /// and aged 40 to 64 as the law counts age (from the day before the 40th birthday to the day before the 65th).
    /// </summary>
    private static bool? LtcSecondaryInsured(QualificationFact f, bool covered, DateOnly serviceDate, DateOnly today, InsurerDefects defects)
    {
        if (f.Kind != InsuranceKind.Medical || f.BirthDate is not { } birth) return null;
        if (defects.LtcSecondaryForInsuredOnly && f.PersonalFamilyClassification == "2") return false;
        if (!covered && !defects.LtcSecondaryWhateverCoverage) return false;
        var date = defects.LtcSecondaryByAgeToday ? today : serviceDate;
        return defects switch
        {
            // The birthday itself instead of the day before it.
            { LtcSecondaryFromBirthday: true } => birth.AddYears(AgeInLaw.LtcSecondaryFrom) <= date && date < birth.AddYears(AgeInLaw.LtcPrimaryFrom),
            // The anniversary less a day: for 29 February in a year without one, a day early.
            { AgesFromMovedBirthday: true } => birth.AddYears(AgeInLaw.LtcSecondaryFrom).AddDays(-1) <= date && date < birth.AddYears(AgeInLaw.LtcPrimaryFrom).AddDays(-1),
            _ => AgeInLaw.IsLtcSecondaryAge(birth, date),
        };
    }

    private static QualificationRecord ToRecord(QualificationFact f, string insurerNumber, InsurerDefects defects) => ToRecord(f, insurerNumber) is var record && defects.OmitsReasonOfLoss
        ? record with { ReasonOfLoss = null }
        : record;

    private static QualificationRecord ToRecord(QualificationFact f, string insurerNumber) => new()
    {
        InsurerNumber = insurerNumber,
        Symbol = f.Symbol,
        Number = f.Number,
        Branch = f.Branch,
        PersonalFamilyClassification = f.PersonalFamilyClassification,
        QualificationDate = f.QualificationDate,
        DisqualificationDate = f.DisqualificationDate,
        ReasonOfLoss = f.ReasonOfLoss,
        CopaymentRatio = f.CopaymentRatio,
    };
}

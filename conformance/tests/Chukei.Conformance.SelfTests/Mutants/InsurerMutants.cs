using Chukei.Insurers;

namespace Chukei.Conformance.SelfTests.Mutants;

/// <summary>The mutants of the reference insurer the insurer suite must kill (docs/conformance-mutants.md).</summary>
public static class InsurerMutants
{
    public static IReadOnlyList<Mutant> All { get; } =
    [
        new("skips-audience-check", "INS-024", "opens and answers a seal whose aud is another insurer",
            new InsurerDefects { SkippedSealChecks = new HashSet<string> { "INS-024" } }),
        new("accepts-expired-seals", "INS-025", "answers seals past exp + 60 s",
            new InsurerDefects { SkippedSealChecks = new HashSet<string> { "INS-025" } }),
        new("accepts-replayed-seals", "INS-028", "answers a seal whose jti it has already accepted",
            new InsurerDefects { SkippedSealChecks = new HashSet<string> { "INS-028" } }),
        new("ignores-sealed-requester", "INS-029", "answers whoever presents the seal, not only the requester it was sealed for",
            new InsurerDefects { SkippedSealChecks = new HashSet<string> { "INS-029" } }),
        new("omits-refusal-records", "LOG-008", "records and reports answered inquiries only, never refusals",
            new InsurerDefects { OmitsRefusalRecords = true }),
        new("skips-envelope-audience-check", "AUTH-007", "accepts request envelopes addressed to another party",
            new InsurerDefects { SkippedEnvelopeChecks = new HashSet<string> { "AUTH-007" } }),
        new("accepts-replayed-envelopes", "AUTH-008", "accepts a request envelope whose (iss, jti) it has already accepted",
            new InsurerDefects { SkippedEnvelopeChecks = new HashSet<string> { "AUTH-008" } }),
        new("answers-unasked-benefits", "INS-042", "answers benefits although only eligibility was asked for",
            new InsurerDefects { AnswersUnaskedBenefits = true }),
    ];
}

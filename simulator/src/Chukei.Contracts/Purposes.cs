namespace Chukei.Contracts;

/// <summary>
/// Purpose codes (INS-030) and the data items each may disclose. A purpose is the legal reason for an
/// exchange; the table below is normative: docs/protocol.md §7 renders it.
/// </summary>
public static class Purposes
{
    /// <summary>高額介護合算療養費: combined high-cost medical + LTC benefit.</summary>
    public const string LtcMedicalCombined = "ltc-medical-combined";

    /// <summary>出産育児一時金: childbirth lump sum.</summary>
    public const string ChildbirthLumpSum = "childbirth-lump-sum";

    /// <summary>資格確認: eligibility check for a service date.</summary>
    public const string EligibilityCheck = "eligibility-check";

    public static IReadOnlyList<string> All { get; } = [LtcMedicalCombined, ChildbirthLumpSum, EligibilityCheck];

    /// <summary>Which requester roles may use a purpose.</summary>
    public static bool IsAllowedFor(string purpose, PartyRole requesterRole) => purpose switch
    {
        LtcMedicalCombined => requesterRole is PartyRole.LtcInsurer or PartyRole.MedicalInsurer,
        ChildbirthLumpSum => requesterRole is PartyRole.MedicalInsurer,
        EligibilityCheck => requesterRole is PartyRole.Clinic or PartyRole.MedicalInsurer or PartyRole.LtcInsurer,
        _ => false,
    };

    /// <summary>Which data items a purpose may disclose (privacy: nothing beyond these is answered).</summary>
    public static IReadOnlyList<string> AllowedItems(string purpose) => purpose switch
    {
        LtcMedicalCombined => [DataItems.Eligibility, DataItems.Benefits],
        ChildbirthLumpSum => [DataItems.Eligibility],
        EligibilityCheck => [DataItems.Eligibility],
        _ => [],
    };
}

/// <summary>Data items an inquiry may ask for.</summary>
public static class DataItems
{
    public const string Eligibility = "eligibility";
    public const string Benefits = "benefits";

    public static IReadOnlyList<string> All { get; } = [Eligibility, Benefits];
}

using System.Text.RegularExpressions;

namespace Chukei.Contracts.Identifiers;

/// <summary>
/// Validation rules for the identifiers of protocol v1, §2 (ID-001 … ID-009). Each method returns
/// <c>null</c> when the value is valid, else a one-line reason naming what is wrong.
/// </summary>
public static partial class IdentifierRules
{
    /// <summary>
    /// Medical insurer number (保険者番号): 8 digits (法別 2 + 都道府県 2 + 保険者別 3 + 検証 1), or 6 digits for
    /// municipal National Health Insurance (都道府県 2 + 保険者別 3 + 検証 1). ID-002.
    /// </summary>
    public static string? MedicalInsurerNumber(string? value) => MedicalInsurerNumber(value, checksDigit: true);

    /// <summary>ID-002, with the check digit of ID-009 checked only when <paramref name="checksDigit"/>.</summary>
    public static string? MedicalInsurerNumber(string? value, bool checksDigit)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        if (!AllAsciiDigits(value) || (value.Length != 8 && value.Length != 6))
            return "must be 8 digits (6 for National Health Insurance)";
        return checksDigit ? CheckDigitReason(value) : null;
    }

    /// <summary>LTC insurer number (介護保険者番号): 6 digits with the same check digit. ID-003.</summary>
    public static string? LtcInsurerNumber(string? value) => LtcInsurerNumber(value, checksDigit: true);

    /// <summary>ID-003, with the check digit of ID-009 checked only when <paramref name="checksDigit"/>.</summary>
    public static string? LtcInsurerNumber(string? value, bool checksDigit)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        if (!AllAsciiDigits(value) || value.Length != 6) return "must be 6 digits";
        return checksDigit ? CheckDigitReason(value) : null;
    }

    /// <summary>LTC insured number (介護保険被保険者番号): exactly 10 digits, unique within its LTC insurer. ID-004.</summary>
    public static string? LtcInsuredNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        return AllAsciiDigits(value) && value.Length == 10 ? null : "must be exactly 10 digits";
    }

    /// <summary>Basic pension number (基礎年金番号): 10 digits (office code 4 + serial 6), no separator on the wire. ID-005.</summary>
    public static string? BasicPensionNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        return AllAsciiDigits(value) && value.Length == 10 ? null : "must be exactly 10 digits, without a hyphen";
    }

    /// <summary>Insured-card symbol (記号): optional, at most 20 characters from the card alphabet. ID-006.</summary>
    public static string? CardSymbol(string? value)
    {
        if (value is null) return null;
        return value.Length is >= 1 and <= 20 && CardAlphabet().IsMatch(value) ? null : "must be 1 to 20 digits, letters, kana, kanji or hyphens when present";
    }

    /// <summary>Insured-card number (番号): 1–20 characters from the card alphabet. ID-006.</summary>
    public static string? CardNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        return value.Length <= 20 && CardAlphabet().IsMatch(value) ? null : "must be 1 to 20 digits, letters, kana, kanji or hyphens";
    }

    /// <summary>Branch number (枝番): exactly 2 digits. ID-007.</summary>
    public static string? BranchNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        return AllAsciiDigits(value) && value.Length == 2 ? null : "must be exactly 2 digits";
    }

    /// <summary>Party id: lower-case letters, digits, '.', '-'; 3–64 characters. ID-008.</summary>
    public static string? PartyId(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "is required";
        return PartyIdPattern().IsMatch(value) ? null : "must be 3 to 64 characters of a-z, 0-9, '.', '-', starting with a letter or digit";
    }

    /// <summary>
    /// The check digit (検証番号) of an insurer number: weights 2,1,2,1… from the rightmost body digit, sum the
    /// digits of each product, check = (10 − sum mod 10) mod 10.
    /// </summary>
    public static int ComputeCheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        var weight = 2;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var product = (body[i] - '0') * weight;
            sum += product / 10 + product % 10;
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>Appends the check digit to a body of 5 or 7 digits.</summary>
    public static string WithCheckDigit(string body) => body + ComputeCheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? CheckDigitReason(string value)
    {
        var expected = ComputeCheckDigit(value.AsSpan(0, value.Length - 1));
        return value[^1] - '0' == expected ? null : $"check digit is {value[^1]}, expected {expected}";
    }

    private static bool AllAsciiDigits(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    // \z, not $: in .NET '$' also matches before a final line feed.
    [GeneratedRegex(@"^[0-9A-Za-z\-\u3040-\u30FF\u4E00-\u9FFF\uFF10-\uFF19]+\z")]
    private static partial Regex CardAlphabet();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.\-]{2,63}\z")]
    private static partial Regex PartyIdPattern();
}

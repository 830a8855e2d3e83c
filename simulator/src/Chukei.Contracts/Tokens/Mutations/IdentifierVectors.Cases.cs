namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>The identifier cases, rule by rule: the §2 worked examples first, then boundaries and the usual mistakes.</summary>
public static partial class IdentifierVectors
{
    private const string Medical = "medicalInsurerNumber";
    private const string LtcInsurer = "ltcInsurerNumber";
    private const string LtcInsured = "ltcInsuredNumber";
    private const string Pension = "basicPensionNumber";
    private const string Symbol = "cardSymbol";
    private const string Number = "cardNumber";
    private const string Branch = "branchNumber";
    private const string Party = "partyId";

    /// <summary>Every case; names are unique.</summary>
    public static IReadOnlyList<IdentifierCase> All { get; } =
    [
        // ID-002 with ID-009: 8 digits (or 6 for municipal NHI), the last one the check digit.
        new("medical-health-insurance-society", Medical, "ID-002", "06139992", true, "§2 worked example: body 0613999, weighted digit sum 38, check digit 2."),
        new("medical-national-association", Medical, "ID-002", "01130012", true, "§2 worked example: body 0113001, sum 8, check digit 2."),
        new("medical-municipal-nhi", Medical, "ID-002", "138016", true, "§2 worked example: a 6-digit municipal NHI number, body 13801, sum 14, check digit 6."),
        new("medical-product-over-nine", Medical, "ID-009", "01135011", true, "Body 0113501: 5×2 = 10 contributes 1 + 0; sum 9, check digit 1."),
        new("medical-check-digit-zero", Medical, "ID-009", "06130090", true, "Body 0613009: sum 20, so the check digit is (10 − 0) mod 10 = 0, not 10."),
        new("medical-wrong-check-digit", Medical, "ID-009", "06139993", false, "06139992 with its last digit changed: the check digit of 0613999 is 2."),
        new("medical-nhi-wrong-check-digit", Medical, "ID-009", "138017", false, "138016 with its last digit changed."),
        new("medical-transposed-digits", Medical, "ID-009", "01310012", false, "01130012 with two body digits swapped: the weights 2, 1 catch most transpositions."),
        new("medical-seven-digits", Medical, "ID-002", "0613999", false, "The body alone, without its check digit."),
        new("medical-nine-digits", Medical, "ID-002", "061399920", false, "Nine digits."),
        new("medical-letter", Medical, "ID-002", "0613999A", false, "A letter where the check digit belongs."),
        new("medical-full-width-digits", Medical, "ID-002", "０６１３９９９２", false, "Full-width digits: identifiers are ASCII (ID-001)."),
        new("medical-padded-left", Medical, "ID-001", "  138016", false, "A 6-digit NHI number left-padded with spaces to 8 characters, as in OQS files: never padded on the wire."),
        new("medical-padded-right", Medical, "ID-001", "138016  ", false, "A 6-digit NHI number right-padded with spaces."),
        new("medical-separator", Medical, "ID-001", "06-139992", false, "A separator inside the number."),
        new("medical-empty", Medical, "ID-002", "", false, "Empty."),
        new("medical-absent", Medical, "ID-002", null, false, "Absent: the insurer number is required."),

        // ID-003 with ID-009: 6 digits.
        new("ltc-insurer-chiyoda", LtcInsurer, "ID-003", "131011", true, "§2 worked example: body 13101, sum 9, check digit 1."),
        new("ltc-insurer-osaka", LtcInsurer, "ID-003", "271007", true, "Body 27100: sum 13, check digit 7."),
        new("ltc-insurer-wrong-check-digit", LtcInsurer, "ID-009", "131012", false, "131011 with its last digit changed."),
        new("ltc-insurer-eight-digits", LtcInsurer, "ID-003", "01130012", false, "A valid 8-digit medical insurer number is not an LTC insurer number."),
        new("ltc-insurer-five-digits", LtcInsurer, "ID-003", "13101", false, "The body alone."),
        new("ltc-insurer-empty", LtcInsurer, "ID-003", "", false, "Empty."),

        // ID-004: exactly 10 digits, no check digit.
        new("ltc-insured-ten-digits", LtcInsured, "ID-004", "0001234567", true, "Ten digits; leading zeros are part of the number."),
        new("ltc-insured-nine-digits", LtcInsured, "ID-004", "000123456", false, "Nine digits: a leading zero dropped."),
        new("ltc-insured-eleven-digits", LtcInsured, "ID-004", "00012345678", false, "Eleven digits."),
        new("ltc-insured-letter", LtcInsured, "ID-004", "000123456X", false, "A letter."),
        new("ltc-insured-full-width", LtcInsured, "ID-004", "０００１２３４５６７", false, "Full-width digits."),

        // ID-005: exactly 10 digits, sent without the printed hyphen.
        new("pension-ten-digits", Pension, "ID-005", "1234567890", true, "Office code 1234 and serial 567890."),
        new("pension-with-hyphen", Pension, "ID-005", "1234-567890", false, "As printed on a pension book, with the hyphen."),
        new("pension-nine-digits", Pension, "ID-005", "123456789", false, "Nine digits."),
        new("pension-empty", Pension, "ID-005", "", false, "Empty."),

        // ID-006: the card alphabet (ASCII letters and digits, '-', U+3040–U+30FF, U+4E00–U+9FFF, U+FF10–U+FF19).
        new("symbol-absent", Symbol, "ID-006", null, true, "The symbol is optional."),
        new("symbol-digits-hyphen", Symbol, "ID-006", "12-3", true, "Digits and a hyphen."),
        new("symbol-kanji-kana-full-width", Symbol, "ID-006", "愛知ア１２", true, "Kanji, katakana and full-width digits, as printed on many cards."),
        new("symbol-hiragana-letters", Symbol, "ID-006", "あAb", true, "Hiragana and ASCII letters of both cases."),
        new("symbol-twenty", Symbol, "ID-006", "12345678901234567890", true, "Twenty characters, the maximum."),
        new("symbol-twenty-one", Symbol, "ID-006", "123456789012345678901", false, "Twenty-one characters."),
        new("symbol-space", Symbol, "ID-006", "12 3", false, "A space."),
        new("symbol-half-width-katakana", Symbol, "ID-006", "ｱｲ", false, "Half-width katakana (U+FF71, U+FF72) are outside the card alphabet."),
        new("symbol-empty", Symbol, "ID-006", "", false, "Present but empty: when present, a symbol has 1 to 20 characters."),
        new("symbol-trailing-newline", Symbol, "ID-006", "12\n", false, "A valid symbol followed by a line feed."),

        new("number-digits", Number, "ID-006", "3456", true, "Digits."),
        new("number-full-width", Number, "ID-006", "１２３４", true, "Full-width digits (U+FF10–U+FF19) are in the card alphabet."),
        new("number-twenty", Number, "ID-006", "12345678901234567890", true, "Twenty characters, the maximum."),
        new("number-twenty-one", Number, "ID-006", "123456789012345678901", false, "Twenty-one characters."),
        new("number-slash", Number, "ID-006", "12/34", false, "A slash."),
        new("number-full-width-hyphen", Number, "ID-006", "３４５６－", false, "A full-width hyphen-minus (U+FF0D); only the ASCII '-' is allowed."),
        new("number-trailing-newline", Number, "ID-006", "3456\n", false, "A valid number followed by a line feed."),
        new("number-empty", Number, "ID-006", "", false, "Empty: the number is required."),
        new("number-absent", Number, "ID-006", null, false, "Absent: the number is required."),

        // ID-007: exactly 2 ASCII digits.
        new("branch-two-digits", Branch, "ID-007", "01", true, "Two digits."),
        new("branch-zero-zero", Branch, "ID-007", "00", true, "00 is a valid branch number."),
        new("branch-one-digit", Branch, "ID-007", "1", false, "One digit: the leading zero is required."),
        new("branch-three-digits", Branch, "ID-007", "001", false, "Three digits."),
        new("branch-full-width", Branch, "ID-007", "０１", false, "Full-width digits."),
        new("branch-absent", Branch, "ID-007", null, false, "Absent: required in every medical record of a request."),

        // ID-008: 3 to 64 of a-z, 0-9, '.', '-', starting with a letter or digit.
        new("party-dotted", Party, "ID-008", "kenpo-a.chukei.test", true, "A typical party id."),
        new("party-three", Party, "ID-008", "abc", true, "Three characters, the minimum."),
        new("party-digit-first", Party, "ID-008", "0kenpo", true, "A digit may start a party id."),
        new("party-sixty-four", Party, "ID-008", new string('a', 64), true, "Sixty-four characters, the maximum."),
        new("party-two", Party, "ID-008", "ab", false, "Two characters."),
        new("party-sixty-five", Party, "ID-008", new string('a', 65), false, "Sixty-five characters."),
        new("party-upper-case", Party, "ID-008", "Kenpo-a", false, "An upper-case letter: no case folding (ID-001)."),
        new("party-leading-hyphen", Party, "ID-008", "-kenpo", false, "Starts with a hyphen."),
        new("party-leading-dot", Party, "ID-008", ".kenpo", false, "Starts with a dot."),
        new("party-underscore", Party, "ID-008", "kenpo_a", false, "An underscore."),
        new("party-space", Party, "ID-008", "kenpo a", false, "A space."),
        new("party-trailing-newline", Party, "ID-008", "kenpo-a.chukei.test\n", false, "A valid party id followed by a line feed."),
        new("party-empty", Party, "ID-008", "", false, "Empty."),
    ];
}

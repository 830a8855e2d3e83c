using Chukei.Card;
using Chukei.Card.Pki;
using Chukei.Conformance.Clinic.Driver;
using Chukei.Conformance.Clinic.Kit;
using Chukei.Conformance.Outcomes;

namespace Chukei.Conformance.Clinic.Checks;

/// <summary>CLN-033: the authentication certificate is used only when its whole DER object was read and parses.</summary>
internal static class CertificateChecks
{
    /// <summary>How much of the certificate the short card's EF 000A holds: past two 256-byte chunks, well short of the whole.</summary>
    public const int ShortFileLength = 600;

    /// <summary>
    /// CLN-033: the card's EF 000A ends after <see cref="ShortFileLength"/> bytes, although the certificate's outer
    /// SEQUENCE header announces the whole certificate. With <paramref name="warns"/> the card answers the last short read
    /// with <c>6282</c> and a read past the end with <c>6B00</c>; without, with <c>9000</c> and empty <c>9000</c>. No whole
    /// certificate can be read, so the clinic must send none to the relay (the kit watches through a pass-through proxy)
    /// and conclude a card problem. A clinic that never read EF 000A never met the short file: nothing to judge.
    /// </summary>
    public static async Task FileEndsEarlyAsync(ClinicSession session, CheckContext check, bool warns)
    {
        var whole = ClinicKitWorld.Cards.Valid;
        var options = new CardOptions { WarnOnReadPastEnd = warns, RejectOffsetBeyondEnd = warns };
        var card = session.World.Card(ShortCertificate(whole), options: options);
        var observed = await Observed.CheckAsync(session, check, card);

        var presented = observed.Relay.Select(e => e.Certificate).ToList();
        check.Must(presented.Count == 0,
            $"the card's EF 000A holds only {ShortFileLength} of the certificate's {whole.AuthCertificate.Length} bytes, yet the clinic sent the relay " +
            $"{presented.Count} card-eligibility request(s) with a certificate of {string.Join(", ", presented.Select(c => c is null ? "unreadable" : $"{c.Length} bytes"))}");
        check.MustHaveSeen(observed, observed.Commands.Any(ApduCommands.IsReadBinary), "the clinic never read the card's certificate (no READ BINARY reached the card), so it never met the short EF 000A");
        check.MustConclude(observed.Verdict, ClinicVerdictKind.CardProblem, "a certificate that cannot be read whole is a card problem");
    }

    /// <summary>The valid card's credentials with EF 000A cut short; the keys are the shared card's, so this is never disposed.</summary>
    private static CardCredentials ShortCertificate(CardCredentials whole) =>
        new(whole.AuthKey, whole.AuthCertificate[..ShortFileLength], whole.AuthCaCertificate, whole.SigningKey, whole.SigningCertificate, whole.SigningCaCertificate);
}

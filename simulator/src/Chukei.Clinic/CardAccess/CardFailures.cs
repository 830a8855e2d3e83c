namespace Chukei.Clinic.CardAccess;

/// <summary>Why the card part of a check stopped. The wire names are what <see cref="Reception.ReceptionConclusion.Reason"/> carries.</summary>
public static class CardFailures
{
    /// <summary>The PIN entered is not 4 digits; nothing was sent to the card (CLN-030).</summary>
    public const string PinFormat = "pin-format";

    /// <summary>The card refused the PIN; the conclusion carries the tries left (CLN-032).</summary>
    public const string PinWrong = "pin-wrong";

    /// <summary>The PIN is blocked; no VERIFY was sent with data (CLN-031).</summary>
    public const string PinBlocked = "pin-blocked";

    /// <summary>The card went away or the transport failed mid-command (CLN-034).</summary>
    public const string CardRemoved = "card-removed";

    /// <summary>The card has no JPKI application (SELECT answered <c>6A82</c>).</summary>
    public const string NotJpkiCard = "not-a-jpki-card";

    /// <summary>The authentication certificate could not be read completely or does not parse (CLN-033).</summary>
    public const string CertificateUnreadable = "certificate-unreadable";

    /// <summary>The card answered a status word the clinic cannot act on; it fails closed.</summary>
    public const string CardError = "card-error";
}

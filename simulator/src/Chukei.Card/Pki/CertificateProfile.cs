namespace Chukei.Card.Pki;

/// <summary>Validity of the card's certificates relative to the kit clock. Revocation and unknown CAs are judged server-side.</summary>
public enum CertificateProfile
{
    Valid,

    /// <summary>Expired less than three months ago: still allows an eligibility-only check (anchors §6).</summary>
    ExpiredWithinGrace,

    /// <summary>Expired beyond the three-month grace period.</summary>
    Expired,

    NotYetValid,
}

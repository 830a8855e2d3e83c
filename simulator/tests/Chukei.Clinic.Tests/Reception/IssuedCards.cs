using Chukei.Card.Pki;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Clinic.Tests.Reception;

/// <summary>The kit CA and its cards, issued at <see cref="ClinicNetwork.Start"/>.</summary>
internal sealed record IssuedCards(KitCertificateAuthority Authority, CardCredentials Valid, CardCredentials WithinGrace, CardCredentials Expired,
    CardCredentials Revoked, CardCredentials Jiro)
{
    public static IssuedCards Issue()
    {
        var ca = KitCertificateAuthority.Create(new FakeTimeProvider(ClinicNetwork.Start));
        return new IssuedCards(ca, ca.IssueCard("山田 花子"), ca.IssueCard("山田 花子", CertificateProfile.ExpiredWithinGrace),
            ca.IssueCard("山田 花子", CertificateProfile.Expired), ca.IssueCard("山田 花子"), ca.IssueCard("鈴木 次郎"));
    }
}

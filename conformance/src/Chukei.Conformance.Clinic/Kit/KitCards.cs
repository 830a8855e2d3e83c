using Chukei.Card.Pki;

namespace Chukei.Conformance.Clinic.Kit;

/// <summary>
/// The kit CA and the cards the suite hands the clinic, issued once per process (RSA key generation is slow). Each
/// card belongs to one person of <see cref="ClinicKitWorld"/>, so no case changes what another case's card answers.
/// </summary>
public sealed record KitCards(KitCertificateAuthority Authority, CardCredentials Valid, CardCredentials WithinGrace, CardCredentials Expired,
    CardCredentials Revoked, CardCredentials NoCoverage, CardCredentials ChangePending, CardCredentials RetroactiveLoss,
    CardCredentials LossNotified, CardCredentials LossNotifiedTwice, CardCredentials LossNotifiedForAnotherEntry, CardCredentials LossNotifiedUnderBrokenSignature)
{
    private static readonly Lazy<KitCards> Issued = new(() => Issue(TimeProvider.System));

    public static KitCards Shared => Issued.Value;

    private static KitCards Issue(TimeProvider time)
    {
        var ca = KitCertificateAuthority.Create(time);
        return new KitCards(ca, ca.IssueCard("山田 花子"), ca.IssueCard("山田 花子", CertificateProfile.ExpiredWithinGrace),
            ca.IssueCard("山田 花子", CertificateProfile.Expired), ca.IssueCard("山田 花子"), ca.IssueCard("鈴木 次郎"),
            ca.IssueCard("佐藤 千恵"), ca.IssueCard("田中 類"), ca.IssueCard("高橋 乃愛"), ca.IssueCard("伊藤 空"),
            ca.IssueCard("中村 澪"), ca.IssueCard("小林 蓮"));
    }
}

using Chukei.Card.Pki;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Relay.Tests.CardEligibility;

/// <summary>
/// Cards issued once for the whole assembly (RSA key generation is slow) by the kit CA at <see cref="TestNetwork.Start"/>,
/// so their validity profiles hold on every fresh network, plus a card from a CA with the same name and another key.
/// </summary>
internal static class TestCards
{
    private static readonly Lazy<Issued> Cards = new(Issue);

    public static KitCertificateAuthority Authority => Cards.Value.Authority;
    public static CardCredentials Valid => Cards.Value.Valid;
    public static CardCredentials WithinGrace => Cards.Value.WithinGrace;
    public static CardCredentials Expired => Cards.Value.Expired;
    public static CardCredentials NotYetValid => Cards.Value.NotYetValid;
    public static CardCredentials Revoked => Cards.Value.Revoked;
    public static CardCredentials Unregistered => Cards.Value.Unregistered;
    public static CardCredentials OtherPerson => Cards.Value.OtherPerson;
    public static CardCredentials ForeignAuthority => Cards.Value.Foreign;

    private sealed record Issued(KitCertificateAuthority Authority, CardCredentials Valid, CardCredentials WithinGrace, CardCredentials Expired,
        CardCredentials NotYetValid, CardCredentials Revoked, CardCredentials Unregistered, CardCredentials OtherPerson, CardCredentials Foreign);

    private static Issued Issue()
    {
        var clock = new FakeTimeProvider(TestNetwork.Start);
        var ca = KitCertificateAuthority.Create(clock);
        // Same name, different key: only the signature can tell it apart (CLN-014).
        using var impostor = KitCertificateAuthority.Create(clock);
        return new Issued(ca,
            ca.IssueCard("山田 花子"),
            ca.IssueCard("山田 花子", CertificateProfile.ExpiredWithinGrace),
            ca.IssueCard("山田 花子", CertificateProfile.Expired),
            ca.IssueCard("山田 花子", CertificateProfile.NotYetValid),
            ca.IssueCard("山田 花子"),
            ca.IssueCard("未登録 太郎"),
            ca.IssueCard("鈴木 次郎"),
            impostor.IssueCard("山田 花子"));
    }
}

using Chukei.Card.Pki;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Card.Tests;

/// <summary>One kit CA and one set of card credentials for the whole run: RSA-2048 generation is the slow part.</summary>
internal static class TestCards
{
    public static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(KitCertificateAuthority Ca, CardCredentials Credentials)> Shared = new(() =>
    {
        var ca = KitCertificateAuthority.Create(new FakeTimeProvider(Now));
        return (ca, ca.IssueCard("山田 花子"));
    });

    public static KitCertificateAuthority Ca => Shared.Value.Ca;

    public static CardCredentials Credentials => Shared.Value.Credentials;

    public static CardFace Face { get; } = new("山田 花子", "東京都千代田区霞が関1-2-2", "19800401", "2", Enumerable.Range(0, 600).Select(i => (byte)i).ToArray());

    public static CardProfile Profile => new() { Face = Face, Credentials = Credentials };

    public static VirtualCard Create(CardOptions? options = null, CardProfile? profile = null) =>
        new(profile ?? Profile, options, new FakeTimeProvider(Now));
}

using System.Security.Cryptography;
using System.Text;
using Chukei.Contracts.Cards;

namespace Chukei.Contracts.Tests.Cards;

/// <summary>The signed bytes and DigestInfo of CLN-003, as docs/protocol.md §13.3 states them.</summary>
public sealed class CardAuthenticationTests
{
    private const string Challenge = "q0G3cY2mHk8yQ1a9nVbX4tR7sLwE5uJ6pZ0dF2gH3iK";

    [Test]
    public void SignedBytes_DocumentExample_AreTheFourLinesWithoutTrailingNewline()
    {
        var bytes = CardAuthentication.SignedBytes(Challenge, "clinic-sakura", new DateOnly(2026, 11, 25));

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(bytes), Is.EqualTo($"chukei-card-auth/1\n{Challenge}\nclinic-sakura\n2026-11-25"));
            Assert.That(bytes, Has.Length.EqualTo(87), "the length §13.3 states");
        });
    }

    [Test]
    public void DigestInfo_IsTheRfc8017Sha256PrefixFollowedByTheHash()
    {
        byte[] prefix = [0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
        var signed = CardAuthentication.SignedBytes(Challenge, "clinic-sakura", new DateOnly(2026, 11, 25));

        var digestInfo = CardAuthentication.DigestInfo(signed);

        Assert.That(digestInfo, Is.EqualTo(prefix.Concat(SHA256.HashData(signed)).ToArray()));
    }

    [Test]
    public void VerifySignature_CardStyleSignatureOverTheDigestInfo_VerifiesAndOtherDatesDoNot()
    {
        using var key = RSA.Create(2048);
        var signed = CardAuthentication.SignedBytes(Challenge, "clinic-sakura", new DateOnly(2026, 11, 25));
        // What the card does with the DigestInfo: PKCS#1 v1.5 over the hash it carries.
        var signature = key.SignHash(SHA256.HashData(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.Multiple(() =>
        {
            Assert.That(CardAuthentication.VerifySignature(key, signed, signature), Is.True);
            Assert.That(CardAuthentication.VerifySignature(key, CardAuthentication.SignedBytes(Challenge, "clinic-sakura", new DateOnly(2026, 11, 24)), signature), Is.False);
        });
    }

    [Test]
    public void GraceEnd_IsThreeCalendarMonthsAfterNotAfter()
    {
        Assert.That(CardAuthentication.GraceEnd(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)), Is.EqualTo(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero)));
    }
}

using System.Security.Cryptography;
using Chukei.Card.Faults;
using Chukei.Card.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Card.Tests.Faults;

/// <summary>Scripted card faults: removal before and after the answer, forced status words, latency, wrong-key signature, corrupt data.</summary>
public sealed class FaultInjectingChannelTests
{
    private static readonly byte[] Hash = SHA256.HashData("chukei"u8);

    private static (FaultInjectingChannel Channel, VirtualCard Card, FakeTimeProvider Clock, List<ApduLoggedEventArgs> Log) Create()
    {
        var clock = new FakeTimeProvider(TestCards.Now);
        var card = TestCards.Create();
        var channel = new FaultInjectingChannel(card, clock);
        var log = new List<ApduLoggedEventArgs>();
        channel.ApduLogged += (_, e) => log.Add(e);
        return (channel, card, clock, log);
    }

    private static int TriesLeft(VirtualCard card)
    {
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));
        return Apdus.Sw(card.Transmit(Apdus.VerifyQuery())) & 0x0F;
    }

    [Test]
    public void RemoveBeforeResponse_OnSecondReadBinary_ThrowsAndLeavesTheCardUnpowered()
    {
        var (channel, card, _, log) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.RemoveBeforeResponse, Ins = 0xB0, Occurrence = 2 });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));

        var first = channel.Transmit(Apdus.ReadBinary(0, 4));

        Assert.Multiple(() =>
        {
            Assert.That(Apdus.Sw(first), Is.EqualTo(0x9000));
            Assert.Throws<InvalidOperationException>(() => channel.Transmit(Apdus.ReadBinary(4, 4)));
            Assert.That(card.IsPowered, Is.False);
            Assert.That(log.Any(e => e.Direction == ApduDirection.Control && e.Text == "fault: RemoveBeforeResponse"), Is.True);
        });
    }

    [Test]
    public void RemoveBeforeResponse_OnVerify_SpendsNoTry()
    {
        var (channel, card, _, _) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.RemoveBeforeResponse, Ins = 0x20, Occurrence = 2 });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));
        channel.Transmit(Apdus.VerifyQuery());

        Assert.Throws<InvalidOperationException>(() => channel.Transmit(Apdus.Verify("9999")));
        card.PowerOn();

        Assert.That(TriesLeft(card), Is.EqualTo(3));
    }

    [Test]
    public void RemoveAfterResponse_OnWrongVerify_SpendsTheTryButTheReaderNeverSeesIt()
    {
        var (channel, card, _, _) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.RemoveAfterResponse, Ins = 0x20, FileId = 0x0018 });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018));

        Assert.Throws<InvalidOperationException>(() => channel.Transmit(Apdus.Verify("9999")));
        card.PowerOn();

        Assert.That(TriesLeft(card), Is.EqualTo(2));
    }

    [Test]
    public void ForceStatusWord_OnSign_AnswersItWithoutSigning()
    {
        var (channel, _, _, _) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.ForceStatusWord, Ins = 0x2A, StatusWord = 0x6F00 });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));

        var forced = channel.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(Hash)));
        var next = channel.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(Hash)));

        Assert.Multiple(() =>
        {
            Assert.That(forced, Is.EqualTo(new byte[] { 0x6F, 0x00 }));
            Assert.That(Apdus.Sw(next), Is.EqualTo(0x9000), "Occurrence 1 fires once");
        });
    }

    [Test]
    public void FileIdMatch_FiresOnlyWhileThatEfIsSelected()
    {
        var (channel, _, _, _) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.ForceStatusWord, Ins = 0xB0, FileId = 0x000A, Occurrence = 0, StatusWord = 0x6581 });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000B));

        var other = channel.Transmit(Apdus.ReadBinary(0, 4));
        channel.SendOk(Apdus.SelectFile(0x000A));
        var target = channel.Transmit(Apdus.ReadBinary(0, 4));

        Assert.Multiple(() =>
        {
            Assert.That(Apdus.Sw(other), Is.EqualTo(0x9000));
            Assert.That(Apdus.Sw(target), Is.EqualTo(0x6581));
        });
    }

    [Test]
    public async Task Latency_AnswerWaitsForTheVirtualClock()
    {
        var (channel, _, clock, _) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.Latency, Ins = 0xA4, Latency = TimeSpan.FromSeconds(5) });

        var pending = Task.Run(() => channel.Transmit(Apdus.SelectJpki()));
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        var stillWaiting = !pending.IsCompleted;
        while (!pending.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        Assert.Multiple(() =>
        {
            Assert.That(stillWaiting, Is.True, "no answer before the clock moved");
            Assert.That(Apdus.Sw(pending.Result), Is.EqualTo(0x9000));
            Assert.That(clock.GetUtcNow() - TestCards.Now, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void Latency_WithWaitOut_IsHandedToTheCallerInsteadOfBlocking()
    {
        var clock = new FakeTimeProvider(TestCards.Now);
        var waited = new List<TimeSpan>();
        var channel = new FaultInjectingChannel(TestCards.Create(), clock) { WaitOut = by => { waited.Add(by); clock.Advance(by); } };
        var log = new List<ApduLoggedEventArgs>();
        channel.ApduLogged += (_, e) => log.Add(e);
        channel.Inject(new CardFault { Kind = CardFaultKind.Latency, Ins = 0xA4, Latency = TimeSpan.FromSeconds(5) });

        var answer = channel.Transmit(Apdus.SelectJpki());

        Assert.Multiple(() =>
        {
            Assert.That(Apdus.Sw(answer), Is.EqualTo(0x9000));
            Assert.That(waited, Is.EqualTo(new[] { TimeSpan.FromSeconds(5) }));
            Assert.That(log.Single(e => e.Direction == ApduDirection.Control).Fault, Is.EqualTo(CardFaultKind.Latency));
            Assert.That(log.Last().At - TestCards.Now, Is.EqualTo(TimeSpan.FromSeconds(5)), "the answer is logged when it arrives");
        });
    }

    [Test]
    public void ResetBeforeCommand_OnSign_MeetsACardWithNoSelectionAndNoVerifiedPin()
    {
        var (channel, _, _, log) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.ResetBeforeCommand, Ins = 0x2A });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));

        var refused = channel.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(Hash)));
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));
        var signed = channel.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(Hash)));

        Assert.Multiple(() =>
        {
            Assert.That(Apdus.Sw(refused), Is.Not.EqualTo(0x9000), "after the reset the card must not sign");
            Assert.That(Apdus.Sw(signed), Is.EqualTo(0x9000), "the fault fires once; a new session signs");
            Assert.That(log.Count(e => e.Fault == CardFaultKind.ResetBeforeCommand), Is.EqualTo(1));
        });
    }

    [Test]
    public void WrongKeySignature_DoesNotVerifyUnderTheCardsCertificate()
    {
        var (channel, _, _, _) = Create();
        using var wrongKey = RSA.Create(2048);
        channel.Inject(new CardFault { Kind = CardFaultKind.WrongKeySignature, Ins = 0x2A, WrongKey = wrongKey });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"), Apdus.SelectFile(0x0017));

        var signature = Apdus.Data(channel.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(Hash))));

        Assert.Multiple(() =>
        {
            Assert.That(TestCards.Credentials.AuthKey.VerifyHash(Hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.False);
            Assert.That(wrongKey.VerifyHash(Hash, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
        });
    }

    [Test]
    public void WrongKeySignature_StillNeedsThePin()
    {
        var (channel, _, _, _) = Create();
        using var wrongKey = RSA.Create(2048);
        channel.Inject(new CardFault { Kind = CardFaultKind.WrongKeySignature, Ins = 0x2A, WrongKey = wrongKey });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0017));

        Assert.That(Apdus.Sw(channel.Transmit(Apdus.Sign(Apdus.Sha256DigestInfo(Hash)))), Is.EqualTo(0x6982));
    }

    [Test]
    public void CorruptData_FlipsOneByteOfTheAnswer()
    {
        var (channel, card, _, _) = Create();
        channel.Inject(new CardFault { Kind = CardFaultKind.CorruptData, Ins = 0xB0, CorruptAt = 10 });
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));
        card.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x000A));

        var corrupt = channel.Transmit(Apdus.ReadBinary(0, 32));
        var clean = card.Transmit(Apdus.ReadBinary(0, 32));

        Assert.Multiple(() =>
        {
            Assert.That(corrupt[10], Is.EqualTo((byte)(clean[10] ^ 0xFF)));
            Assert.That(corrupt.Where((b, i) => i != 10), Is.EqualTo(clean.Where((b, i) => i != 10)));
        });
    }

    [Test]
    public void Log_MasksThePinAndRecordsEveryExchange()
    {
        var (channel, _, _, log) = Create();
        channel.SendOk(Apdus.SelectJpki(), Apdus.SelectFile(0x0018), Apdus.Verify("1234"));

        Assert.Multiple(() =>
        {
            Assert.That(log.Count(e => e.Direction == ApduDirection.Command), Is.EqualTo(3));
            Assert.That(log.Count(e => e.Direction == ApduDirection.Response), Is.EqualTo(3));
            Assert.That(log.Select(e => e.Text), Has.None.Contains("31 32 33 34"));
            Assert.That(log[4].Bytes.ToArray()[5..], Is.All.EqualTo((byte)'*'), "the VERIFY command is logged with its PIN masked");
        });
    }
}

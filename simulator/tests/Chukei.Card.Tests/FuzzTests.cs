using Chukei.Card.Apdu;

namespace Chukei.Card.Tests;

public sealed class FuzzTests
{
    private const int Cases = 10_000;
    private static readonly byte[] KnownIns = [0xA4, 0xB0, 0x20, 0x24, 0x2A, 0xC0, 0xCA, 0x00];

    [TestCase(false, false, TestName = "Transmit_RandomAndMutatedApdus_NeverThrowAndAlwaysAnswerStatusWord")]
    [TestCase(true, true, TestName = "Transmit_RandomAndMutatedApdusExtendedT0_NeverThrowAndAlwaysAnswerStatusWord")]
    public void Transmit_Fuzz(bool extended, bool t0)
    {
        // Arrange: seeded, so a failure replays; the authentication PIN is never sent, so it cannot block midway.
        var random = new Random(20260401);
        var card = TestCards.Create(new CardOptions { ExtendedLength = extended, T0Mode = t0 });
        byte[][] seeds =
        [
            Apdus.SelectJpki(), Apdus.SelectFile(0x000A), Apdus.SelectFile(0x0017), Apdus.ReadBinary(0, 0),
            Apdus.VerifyQuery(), Apdus.Sign(Apdus.Sha256DigestInfo(new byte[32])), Apdus.GetResponse(0),
            Apdus.SelectAid(CardApplications.TextAid), Apdus.SelectFile(0x0002),
        ];

        // Act / Assert
        for (int i = 0; i < Cases; i++)
        {
            byte[] command = i % 2 == 0 ? Mutate(seeds[random.Next(seeds.Length)], random) : Random(random);
            byte[] response = card.Transmit(command);
            Assert.That(response, Has.Length.GreaterThanOrEqualTo(2), Convert.ToHexString(command));
            Assert.That(Apdus.Sw(response) >> 8, Is.AnyOf(0x90, 0x61, 0x62, 0x63, 0x67, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F), Convert.ToHexString(command));
            if (i % 1000 == 0)
            {
                card.Reset();
            }
        }
    }

    private static byte[] Random(Random random)
    {
        byte[] command = new byte[random.Next(0, 24)];
        random.NextBytes(command);
        if (command.Length > 1 && random.Next(2) == 0)
        {
            command[0] = random.Next(2) == 0 ? (byte)0x00 : (byte)0x80;
            command[1] = KnownIns[random.Next(KnownIns.Length)];
        }

        return command;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var command = seed.ToList();
        switch (random.Next(4))
        {
            case 0 when command.Count > 0:
                command[random.Next(command.Count)] = (byte)random.Next(256);
                break;
            case 1 when command.Count > 0:
                command.RemoveRange(random.Next(command.Count), 1);
                break;
            case 2:
                command.Insert(random.Next(command.Count + 1), (byte)random.Next(256));
                break;
            default:
                command = [.. command.Take(random.Next(command.Count + 1))];
                break;
        }

        // Never let a mutation turn into a VERIFY with data: it could block the PIN and starve later cases.
        if (command.Count > 5 && command[1] == 0x20)
        {
            command[1] = 0x21;
        }

        return [.. command];
    }
}

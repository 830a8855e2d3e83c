using Chukei.Card.Apdu;
using Chukei.Card.Files;

namespace Chukei.Card.Commands;

/// <summary>READ BINARY (<c>00 B0</c>) of the current EF at the 15-bit offset in P1P2.</summary>
internal static class ReadBinaryCommand
{
    public static ResponseApdu Handle(CommandApdu apdu, CardContext card)
    {
        // P1 bit 8 would address a file by short EF identifier, which the JPKI clients never use.
        if ((apdu.P1 & 0x80) != 0)
        {
            return ResponseApdu.Status(StatusWords.IncorrectP1P2);
        }

        if (apdu.HasData || !apdu.HasLe)
        {
            return ResponseApdu.Status(StatusWords.WrongLength);
        }

        if (card.Session.File is not { } current)
        {
            return ResponseApdu.Status(StatusWords.NoCurrentEf);
        }

        if (current is not BinaryFile file)
        {
            return ResponseApdu.Status(StatusWords.IncompatibleFileStructure);
        }

        if (file.ReadRule is { } rule && !card.Session.Verified.Contains(rule))
        {
            return ResponseApdu.Status(StatusWords.SecurityStatusNotSatisfied);
        }

        int offset = apdu.P1P2;
        int length = file.Content.Length;
        if (offset >= length)
        {
            return card.Options.RejectOffsetBeyondEnd ? ResponseApdu.Status(StatusWords.WrongOffset) : ResponseApdu.Ok([]);
        }

        int available = length - offset;
        if (apdu.Ne <= available)
        {
            return ResponseApdu.Ok(file.Content.Slice(offset, apdu.Ne).ToArray());
        }

        if (card.Options.T0Mode)
        {
            return ResponseApdu.Status(StatusWords.WrongLe(available));
        }

        return new ResponseApdu(
            file.Content.Slice(offset, available).ToArray(),
            card.Options.WarnOnReadPastEnd ? StatusWords.EndOfFileBeforeLe : StatusWords.Success);
    }
}

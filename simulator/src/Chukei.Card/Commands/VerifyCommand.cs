using Chukei.Card.Apdu;

namespace Chukei.Card.Commands;

/// <summary>VERIFY (<c>00 20 00 80</c>): with data, checks the PIN; without data, answers the counter (<c>63Cx</c>).</summary>
internal static class VerifyCommand
{
    public static ResponseApdu Handle(CommandApdu apdu, CardContext card)
    {
        if (apdu.P1 != 0x00 || apdu.P2 != 0x80)
        {
            return ResponseApdu.Status(StatusWords.IncorrectP1P2);
        }

        if (!CurrentPin.TryGet(card, out var pin, out ushort statusWord))
        {
            return ResponseApdu.Status(statusWord);
        }

        if (!apdu.HasData)
        {
            return ResponseApdu.Status(pin!.IsBlocked && card.Options.BlockedQueryAnswersBlockedStatusWord
                ? card.Options.BlockedStatusWord
                : StatusWords.CounterTriesLeft(pin.TriesLeft));
        }

        if (pin!.IsBlocked)
        {
            // Blocked: answer without touching the counter, and the PIN no longer counts as verified.
            card.Session.Verified.Remove(pin);
            return ResponseApdu.Status(card.Options.BlockedStatusWord);
        }

        if (pin.Verify(apdu.Data))
        {
            card.Session.Verified.Add(pin);
            return ResponseApdu.Ok([]);
        }

        // A failed verification also withdraws an earlier success in this session (ISO/IEC 7816-4 §11.5.6).
        card.Session.Verified.Remove(pin);
        return ResponseApdu.Status(StatusWords.CounterTriesLeft(pin.TriesLeft));
    }
}

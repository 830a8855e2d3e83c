using Chukei.Card.Apdu;
using Chukei.Card.Files;

namespace Chukei.Card.Commands;

/// <summary>CHANGE REFERENCE DATA (<c>00 24 01 80</c>): P1 01 carries only the new value, so the PIN must already be verified in this session.</summary>
internal static class ChangeReferenceDataCommand
{
    public static ResponseApdu Handle(CommandApdu apdu, CardContext card)
    {
        if (apdu.P1 != 0x01 || apdu.P2 != 0x80)
        {
            return ResponseApdu.Status(StatusWords.IncorrectP1P2);
        }

        if (!apdu.HasData)
        {
            return ResponseApdu.Status(StatusWords.WrongLength);
        }

        if (!CurrentPin.TryGet(card, out var pin, out ushort statusWord))
        {
            return ResponseApdu.Status(statusWord);
        }

        if (pin!.IsBlocked)
        {
            return ResponseApdu.Status(card.Options.BlockedStatusWord);
        }

        if (!card.Session.Verified.Contains(pin))
        {
            return ResponseApdu.Status(StatusWords.SecurityStatusNotSatisfied);
        }

        if (!PinFormats.IsValid(pin.Format, apdu.Data))
        {
            return ResponseApdu.Status(StatusWords.WrongData);
        }

        pin.Change(apdu.Data);
        return ResponseApdu.Ok([]);
    }
}

using Chukei.Card.Apdu;
using Chukei.Card.Files;

namespace Chukei.Card.Commands;

/// <summary>VERIFY and CHANGE REFERENCE DATA act on the PIN EF selected last (P2 80: specific reference data, as JPKI clients send).</summary>
internal static class CurrentPin
{
    public static bool TryGet(CardContext card, out PinObject? pin, out ushort statusWord)
    {
        pin = null;
        switch (card.Session.File)
        {
            case null:
                statusWord = StatusWords.NoCurrentEf;
                return false;
            case PinFile pinFile:
                pin = pinFile.Pin;
                statusWord = StatusWords.Success;
                return true;
            default:
                statusWord = StatusWords.ConditionsOfUseNotSatisfied;
                return false;
        }
    }
}

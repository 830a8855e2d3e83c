using Chukei.Card.Apdu;

namespace Chukei.Card.Commands;

/// <summary>GET RESPONSE (<c>00 C0 00 00 Le</c>): hands out T=0 response data held back behind <c>61xx</c>.</summary>
internal static class GetResponseCommand
{
    public static ResponseApdu Handle(CommandApdu apdu, CardContext card)
    {
        if (apdu.P1P2 != 0)
        {
            return ResponseApdu.Status(StatusWords.IncorrectP1P2);
        }

        if (apdu.HasData || !apdu.HasLe)
        {
            return ResponseApdu.Status(StatusWords.WrongLength);
        }

        if (card.Session.Pending is not { } pending)
        {
            return ResponseApdu.Status(StatusWords.ConditionsOfUseNotSatisfied);
        }

        if (apdu.Ne > pending.Length)
        {
            return ResponseApdu.Status(StatusWords.WrongLe(pending.Length));
        }

        byte[] rest = pending[apdu.Ne..];
        card.Session.Pending = rest.Length > 0 ? rest : null;
        return new ResponseApdu(pending[..apdu.Ne], rest.Length > 0 ? StatusWords.BytesAvailable(rest.Length) : StatusWords.Success);
    }
}

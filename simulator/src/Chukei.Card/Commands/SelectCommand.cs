using Chukei.Card.Apdu;

namespace Chukei.Card.Commands;

/// <summary>SELECT (<c>00 A4</c>): by AID (P1 04) or by file id within the current application (P1 02); no FCI is returned (P2 0C).</summary>
internal static class SelectCommand
{
    public static ResponseApdu Handle(CommandApdu apdu, CardContext card)
    {
        if (apdu.P2 != 0x0C)
        {
            return ResponseApdu.Status(StatusWords.IncorrectP1P2);
        }

        return apdu.P1 switch
        {
            0x04 => SelectApplication(apdu, card),
            0x02 => SelectFile(apdu, card),
            _ => ResponseApdu.Status(StatusWords.IncorrectP1P2),
        };
    }

    private static ResponseApdu SelectApplication(CommandApdu apdu, CardContext card)
    {
        if (!apdu.HasData)
        {
            return ResponseApdu.Status(StatusWords.WrongLength);
        }

        var application = card.Applications.FirstOrDefault(a => a.Aid.Span.SequenceEqual(apdu.Data));
        if (application is null)
        {
            // A failed SELECT leaves the current selection as it was (ISO/IEC 7816-4 §7.1.1).
            return ResponseApdu.Status(StatusWords.FileNotFound);
        }

        if (card.Options.ClearSecurityOnApplicationSelect && !ReferenceEquals(card.Session.Application, application))
        {
            card.Session.Verified.Clear();
        }

        card.Session.Application = application;
        card.Session.File = null;
        return ResponseApdu.Ok([]);
    }

    private static ResponseApdu SelectFile(CommandApdu apdu, CardContext card)
    {
        if (apdu.Data.Length != 2)
        {
            return ResponseApdu.Status(StatusWords.WrongLength);
        }

        if (card.Session.Application is not { } application)
        {
            return ResponseApdu.Status(StatusWords.NoCurrentEf);
        }

        var file = application.Find((ushort)((apdu.Data[0] << 8) | apdu.Data[1]));
        if (file is null)
        {
            return ResponseApdu.Status(StatusWords.FileNotFound);
        }

        card.Session.File = file;
        return ResponseApdu.Ok([]);
    }
}

using System.Security.Cryptography;
using Chukei.Card.Apdu;
using Chukei.Card.Files;

namespace Chukei.Card.Commands;

/// <summary>
/// The JPKI signature command (<c>80 2A 00 80 Lc DigestInfo 00</c>): PKCS#1 v1.5 over a DER DigestInfo with the selected key.
/// The card pads the DigestInfo itself; .NET exposes no raw private-key operation, so the DigestInfo is decoded
/// and handed to SignHash, which rebuilds the identical DigestInfo and padding.
/// </summary>
internal static class SignCommand
{
    public static ResponseApdu Handle(CommandApdu apdu, CardContext card)
    {
        if (apdu.P1 != 0x00 || apdu.P2 != 0x80)
        {
            return ResponseApdu.Status(StatusWords.IncorrectP1P2);
        }

        if (!apdu.HasData)
        {
            return ResponseApdu.Status(StatusWords.WrongLength);
        }

        if (card.Session.File is not KeyFile keyFile)
        {
            return ResponseApdu.Status(StatusWords.ConditionsOfUseNotSatisfied);
        }

        // Under T=1 the whole signature must fit in Ne; under T=0 it is fetched with GET RESPONSE, so Le does not apply.
        if (!card.Options.T0Mode && apdu.Ne < keyFile.Key.KeySize / 8)
        {
            return ResponseApdu.Status(StatusWords.WrongLength);
        }

        if (!card.Session.Verified.Contains(keyFile.UseRule))
        {
            return ResponseApdu.Status(StatusWords.SecurityStatusNotSatisfied);
        }

        if (!DigestInfoDecoder.TryDecode(apdu.Data, out var algorithm, out byte[] hash))
        {
            return ResponseApdu.Status(StatusWords.WrongData);
        }

        try
        {
            return ResponseApdu.Ok(keyFile.Key.SignHash(hash, algorithm, RSASignaturePadding.Pkcs1));
        }
        catch (CryptographicException)
        {
            return ResponseApdu.Status(StatusWords.NoPreciseDiagnosis);
        }
    }
}

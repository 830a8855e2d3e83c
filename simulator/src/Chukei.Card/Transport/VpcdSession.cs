using Chukei.Card.Apdu;

namespace Chukei.Card.Transport;

/// <summary>
/// The card's side of one vpcd connection, whoever opened it: read a frame, act on it, answer at most once, until
/// vpcd closes. Shared by <see cref="VpcdClient"/> (the card connects) and <see cref="VpcdListener"/> (vpcd connects).
/// </summary>
internal sealed class VpcdSession(ICardChannel card, VpcdOptions options, Action<string> log)
{
    private static readonly byte[] WrongLength = [StatusWords.WrongLength >> 8, StatusWords.WrongLength & 0xFF];
    private static readonly byte[] NoPreciseDiagnosis = [StatusWords.NoPreciseDiagnosis >> 8, StatusWords.NoPreciseDiagnosis & 0xFF];

    private readonly int _maxCommandLength = options.MaxCommandLength
        ?? (card is VirtualCard { Options.ExtendedLength: true } ? VpcdFraming.MaxPayload : VpcdOptions.MaxShortCommandLength);

    /// <summary>Serves until vpcd closes the stream (returns) or the token is cancelled (throws OperationCanceledException).</summary>
    public async Task ServeAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] header = new byte[2];
        while (true)
        {
            int headerRead = await VpcdFraming.ReadExactlyAsync(stream, header, cancellationToken);
            if (headerRead < header.Length)
            {
                log(headerRead == 0 ? "vpcd closed the connection" : "vpcd closed the connection inside a frame header");
                return;
            }

            byte[] payload = new byte[(header[0] << 8) | header[1]];
            int payloadRead = await VpcdFraming.ReadExactlyAsync(stream, payload, cancellationToken);
            if (payloadRead < payload.Length)
            {
                log($"vpcd closed the connection after {payloadRead} of {payload.Length} payload bytes");
                return;
            }

            byte[]? reply = Handle(payload);
            if (reply is null)
            {
                continue;
            }

            if (reply.Length == 0)
            {
                // vpcd reads an empty reply as removal (vpcd.c 380), so an empty ATR is said the honest way: by leaving.
                log("the card has no ATR; closing the connection, which vpcd sees as removal");
                return;
            }

            await VpcdFraming.WriteFrameAsync(stream, reply, cancellationToken);
        }
    }

    /// <summary>The reply to one frame, or null for the control messages vpcd expects no answer to.</summary>
    internal byte[]? Handle(byte[] payload)
    {
        switch (payload.Length)
        {
            case 0:
                // vpcd never sends this; a card given an empty command would answer wrong length, and answering keeps the
                // one-request-one-reply lockstep intact.
                log("empty frame from vpcd; answering 6700");
                return WrongLength;
            case 1:
                return Control(payload[0]);
        }

        if (payload.Length > _maxCommandLength)
        {
            log($"{payload.Length}-byte command exceeds the {_maxCommandLength}-byte limit; answering 6700");
            return WrongLength;
        }

        if (!card.IsPowered)
        {
            // pcscd powers the card before any APDU, so this is a confused peer; a status word keeps it talking.
            log("APDU to an unpowered card; answering 6F00");
            return NoPreciseDiagnosis;
        }

        try
        {
            byte[] response = card.Transmit(payload);
            return response.Length >= 2 ? response : NoPreciseDiagnosis;
        }
        catch (InvalidOperationException exception)
        {
            // The card may be powered off between the check above and Transmit by a fault-injecting test.
            log($"the card refused the APDU ({exception.Message}); answering 6F00");
            return NoPreciseDiagnosis;
        }
    }

    private byte[]? Control(byte code)
    {
        switch ((VpcdControl)code)
        {
            case VpcdControl.PowerOff:
                card.PowerOff();
                return null;
            case VpcdControl.PowerOn:
                card.PowerOn();
                return null;
            case VpcdControl.Reset:
                card.Reset();
                return null;
            case VpcdControl.GetAtr:
                // Answered whether powered or not: pcscd's presence poll is this very message (ifd-vpcd.c 471–487).
                return card.Atr.ToArray();
            default:
                // vpcd defines no other code; one-byte frames are never APDUs, and no reply is the safe guess.
                log($"unknown control code {code:X2}; ignored");
                return null;
        }
    }
}

using Chukei.Card.Apdu;
using Chukei.Card.Commands;
using Chukei.Card.Files;
using Chukei.Card.Logging;

namespace Chukei.Card;

/// <summary>
/// The virtual card: parses each command APDU, dispatches it to the applications' command handlers and logs the
/// exchange with PINs masked. Being an <see cref="ICardChannel"/>, it is also the in-process transport.
/// </summary>
public sealed class VirtualCard : ICardChannel
{
    private readonly CardContext _context;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public VirtualCard(CardProfile profile, CardOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _context = new CardContext(options ?? new CardOptions(), CardApplications.Build(profile), new CardSession());
        _time = time ?? TimeProvider.System;
        IsPowered = true;
    }

    /// <summary>Raised for every command, response and control event, in order.</summary>
    public event EventHandler<ApduLoggedEventArgs>? ApduLogged;

    public ReadOnlyMemory<byte> Atr => _context.Options.Atr;

    public bool IsPowered { get; private set; }

    public CardOptions Options => _context.Options;

    public IReadOnlyList<CardApplication> Applications => _context.Applications;

    public byte[] Transmit(byte[] commandApdu)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        lock (_gate)
        {
            if (!IsPowered)
            {
                // A reader cannot exchange APDUs with an unpowered card; that is a transport error, not a status word.
                throw new InvalidOperationException("The card is not powered.");
            }

            var (masked, text) = ApduMasker.Mask(commandApdu);
            Log(ApduDirection.Command, masked, text, null);
            var response = Process(commandApdu);
            byte[] bytes = response.ToBytes();
            Log(ApduDirection.Response, bytes, ApduMasker.Hex(bytes), response.StatusWord);
            return bytes;
        }
    }

    public void Reset() => Control("reset", powered: true);

    public void PowerOff() => Control("power-off", powered: false);

    public void PowerOn() => Control("power-on", powered: true);

    private void Control(string name, bool powered)
    {
        lock (_gate)
        {
            // PIN values and counters live in the applications and survive; only the session goes.
            _context.Session.Clear();
            IsPowered = powered;
            Log(ApduDirection.Control, ReadOnlyMemory<byte>.Empty, name, null);
        }
    }

    private ResponseApdu Process(byte[] commandApdu)
    {
        if (!ApduParser.TryParse(commandApdu, _context.Options.ExtendedLength, out var apdu, out ushort statusWord))
        {
            return ResponseApdu.Status(statusWord);
        }

        var session = _context.Session;
        bool getResponse = apdu!.Ins == 0xC0;
        if (!getResponse)
        {
            // Held-back T=0 data is only available to the command that immediately follows.
            session.Pending = null;
        }

        var response = (apdu.Cla, apdu.Ins) switch
        {
            (0x00, 0xA4) => SelectCommand.Handle(apdu, _context),
            (0x00, 0xB0) => ReadBinaryCommand.Handle(apdu, _context),
            (0x00, 0x20) => VerifyCommand.Handle(apdu, _context),
            (0x00, 0x24) => ChangeReferenceDataCommand.Handle(apdu, _context),
            (0x80, 0x2A) => SignCommand.Handle(apdu, _context),
            // ISO PERFORM SECURITY OPERATION is not how the JPKI AP signs (anchors §4).
            (0x00, 0x2A) => ResponseApdu.Status(StatusWords.IncorrectP1P2),
            (_, 0xC0) => GetResponseCommand.Handle(apdu, _context),
            _ => ResponseApdu.Status(StatusWords.InsNotSupported),
        };

        if (_context.Options.T0Mode && !getResponse && apdu.HasData && response.Data.Length > 0)
        {
            // Under T=0 a case-4 command cannot return data directly: the card announces it with 61xx.
            session.Pending = response.Data;
            return ResponseApdu.Status(StatusWords.BytesAvailable(response.Data.Length));
        }

        return response;
    }

    private void Log(ApduDirection direction, ReadOnlyMemory<byte> bytes, string text, ushort? statusWord) =>
        ApduLogged?.Invoke(this, new ApduLoggedEventArgs(direction, bytes, text, statusWord, _time.GetUtcNow()));
}

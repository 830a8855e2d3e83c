using System.Formats.Asn1;
using System.Security.Cryptography;
using Chukei.Card.Logging;

namespace Chukei.Card.Faults;

/// <summary>
/// A card channel that injects scripted faults between a reader and a card (<see cref="VirtualCard"/> or any other
/// <see cref="ICardChannel"/>). It logs every command and answer as the reader saw them, PINs masked, with a control
/// entry for each fault fired, so a test can show exactly what the client under test was confronted with.
/// </summary>
public sealed class FaultInjectingChannel(ICardChannel card, TimeProvider time) : ICardChannel
{
    private readonly Lock _gate = new();
    private readonly List<(CardFault Fault, int Seen)> _faults = [];
    private ushort? _selectedFile;

    /// <summary>Raised for every command, answer and fired fault, in order; VERIFY and CHANGE data are masked.</summary>
    public event EventHandler<ApduLoggedEventArgs>? ApduLogged;

    /// <summary>
    /// How a latency fault is waited out. By default the channel blocks on a delay of its clock; a caller whose clock
    /// only moves when told to (a scenario's virtual clock) moves it here instead, or the wait would never end.
    /// </summary>
    public Action<TimeSpan>? WaitOut { get; init; }

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public bool IsPowered => card.IsPowered;

    /// <summary>Adds a fault to the script; faults fire in the order added, at most one per command.</summary>
    public FaultInjectingChannel Inject(CardFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate) _faults.Add((fault, 0));
        return this;
    }

    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    public byte[] Transmit(byte[] commandApdu)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        var (masked, text) = ApduMasker.Mask(commandApdu);
        Log(ApduDirection.Command, masked, text, null);
        var fault = Fire(commandApdu);
        TrackSelection(commandApdu);
        if (fault is not null)
            ApduLogged?.Invoke(this, new ApduLoggedEventArgs(ApduDirection.Control, ReadOnlyMemory<byte>.Empty, "fault: " + fault.Kind, null, time.GetUtcNow()) { Fault = fault.Kind });

        byte[] response;
        switch (fault?.Kind)
        {
            case CardFaultKind.RemoveBeforeResponse:
                card.PowerOff();
                throw new InvalidOperationException("The card was removed before it answered.");
            case CardFaultKind.ForceStatusWord:
                response = [(byte)(fault.StatusWord >> 8), (byte)fault.StatusWord];
                break;
            case CardFaultKind.ResetBeforeCommand:
                card.Reset();
                response = card.Transmit(commandApdu);
                break;
            default:
                response = card.Transmit(commandApdu);
                break;
        }

        switch (fault?.Kind)
        {
            case CardFaultKind.RemoveAfterResponse:
                card.PowerOff();
                throw new InvalidOperationException("The card was removed before its answer reached the reader.");
            case CardFaultKind.Latency when WaitOut is { } waitOut:
                waitOut(fault.Latency);
                break;
            case CardFaultKind.Latency:
                // Synchronous by contract (ICardChannel); the delay runs on the injected clock, so a virtual clock decides when it ends.
                Task.Delay(fault.Latency, time).GetAwaiter().GetResult();
                break;
            case CardFaultKind.WrongKeySignature when IsSuccess(response):
                response = [.. WrongKeySignature(commandApdu, fault.WrongKey!), 0x90, 0x00];
                break;
            case CardFaultKind.CorruptData when response.Length > 2:
                var at = Math.Clamp(fault.CorruptAt ?? (response.Length - 2) / 2, 0, response.Length - 3);
                response[at] ^= 0xFF;
                break;
        }

        ushort? sw = response.Length >= 2 ? (ushort)((response[^2] << 8) | response[^1]) : null;
        Log(ApduDirection.Response, response, ApduMasker.Hex(response), sw);
        return response;
    }

    public void Reset()
    {
        _selectedFile = null;
        card.Reset();
    }

    public void PowerOff()
    {
        _selectedFile = null;
        card.PowerOff();
    }

    public void PowerOn()
    {
        _selectedFile = null;
        card.PowerOn();
    }

    private CardFault? Fire(byte[] command)
    {
        if (command.Length < 4) return null;
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, seen) = _faults[i];
                if (fault.Ins is { } ins && command[1] != ins) continue;
                if (fault.FileId is { } fid && _selectedFile != fid) continue;
                _faults[i] = (fault, ++seen);
                if (fault.Occurrence == 0 || fault.Occurrence == seen) return fault;
            }
        }
        return null;
    }

    /// <summary>Follows SELECT so faults can match on the current EF; selecting an application clears it.</summary>
    private void TrackSelection(byte[] command)
    {
        if (command.Length < 4 || command[1] != 0xA4) return;
        _selectedFile = command[2] == 0x02 && command.Length >= 7 && command[4] == 2 ? (ushort)((command[5] << 8) | command[6]) : null;
    }

    private static bool IsSuccess(byte[] response) => response.Length > 2 && response[^2] == 0x90 && response[^1] == 0x00;

    /// <summary>Signs the DigestInfo in a JPKI SIGN command (<c>80 2A 00 80 Lc DigestInfo 00</c>) with another key.</summary>
    private static byte[] WrongKeySignature(byte[] command, RSA key)
    {
        var digestInfo = command.AsSpan(5, command[4]);
        var outer = new AsnReader(digestInfo.ToArray(), AsnEncodingRules.DER).ReadSequence();
        outer.ReadSequence();
        var hash = outer.ReadOctetString();
        var algorithm = hash.Length switch
        {
            20 => HashAlgorithmName.SHA1,
            48 => HashAlgorithmName.SHA384,
            64 => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        return key.SignHash(hash, algorithm, RSASignaturePadding.Pkcs1);
    }

    private void Log(ApduDirection direction, ReadOnlyMemory<byte> bytes, string text, ushort? statusWord) =>
        ApduLogged?.Invoke(this, new ApduLoggedEventArgs(direction, bytes, text, statusWord, time.GetUtcNow()));
}

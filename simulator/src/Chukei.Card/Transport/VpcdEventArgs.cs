namespace Chukei.Card.Transport;

/// <summary>
/// Something the transport noticed that the APDU log cannot show: connections, removals and frames it had to refuse.
/// APDUs themselves are logged (masked) by the card's own <see cref="VirtualCard.ApduLogged"/>.
/// </summary>
public sealed class VpcdEventArgs(string message, DateTimeOffset at) : EventArgs
{
    public string Message { get; } = message;

    public DateTimeOffset At { get; } = at;

    public override string ToString() => $"{At:O} vpcd {Message}";
}
